// Source page: a record and its evidence light up together, whichever is chosen.
(function () {
  function light(ids) {
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    ids.forEach(function (id) {
      var item = document.getElementById("record-" + id);
      if (item) { item.classList.add("active"); }
      document.querySelectorAll("mark.evidence").forEach(function (mark) {
        if (mark.dataset.records.split(" ").indexOf(String(id)) >= 0) { mark.classList.add("active"); }
      });
    });
  }
  document.querySelectorAll("mark.evidence").forEach(function (mark) {
    mark.addEventListener("click", function () { light(mark.dataset.records.split(" ")); });
  });
  document.querySelectorAll("li[data-record] .to-span").forEach(function (link) {
    link.addEventListener("click", function () { light([link.parentElement.dataset.record]); });
  });
})();
