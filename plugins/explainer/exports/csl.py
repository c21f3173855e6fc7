"""Sources as CSL-JSON, the bibliography format Zotero, Pandoc and citation managers read."""

from __future__ import annotations

from ..content.phrasing import rights_text

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


def _date_parts(date) -> list[int]:
    return [part for part in (date.year, date.month, date.day) if part]


def _provenance_note(source) -> str:
    """CSL has no 'inferred' flag, so inferences and their bases travel in the note."""
    lines = []
    for name, label in PROVENANCE_LABELS.items():
        fact = source.fields[name]
        if fact.inferred:
            lines.append(f"{label} inferred: {fact.basis}")
        elif not fact.known:
            lines.append(f"{label} not known.")
    return " ".join(lines)


def csl_item(source, siteurl: str, archive_name: str) -> dict:
    fields = source.fields
    item = {
        "id": source.slug,
        "type": CSL_TYPES[fields["kind"]],
        "title": source.display_title if fields["title"].known else f"[{source.display_title}]",
        "abstract": fields["summary"],
        "archive": archive_name,
        "archive_location": f"{siteurl}/{source.url}",
        "note": _provenance_note(source),
        "license": rights_text(fields["rights"]),
    }
    if fields["publication"].known:
        item["container-title"] = fields["publication"].value
    if fields["authors"].known:
        item["author"] = [{"literal": name} for name in fields["authors"].value]
    if fields["date"].known:
        item["issued"] = {"date-parts": [_date_parts(fields["date"].value)]}
        if fields["date"].inferred:
            item["issued"]["circa"] = True
    if fields["original_url"].known:
        item["URL"] = fields["original_url"].value
    if fields["accessed"].known:
        item["accessed"] = {"date-parts": [_date_parts(fields["accessed"].value)]}
    return item


def csl_items(sources, siteurl: str, archive_name: str) -> list[dict]:
    return [csl_item(source, siteurl, archive_name) for source in sorted(sources, key=lambda s: s.slug)]
