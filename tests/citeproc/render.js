// Renders CSL-JSON records in one CSL style with citeproc-js, as Zotero and Mendeley do.
// Reads {"style": path, "locale": "en-GB", "items": [...]} on standard input; writes, for each
// record by id, its bibliography entry and its in-text citation, as plain text.
"use strict";
const fs = require("fs");
const path = require("path");
const CSL = require("citeproc");

const request = JSON.parse(fs.readFileSync(0, "utf8"));
const byId = Object.fromEntries(request.items.map((item) => [item.id, item]));
const localeFolder = path.dirname(request.style);
const sys = {
  retrieveItem: (id) => byId[id],
  retrieveLocale: (lang) => fs.readFileSync(path.join(localeFolder, `locales-${lang}.xml`), "utf8"),
};
const style = fs.readFileSync(request.style, "utf8");
const ids = request.items.map((item) => item.id);

// One engine (reading a style is most of the time); each citation is made with that record
// alone in its registry, so that no other record changes its form (disambiguation, "ibid.",
// year suffixes are not what these tests read).
const engine = new CSL.Engine(sys, style, request.locale, true);
engine.setOutputFormat("text");
const citations = {};
for (const id of ids) {
  engine.updateItems([id]);
  citations[id] = engine.makeCitationCluster([{ id }]);
}
engine.updateItems(ids);
const [meta, entries] = engine.makeBibliography();
const bibliography = Object.fromEntries(meta.entry_ids.map((entry, i) => [entry[0], entries[i].trim()]));
process.stdout.write(JSON.stringify({ order: meta.entry_ids.map((e) => e[0]), bibliography, citations }));
