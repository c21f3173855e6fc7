// Timeline filters (progressive enhancement: without script each filter link is a page). On
// /timeline/ the links filter in place; the history entry keeps the filter for Back.
(function () {
  "use strict";
  // An entry opened by its address shows whole.
  function openTarget() {
    var entry = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var more = entry && entry.classList.contains("entry") && entry.querySelector("details");
    if (more) more.open = true;
  }
  openTarget();
  window.addEventListener("hashchange", openTarget);

  // Only the full timeline filters in place.
  var nav = document.querySelector(".timeline-filters");
  if (!nav || !nav.querySelector("a[data-filter='all'][aria-current]")) return;
  var entries = Array.prototype.slice.call(document.querySelectorAll(".entry"));
  var status = nav.querySelector(".filter-status");

  function matches(entry, link) {
    if (link.dataset.filterGroup) return entry.dataset.group === link.dataset.filterGroup;
    if (link.dataset.filterEntity) return (" " + entry.dataset.entities + " ").indexOf(" " + link.dataset.filterEntity + " ") >= 0;
    return true;
  }

  function apply(link) {
    var shown = 0;
    entries.forEach(function (entry) {
      var visible = matches(entry, link);
      entry.hidden = !visible;
      if (visible) shown += 1;
    });
    // Hide headings of periods and eras left empty.
    document.querySelectorAll(".period, .era").forEach(function (section) {
      section.hidden = !section.querySelector(".entry:not([hidden])");
    });
    // The page's map lists only the eras still shown.
    document.querySelectorAll(".contents a").forEach(function (a) {
      var target = document.getElementById(a.hash.slice(1));
      a.parentNode.hidden = !!(target && target.closest("[hidden]"));
    });
    nav.querySelectorAll("a[aria-current]").forEach(function (a) { a.removeAttribute("aria-current"); });
    link.setAttribute("aria-current", "true");
    status.textContent = "Showing " + shown + " of " + entries.length + " entries: " + link.textContent.replace(/\s*\(\d+\)$/, "") + ".";
  }

  var FILTERS = "a[data-filter], a[data-filter-group], a[data-filter-entity]";
  var current;
  function keep() {
    history.replaceState({ timelineFilter: current.getAttribute("href") }, "");
  }
  nav.addEventListener("click", function (event) {
    var link = event.target.closest(FILTERS);
    if (!link) return;
    event.preventDefault();
    apply(current = link);
    keep();
  });
  // A jump to an entry makes a history entry: it keeps the filter too.
  window.addEventListener("hashchange", function () { if (current) keep(); });
  var kept = history.state && history.state.timelineFilter;
  nav.querySelectorAll(FILTERS).forEach(function (link) {
    if (kept && link.getAttribute("href") === kept) apply(current = link);
  });
})();
