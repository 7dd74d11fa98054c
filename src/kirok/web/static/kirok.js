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
// Add sources: show the upload's progress while the files go up.
(function () {
  var form = document.getElementById("upload-form");
  if (!form || !window.XMLHttpRequest) { return; }
  var bar = document.getElementById("upload-progress");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var request = new XMLHttpRequest();
    request.open("POST", form.action);
    bar.hidden = false;
    request.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); }
    });
    request.addEventListener("load", function () {
      document.open(); document.write(request.responseText); document.close();
    });
    request.send(new FormData(form));
  });
})();
