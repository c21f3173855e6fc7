// Citation previews, a progressive enhancement: without this script a marker is a plain link
// to its note and the note's letters link back. With it, hovering or focusing a marker shows
// the note in a small popover; Escape closes it; on touch, the first tap previews and a second
// tap follows the link. The popover holds a copy of the note's text only (no links), so it is
// a tooltip in ARIA terms, and the marker already names the note with aria-describedby.
(function () {
  "use strict";
  var tip = null;
  var owner = null;
  var hideTimer = null;

  function noteText(marker) {
    var note = document.getElementById(marker.getAttribute("aria-describedby"));
    return note ? note.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function place(marker) {
    var box = marker.getBoundingClientRect();
    var width = Math.min(352, document.documentElement.clientWidth - 16);
    var left = Math.max(8, Math.min(box.left + window.scrollX - width / 2, window.scrollX + document.documentElement.clientWidth - width - 8));
    tip.style.width = width + "px";
    tip.style.left = left + "px";
    tip.style.top = box.bottom + window.scrollY + 6 + "px";
  }

  function show(marker) {
    clearTimeout(hideTimer);
    if (owner === marker) return;
    hide();
    tip = document.createElement("div");
    tip.className = "cite-preview";
    tip.id = "cite-preview";
    tip.setAttribute("role", "tooltip");
    tip.textContent = noteText(marker);
    // Inside <main>, so the popover belongs to a landmark (main is not positioned).
    (document.getElementById("main") || document.body).appendChild(tip);
    place(marker);
    owner = marker;
    tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    tip.addEventListener("mouseleave", hideSoon);
  }

  function hide() {
    if (tip) tip.remove();
    tip = null;
    owner = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 200);
  }

  var markers = document.querySelectorAll("a.cite-ref");
  markers.forEach(function (marker) {
    marker.addEventListener("mouseenter", function () { show(marker); });
    marker.addEventListener("mouseleave", hideSoon);
    marker.addEventListener("focus", function () { show(marker); });
    marker.addEventListener("blur", hideSoon);
    marker.addEventListener("pointerup", function (event) {
      if (event.pointerType === "touch" && owner !== marker) {
        marker.dataset.previewed = "1";
        show(marker);
      }
    });
    marker.addEventListener("click", function (event) {
      if (marker.dataset.previewed === "1") {
        event.preventDefault();
        delete marker.dataset.previewed;
      }
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && tip) hide();
  });
  document.addEventListener("pointerdown", function (event) {
    if (tip && !tip.contains(event.target) && event.target !== owner) hide();
  });
})();
