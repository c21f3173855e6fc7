"""Sources as CSL-JSON, the bibliography format Zotero, Pandoc and citation managers read.

Styles print what the fields hold and nothing of `note`, so each field says only what is true
of it as a reader will see it printed (tests/exports/test_styles.py renders every record in APA 7,
Chicago 18 author-date and Cite Them Right Harvard with citeproc-js):

- a value the project worked out is supplied information, in square brackets, as the APA and
  Chicago manuals mark information that the work itself does not give: "[Anti-Media]",
  "[Carey Wedler]", an issued date "[2018]" (a style's own hedge cannot do it: Cite Them Right
  ignores `circa`). An inferred access date is left out, as no style would bracket it;
- `URL` is the original's address only; this site's copy is the archive the text is held in
  (`archive`, and the copy's address in `archive_location`), so no style prints the copy as
  the publisher's page;
- a news report whose publication is not known is a `webpage`: an `article-newspaper` without
  author or container title collapses to "(2018)" in Cite Them Right, which puts the newspaper
  in the author's place; a web page puts its title there.

`note` still says which values were inferred, on what basis, and which are not known.
"""

from __future__ import annotations

from ..content.names import PERSON
from ..content.phrasing import fact_text, rights_text

CSL_TYPES = {
    "news report": "article-newspaper",
    "opinion": "article-newspaper",
    "report": "report",
    "press release": "document",
    "primary document": "document",
}
PROVENANCE_LABELS = {
    "title": "Title",
    "publication": "Publication",
    "authors": "Author",
    "date": "Date",
    "original_url": "Original address",
    "accessed": "Access date",
}


def date_parts(date) -> list[int]:
    return [part for part in (date.year, date.month, date.day) if part]


def supplied(text: str) -> str:
    """Information the work does not show, marked as the styles' manuals mark it."""
    return f"[{text}]"


def csl_name(name, inferred: bool = False) -> dict:
    """A person as family and given names, so that styles sort and abbreviate them ("Wedler, C.");
    an organisation or a signature as one literal name, never split. A name the project worked
    out is one bracketed literal: brackets split across family and given names would not close
    in a citation, which prints the family name alone."""
    if inferred:
        return {"literal": supplied(name.text)}
    if name.kind != PERSON:
        return {"literal": name.text}
    return {"family": name.family, **({"given": name.given} if name.given else {})}


def _provenance_note(source, copy_url: str) -> str:
    """What a reader of the record must know and CSL has no field for: each inferred value with
    its basis, each value not known, and where this site's copy is."""
    lines = []
    for name, label in PROVENANCE_LABELS.items():
        fact = getattr(source, name)
        if fact.inferred:
            lines.append(f"{label}: {fact_text(fact)}. Basis: {fact.basis}")
        elif not fact.known:
            lines.append(f"{label}: not known.")
    if not source.title.known:
        lines.append("The bracketed title is the project's description of the document.")
    if source.archived_url.known:
        lines.append(f"Archived copy: {source.archived_url.value}")
    lines.append(f"Copy on this site: {copy_url}")
    return " ".join(lines)


def _issued(fact) -> dict:
    """The date as a style prints it: its parts where the copy states it, else the year supplied."""
    if fact.inferred:
        return {"literal": supplied(str(fact.value.year))}
    return {"date-parts": [date_parts(fact.value)]}


def csl_type(source) -> str:
    kind = CSL_TYPES[source.kind]
    if kind == "article-newspaper" and not source.publication.known:
        return "webpage"
    return kind


def csl_item(source, siteurl: str, archive_name: str) -> dict:
    copy_url = f"{siteurl}/{source.url}"
    title, original = source.title, source.original_url
    item = {
        "id": source.slug,
        "type": csl_type(source),
        # A title the project wrote (label:) is bracketed, as on the site.
        "title": source.display_title
        if title.known and not title.inferred
        else supplied(source.display_title),
        "abstract": source.summary,
        "note": _provenance_note(source, copy_url),
        "archive": archive_name,
        "archive_location": f"copy at {copy_url}",
        # CSL 1.0.2 names a "license" variable, but the CSL data schema does not take it yet.
        "custom": {"rights": rights_text(source.rights)},
    }
    if original.known and not original.inferred:
        item["URL"] = original.value
    publication = source.publication
    if publication.known:
        item["container-title"] = supplied(publication.value) if publication.inferred else publication.value
    authors = source.authors
    if authors.known:
        item["author"] = [csl_name(name, authors.inferred) for name in authors.value]
    if source.date.known:
        item["issued"] = _issued(source.date)
    accessed = source.accessed
    if accessed.known and not accessed.inferred:
        item["accessed"] = {"date-parts": [date_parts(accessed.value)]}
    return item


def csl_items(sources, siteurl: str, archive_name: str) -> list[dict]:
    return [csl_item(source, siteurl, archive_name) for source in sorted(sources, key=lambda s: s.slug)]
