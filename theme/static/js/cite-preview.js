// Note previews, a progressive enhancement: without this script a marker is a plain link to its
// note. With it, a tap, click or Enter on a marker opens a small non-modal dialog with the cited
// paragraph (the quotation highlighted), the short reference and a link to the paragraph; focus
// moves to that link. Escape or a tap elsewhere closes it and gives focus back to the marker.
// A mouse previews on hover. Where a sidenote already shows the note beside the text, nothing opens.
(function () {
  "use strict";
  var box = null, owner = null, hideTimer = null, hoverTimer = null;

  function noteOf(marker) {
    return document.getElementById(marker.getAttribute("href").slice(1));
  }

  function sidenoteShown(marker) {
    var next = marker.parentElement.nextElementSibling;
    return next && next.classList.contains("sidenote") && next.offsetParent !== null;
  }

  function build(marker, note) {
    var link = note.querySelector(".note-link");
    var excerpt = note.querySelector(".note-excerpt");
    var div = document.createElement("div");
    div.className = "cite-preview";
    div.id = "cite-preview";
    div.setAttribute("role", "dialog");
    div.setAttribute("aria-label", "Note " + marker.textContent.replace(/[\[\]]/g, ""));
    // A visible way out for a finger: a bottom sheet can cover the marker it came from.
    var shut = document.createElement("button");
    shut.type = "button";
    shut.className = "preview-close";
    shut.textContent = "Close";
    shut.addEventListener("click", function () { close(true); });
    div.appendChild(shut);
    var ref = document.createElement("p");
    ref.className = "preview-ref";
    ref.textContent = link.textContent.replace(/\s+/g, " ").trim();
    div.appendChild(ref);
    if (excerpt) {
      var quote = excerpt.cloneNode(true);
      quote.hidden = false;
      quote.removeAttribute("data-pagefind-ignore");
      div.appendChild(quote);
    }
    var go = document.createElement("a");
    go.href = link.getAttribute("href");
    go.textContent = excerpt ? "Read this paragraph in the source" : "Open the source";
    div.appendChild(go);
    return div;
  }

  function place(marker) {
    var width = document.documentElement.clientWidth, height = window.innerHeight;
    if (width < 640) { box.classList.add("sheet"); return; }
    var m = marker.getBoundingClientRect();
    box.style.width = Math.min(416, width - 16) + "px";
    var left = Math.max(8, Math.min(m.left - 16, width - box.offsetWidth - 8));
    var below = height - m.bottom - 8, above = m.top - 8;
    var top = box.offsetHeight <= below || below >= above ? m.bottom + 6 : m.top - box.offsetHeight - 6;
    top = Math.max(8, Math.min(top, height - box.offsetHeight - 8));
    box.style.left = left + window.scrollX + "px";
    box.style.top = top + window.scrollY + "px";
  }

  function open(marker, moveFocus) {
    clearTimeout(hideTimer);
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
    if (moveFocus) box.querySelector("a").focus();
  }

  function close(refocus) {
    if (!box) return;
    var marker = owner, old = box;
    box = null;
    owner = null;
    marker.removeAttribute("aria-expanded");
    // Focus goes back before the dialog goes, so it never falls to the page's start.
    if (refocus) marker.focus({ preventScroll: true });
    old.remove();
  }

  function closeSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () { close(false); }, 250);
  }

  document.querySelectorAll("a.cite-ref").forEach(function (marker) {
    marker.setAttribute("aria-haspopup", "dialog");
    marker.addEventListener("click", function (event) {
      if (sidenoteShown(marker)) return;
      event.preventDefault();
      open(marker, true);
    });
    // Only a mouse hovers: a finger's tap also sends enter events, and the tap itself opens.
    marker.addEventListener("pointerenter", function (event) {
      if (event.pointerType !== "mouse" || sidenoteShown(marker)) return;
      clearTimeout(hoverTimer);
      hoverTimer = setTimeout(function () { open(marker, false); }, 150);
    });
    marker.addEventListener("pointerleave", function (event) {
      if (event.pointerType !== "mouse") return;
      clearTimeout(hoverTimer);
      closeSoon();
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && box) close(true);
  });
  document.addEventListener("pointerdown", function (event) {
    if (box && !box.contains(event.target) && !owner.contains(event.target)) close(true);
  });
})();
