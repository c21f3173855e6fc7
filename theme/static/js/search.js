// Search over the Pagefind index, served from this site. The results are built with
// textContent and <mark> elements only: no HTML from the index is inserted as markup.
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  if (!form) return;
  var input = form.querySelector("#search-query");
  var kind = form.querySelector("#search-kind");
  var status = document.querySelector(".search-status");
  var list = document.querySelector(".search-results");
  var siteurl = document.documentElement.dataset.siteurl || "";
  var basePath = new URL(siteurl + "/", window.location.href).pathname;
  var pagefind = null;

  document.querySelector(".search-needs-js").hidden = true;
  form.hidden = false;

  function excerptNodes(excerpt) {
    // Pagefind marks matches with <mark>…</mark>; everything else is text.
    var parts = excerpt.split(/<mark>|<\/mark>/);
    return parts.map(function (part, index) {
      var text = part.replace(/<[^>]*>/g, "").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'");
      if (index % 2 === 0) return document.createTextNode(text);
      var mark = document.createElement("mark");
      mark.textContent = text;
      return mark;
    });
  }

  async function load() {
    if (!pagefind) {
      pagefind = await import(basePath + "pagefind/pagefind.js");
      await pagefind.options({ baseUrl: basePath });
    }
    return pagefind;
  }

  // Pagefind lists the pages that hold every word. Where none holds them all, the pages holding
  // the most of them are listed instead, and the status says so and which words they hold.
  async function pagesWith(engine, words, filters) {
    for (var size = words.length; size > 0; size--) {
      var groups = subsets(words, size), found = [], held = [];
      for (var i = 0; i < groups.length; i++) {
        var search = await engine.search(groups[i].join(" "), { filters: filters });
        if (search.results.length) held.push(groups[i].join(" "));
        found = found.concat(search.results);
      }
      if (found.length) {
        var seen = {};
        found = found.filter(function (r) { return !seen[r.id] && (seen[r.id] = true); });
        found.sort(function (a, b) { return b.score - a.score; });
        return { results: found, held: size < words.length ? held : null };
      }
    }
    return { results: [], held: null };
  }

  function subsets(words, size) {
    if (size === words.length) return [words];
    var out = [];
    words.forEach(function (_, skip) {
      subsets(words.filter(function (_, i) { return i !== skip; }), size).forEach(function (s) {
        if (!out.some(function (o) { return o.join(" ") === s.join(" "); })) out.push(s);
      });
    });
    return out;
  }

  // The passage of the page, where it has a heading of its own, that holds the most of the
  // query's words (told by the marks in its excerpt), then the most matches.
  function passage(page) {
    var best = null, bestWords = 0;
    (page.sub_results || []).forEach(function (sub) {
      if (sub.url.indexOf("#") < 0) return;
      var words = {};
      (sub.excerpt.match(/<mark>[^<]*<\/mark>/g) || []).forEach(function (m) { words[m.toLowerCase()] = 1; });
      var count = Object.keys(words).length;
      if (!best || count > bestWords || (count === bestWords && (sub.locations || []).length > (best.locations || []).length)) {
        best = sub;
        bestWords = count;
      }
    });
    return best;
  }

  var latest = 0;
  async function run() {
    var query = input.value.trim(), mine = ++latest;
    var engine = await load();
    var filters = kind.value ? { kind: kind.value } : {};
    if (await engine.debouncedSearch(query, { filters: filters }, 150) === null) return; // a newer search replaced this one
    var words = query.split(/\s+/).filter(Boolean);
    var search = await pagesWith(engine, words, filters);
    if (mine !== latest) return;
    var found = await Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); }));
    list.textContent = "";
    found.forEach(function (page) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = page.url;
      link.textContent = page.meta.title;
      item.appendChild(link);
      var sub = passage(page);
      if (sub) {
        var part = document.createElement("a");
        part.className = "search-passage";
        part.href = sub.url;
        part.textContent = sub.title;
        item.appendChild(document.createTextNode(" · "));
        item.appendChild(part);
      }
      var excerpt = document.createElement("p");
      excerptNodes((sub || page).excerpt).forEach(function (node) { excerpt.appendChild(node); });
      item.appendChild(excerpt);
      list.appendChild(item);
    });
    var count = search.results.length + " page" + (search.results.length === 1 ? "" : "s");
    status.textContent = !query ? "" : search.held
      ? "No page holds all of these words. " + count + " found with some of them: " + search.held.join("; ") + "."
      : count + " found.";
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  input.addEventListener("input", run);
  kind.addEventListener("change", run);
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { input.value = initial; run(); }
})();
