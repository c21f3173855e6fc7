"""/data/timeline.json (documented fields) and /data/timeline.timelinejs.json (Knight Lab TimelineJS3)."""

from __future__ import annotations

import html

from ..markup.citations import strip_citations

FIELDS = {
    "id": "stable anchor of the entry on /timeline/",
    "kind": "'event', or 'report' for the date a source was published",
    "title": "short title in the project's own words",
    "date": "start: iso (YYYY, YYYY-MM or YYYY-MM-DD at its true precision), precision, text, "
    "display (vaguer wording, or null), status ('stated' or 'inferred') and basis (why, when inferred)",
    "end": "end date in the same form, or null",
    "group": "group slug (see groups)",
    "expected": "true for what the sources foresaw, which had not happened when they were published",
    "entities": "slugs of the people and organisations involved",
    "text": "the description as plain text, without citation markers",
    "url": "permalink on the site",
    "citations": "each cited source: key, first and last paragraph (or null), and the archived copy's URL",
}


def _date(fact):
    if fact is None:
        return None
    value = fact.value
    return {
        "iso": value.iso(),
        "precision": value.precision,
        "text": value.text(),
        "display": fact.display,
        "status": fact.status,
        "basis": fact.basis,
    }


def _citations(item, siteurl):
    cited = []
    for citation in item.rendered.citations:
        pinpoint = citation.pinpoint
        anchor = f"#{pinpoint.anchor}" if pinpoint else ""
        cited.append(
            {
                "source": citation.key,
                "paragraphs": [pinpoint.first, pinpoint.last] if pinpoint else None,
                "url": f"{siteurl}/sources/{citation.key}/{anchor}",
            }
        )
    return cited


def timeline_json(entries, groups, siteurl: str) -> dict:
    records = []
    for entry in entries:
        event, source = entry.event, entry.source
        records.append(
            {
                "id": entry.anchor,
                "kind": entry.kind,
                "title": entry.title,
                "date": _date(entry.date),
                "end": _date(event.end) if event else None,
                "group": entry.group,
                "expected": bool(event and event.expected),
                "entities": list(entry.entity_slugs),
                "text": strip_citations(event.document.body) if event else source.summary,
                "url": f"{siteurl}/timeline/#{entry.anchor}",
                "citations": _citations(event, siteurl) if event else [],
            }
        )
    return {"fields": FIELDS, "groups": groups, "entries": records}


def _timelinejs_date(fact):
    value = fact.value
    date = {"year": str(value.year)}
    if value.month:
        date["month"] = str(value.month)
    if value.day:
        date["day"] = str(value.day)
    if fact.display:
        date["display_date"] = _text(fact.display)
    return date


def _text(text: str) -> str:
    """Plain text for a field TimelineJS sets as HTML (headlines, display dates, text)."""
    return html.escape(text, quote=False)


def timelinejs(entries, title: str, siteurl: str) -> dict:
    """The JSON format TimelineJS3 loads: events with start_date {year, month, day} and text."""
    events = []
    for entry in entries:
        event = entry.event
        body = strip_citations(event.document.body) if event else entry.source.summary
        link = f'<a href="{siteurl}/timeline/#{entry.anchor}">Sources and notes</a>'
        item = {
            "start_date": _timelinejs_date(entry.date),
            "text": {"headline": _text(entry.title), "text": f"<p>{_text(body)}</p><p>{link}</p>"},
            "group": _text(entry.group_label),
            "unique_id": entry.anchor,
        }
        if event and event.end:
            item["end_date"] = _timelinejs_date(event.end)
        events.append(item)
    return {
        "title": {
            "text": {"headline": _text(title), "text": "Events reported by the sources, with citations."}
        },
        "events": events,
    }
