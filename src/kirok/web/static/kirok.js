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
// Source page: the selected text's character offsets fill the "Add a record" form.
(function () {
  var text = document.querySelector("article.text");
  var form = document.getElementById("add-record");
  if (!text || !form) { return; }
  document.addEventListener("selectionchange", function () {
    var selection = window.getSelection();
    if (!selection.rangeCount || selection.isCollapsed) { return; }
    var range = selection.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) { return; }
    var before = document.createRange();
    before.setStart(text, 0);
    before.setEnd(range.startContainer, range.startOffset);
    var start = before.toString().length;
    var chosen = range.toString();
    form.elements.start.value = start;
    form.elements.end.value = start + chosen.length;
    document.getElementById("a-selected").textContent = "Selected: " + chosen.slice(0, 120);
  });
})();
