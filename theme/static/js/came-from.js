// The way back from a source's paragraph to the sentence that cites it, a progressive
// enhancement. Without this script, the paragraph in the address (#p4) is highlighted and lists
// every place on the site that cites it (pages/cited_here.py). A note's link says which marker
// the reader left (?from=timeline/#…-cite-ref-2-a); where that marker is one of the places listed,
// this script offers a link straight back to it and highlights every paragraph it cites.
(function () {
  "use strict";
  var base = new URL((document.documentElement.dataset.siteurl || "") + "/", location.href).pathname;
  var came = /^([\w.\/-]*)#([\w-]+)$/.exec(new URLSearchParams(location.search).get("from") || "");

  function show() {
    document.querySelectorAll(".para.cited").forEach(function (p) { p.classList.remove("cited"); });
    document.querySelectorAll(".came-back").forEach(function (a) { a.remove(); });
    var target = document.getElementById(location.hash.slice(1));
    if (!target || !target.classList.contains("para")) return;
    var places = [].slice.call(target.querySelectorAll(".came-from a"));
    // Marker ids repeat from page to page (an event and a campaign may share a slug): where more
    // than one place has the id, the one listed under the page it came from, or under the page a
    // filtered view shows (timeline/group/amazon/ is the timeline's), is the one.
    var path = came && base + came[1];
    var same = places.filter(function (a) { return came && a.hash === "#" + came[2]; });
    var place = same.length === 1 ? same[0] : same.filter(function (a) {
      return a.pathname === path || (a.pathname.length > base.length && path.indexOf(a.pathname) === 0);
    }).sort(function (a, b) { return b.pathname.length - a.pathname.length; })[0];
    // Without a marker to go by, a range is highlighted only where every place cites the same one.
    var lasts = places.map(function (a) { return a.dataset.last; });
    var last = place ? place.dataset.last : lasts.every(function (l) { return l === lasts[0]; }) && lasts[0];
    for (var n = +target.id.slice(1) + 1; n <= +last; n++) {
      var next = document.getElementById("p" + n);
      if (next) next.classList.add("cited");
    }
    // The page it came from is a path on this site (a filtered timeline, say), never another site.
    if (place && came[1].indexOf("..") < 0 && came[1].indexOf("//") < 0) {
      var back = document.createElement("a");
      back.className = "came-back";
      back.href = base + came[1] + "#" + came[2];
      back.textContent = "Back to where you were reading";
      target.querySelector(".came-from").prepend(back);
    }
  }

  show();
  addEventListener("hashchange", show);
})();
