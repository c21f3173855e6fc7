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

  async function run() {
    var query = input.value.trim();
    var engine = await load();
    var filters = kind.value ? { kind: kind.value } : {};
    var search = await engine.debouncedSearch(query, { filters: filters }, 150);
    if (search === null) return; // a newer search replaced this one
    var found = await Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); }));
    list.textContent = "";
    found.forEach(function (page) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = page.url;
      link.textContent = page.meta.title;
      var excerpt = document.createElement("p");
      excerptNodes(page.excerpt).forEach(function (node) { excerpt.appendChild(node); });
      item.appendChild(link);
      item.appendChild(excerpt);
      list.appendChild(item);
    });
    status.textContent = query ? search.results.length + " page" + (search.results.length === 1 ? "" : "s") + " found." : "";
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  input.addEventListener("input", run);
  kind.addEventListener("change", run);
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { input.value = initial; run(); }
})();
