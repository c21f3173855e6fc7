// Note previews (progressive enhancement: without script a marker links to its note). A tap,
// click or Enter opens a dialog where the reader is (ARCHITECTURE.md, "Notes"); Escape, Close or
// a tap elsewhere closes it and gives focus back to the marker; a mouse previews on hover.
(function () {
  "use strict";
  var box = null, owner = null, hideTimer = null, hoverTimer = null;
  var root = document.documentElement;
  var base = new URL((root.dataset.siteurl || "") + "/", location.href).pathname;

  function noteOf(marker) {
    return document.getElementById(marker.getAttribute("href").slice(1));
  }

  function sidenoteOf(marker) {
    var next = marker.parentElement.nextElementSibling;
    return next && next.classList.contains("sidenote") && next.offsetParent !== null ? next : null;
  }

  // The source's address with ?from=<this page>#<marker>.
  function from(href, marker) {
    href = href.replace(/\?[^#]*/, "");
    var at = href.indexOf("#"), query = "?from=" + encodeURIComponent(location.pathname.slice(base.length) + "#" + marker.id);
    return at < 0 ? href + query : href.slice(0, at) + query + href.slice(at);
  }

  function build(marker, note) {
    var link = note.querySelector(".note-link");
    var excerpt = note.querySelector(".note-excerpt");
    var div = document.createElement("div");
    div.className = "cite-preview";
    div.setAttribute("role", "dialog");
    div.setAttribute("aria-label", "Note " + marker.textContent.replace(/[\[\]]/g, ""));
    var shut = document.createElement("button");
    shut.type = "button";
    shut.className = "preview-close";
    shut.textContent = "Close";
    shut.addEventListener("click", function () { close(true); });
    div.appendChild(shut);
    var ref = document.createElement("p");
    ref.className = "preview-ref";
    ref.textContent = link.textContent.replace(/[ \t\n\r]+/g, " ").trim(); // not the no-break space of "¶ 4"
    div.appendChild(ref);
    if (excerpt) {
      var quote = excerpt.cloneNode(true);
      quote.hidden = false;
      div.appendChild(quote);
    }
    var go = document.createElement("a");
    go.href = from(link.getAttribute("href"), marker);
    go.textContent = !excerpt ? "Open the source" : excerpt.children.length > 1 ? "Read these paragraphs in the source" : "Read this paragraph in the source";
    div.appendChild(go);
    return div;
  }

  function place(marker) {
    var width = root.clientWidth, height = innerHeight, m = marker.getBoundingClientRect();
    var side = sidenoteOf(marker), left, top;
    if (width < 640) return sheet(m);
    if (side) {
      // In the margin, over its sidenote.
      left = side.getBoundingClientRect().left;
      box.style.width = Math.min(416, width - left - 8) + "px";
      top = m.top - 4;
    } else {
      box.style.width = Math.min(416, width - 16) + "px";
      left = Math.max(8, Math.min(m.left - 16, width - box.offsetWidth - 8));
      var below = height - m.bottom - 8, above = m.top - 8;
      top = box.offsetHeight <= below || below >= above ? m.bottom + 6 : m.top - box.offsetHeight - 6;
    }
    top = Math.max(8, Math.min(top, height - box.offsetHeight - 8));
    box.style.left = left + scrollX + "px";
    box.style.top = top + scrollY + "px";
  }

  // A phone's sheet: the page scrolls until the marker's line clears it.
  function sheet(m) {
    box.classList.add("sheet");
    root.classList.add("sheet-open");
    var clear = innerHeight - box.offsetHeight - 16;
    if (m.bottom > clear) scrollBy(0, m.bottom - clear);
  }

  function open(marker, moveFocus) {
    clearTimeout(hideTimer);
    clearTimeout(hoverTimer);
    if (owner === marker) { if (moveFocus) box.querySelector("a").focus(); return; }
    close(false);
    var note = noteOf(marker);
    if (!note || !note.querySelector(".note-link")) return;
    box = build(marker, note);
    (document.getElementById("main") || document.body).appendChild(box);
    place(marker);
    owner = marker;
    marker.setAttribute("aria-expanded", "true");
    box.addEventListener("pointerenter", function () { clearTimeout(hideTimer); });
    box.addEventListener("pointerleave", function (event) { if (event.pointerType === "mouse") closeSoon(); });
    box.addEventListener("focusout", function (event) {
      if (box && !box.contains(event.relatedTarget) && event.relatedTarget !== owner) close(false);
    });
    if (moveFocus) box.querySelector("a").focus({ preventScroll: true });
  }

  function close(refocus) {
    clearTimeout(hoverTimer); // a hover begun before a click opens nothing later
    if (!box) return;
    var marker = owner, old = box;
    box = null;
    owner = null;
    marker.removeAttribute("aria-expanded");
    // Focus goes back first, so it never falls to the page's start.
    if (refocus) marker.focus({ preventScroll: true });
    old.remove();
    root.classList.remove("sheet-open");
  }

  function closeSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () { close(false); }, 250);
  }

  document.querySelectorAll("a.cite-ref").forEach(function (marker) {
    marker.setAttribute("aria-haspopup", "dialog");
    marker.addEventListener("click", function (event) {
      event.preventDefault();
      open(marker, true);
    });
    // Only a mouse hovers: a tap sends enter events too.
    marker.addEventListener("pointerenter", function (event) {
      if (event.pointerType !== "mouse" || sidenoteOf(marker)) return;
      clearTimeout(hoverTimer);
      hoverTimer = setTimeout(function () { open(marker, false); }, 150);
    });
    marker.addEventListener("pointerleave", function (event) {
      if (event.pointerType !== "mouse") return;
      clearTimeout(hoverTimer);
      closeSoon();
    });
  });

  // A sidenote's or a single-use note's link names its marker for came-from.js.
  document.addEventListener("click", function (event) {
    var link = event.target.closest(".sidenote a, a.note-link"), marker = null;
    if (!link) return;
    if (link.classList.contains("note-link")) {
      var back = link.parentElement.querySelectorAll(".backlinks a");
      if (back.length === 1) marker = document.getElementById(back[0].getAttribute("href").slice(1));
    } else {
      var number = "[" + link.parentElement.querySelector(".sidenote-number").textContent + "]";
      link.closest(".sidenote").previousElementSibling.querySelectorAll("a.cite-ref").forEach(function (m) {
        if (m.textContent === number) marker = m;
      });
    }
    if (marker) link.href = from(link.getAttribute("href"), marker);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && box) close(true);
  });
  document.addEventListener("pointerdown", function (event) {
    if (box && !box.contains(event.target) && !owner.contains(event.target)) close(true);
  });
})();
