"""Sources as CSL-JSON, the bibliography format Zotero, Pandoc and citation managers read.

A reference manager takes each field as the best data there is: a value the project worked out
is exported as it stands (a style cannot mark one field uncertain, except a date's `circa`), and
`note` says which values were inferred, on what basis, and which are not known.
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


def csl_name(name) -> dict:
    """A person as family and given names, so that styles sort and abbreviate them ("Wedler, C.");
    an organisation or a signature as one literal name, never split."""
    if name.kind != PERSON:
        return {"literal": name.text}
    return {"family": name.family, **({"given": name.given} if name.given else {})}


def _provenance_note(source, copy_url: str) -> str:
    """What a reader of the record must know and CSL has no field for: each inferred value with
    its basis, each value not known, and where this site's copy is when URL is the original."""
    fields, lines = source.fields, []
    for name, label in PROVENANCE_LABELS.items():
        fact = fields[name]
        if fact.inferred:
            lines.append(f"{label}: {fact_text(fact)}. Basis: {fact.basis}")
        elif not fact.known:
            lines.append(f"{label}: not known.")
    if not fields["title"].known:
        lines.append("The bracketed title is the project's description of the document.")
    if fields["archived_url"].known:
        lines.append(f"Archived copy: {fields['archived_url'].value}")
    lines.append(f"Copy on this site: {copy_url}")
    return " ".join(lines)


def csl_item(source, siteurl: str, archive_name: str) -> dict:
    fields = source.fields
    copy_url = f"{siteurl}/{source.url}"
    original = fields["original_url"]
    item = {
        "id": source.slug,
        "type": CSL_TYPES[fields["kind"]],
        "title": source.display_title if fields["title"].known else f"[{source.display_title}]",
        "abstract": fields["summary"],
        "URL": original.value if original.known else copy_url,
        "note": _provenance_note(source, copy_url),
        # CSL 1.0.2 names a "license" variable, but the CSL data schema does not take it yet.
        "custom": {"rights": rights_text(fields["rights"])},
    }
    if not original.known:
        item["archive"] = archive_name  # the copy the URL leads to is held by this site
    if fields["publication"].known:
        item["container-title"] = fields["publication"].value
    if fields["authors"].known:
        item["author"] = [csl_name(name) for name in fields["authors"].value]
    if fields["date"].known:
        item["issued"] = {"date-parts": [date_parts(fields["date"].value)]}
        if fields["date"].inferred:
            item["issued"]["circa"] = True
    if fields["accessed"].known:
        item["accessed"] = {"date-parts": [date_parts(fields["accessed"].value)]}
    return item


def csl_items(sources, siteurl: str, archive_name: str) -> list[dict]:
    return [csl_item(source, siteurl, archive_name) for source in sorted(sources, key=lambda s: s.slug)]
