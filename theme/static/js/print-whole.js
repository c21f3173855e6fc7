// Paper cannot open a disclosure: before the Differences page prints, each answer and each
// paragraph's quotations that are closed open, and close again after. Without this script the
// page prints what is open.
(function () {
  "use strict";
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll(".claim-more, .apparatus"), function (d) {
      return !d.open && (d.open = true);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
