"""/data/timeline.json (documented fields) and /data/timeline.timelinejs.json (Knight Lab TimelineJS3)."""

from __future__ import annotations

import html

from ..content.citation_syntax import strip_citations
from ..content.phrasing import date_text, fact_text, period_text

FIELDS = {
    "id": "stable anchor of the entry on /timeline/",
    "kind": "'event', or 'report' for the date a source was published",
    "title": "short title in the project's own words",
    "date": "start: iso (YYYY, YYYY-MM or YYYY-MM-DD at its true precision), precision, text, "
    "display (the file's own wording, only for a decade such as 'the 1940s', or null), earliest and "
    "latest (iso bounds of a date known only within "
    "them, or null), wording (the date as the site's pages word it), status ('stated' or "
    "'inferred') and basis (why, when inferred)",
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
        "earliest": fact.earliest.iso() if fact.earliest else None,
        "latest": fact.latest.iso() if fact.latest else None,
        "wording": date_text(fact),
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
    """TimelineJS's {year, month, day}, where it places the slide: a date known within bounds
    starts at its earliest (with no end, which TimelineJS would draw as a span)."""
    start = fact.earliest or fact.value
    date = {"year": str(start.year)}
    if start.month:
        date["month"] = str(start.month)
    if start.day:
        date["day"] = str(start.day)
    return date


def _text(text: str) -> str:
    """Plain text for a field TimelineJS sets as HTML (headlines, display dates, text)."""
    return html.escape(text, quote=False)


def _link(url: str, label: str) -> str:
    return f'<a href="{html.escape(url)}">{_text(label)}</a>'


def _slide_text(entry, siteurl: str) -> str:
    """The description, why an inferred date was inferred, and links to the entry and its sources."""
    event = entry.event
    paragraphs = [strip_citations(event.document.body) if event else entry.source.summary]
    if entry.date.inferred:
        paragraphs.append(f"Date inferred: {entry.date.basis}")
    html_paragraphs = [f"<p>{_text(text)}</p>" for text in paragraphs]
    links = [_link(f"{siteurl}/timeline/#{entry.anchor}", "This entry on the timeline")]
    if event:
        for note in event.rendered.notes:
            anchor = f"#{note.pinpoint.anchor}" if note.pinpoint else ""
            label = fact_text(note.source.publication, "Publication unknown")
            label += f", {note.pinpoint.label}" if note.pinpoint else ""
            links.append(_link(f"{siteurl}/{note.source.url}{anchor}", label))
    else:
        links.append(_link(f"{siteurl}/{entry.source.url}", "The source"))
    return "".join(html_paragraphs) + f"<p>{' · '.join(links)}</p>"


def timelinejs(entries, title: str, siteurl: str) -> dict:
    """The JSON format TimelineJS3 loads: events with start_date {year, month, day} and text."""
    events = []
    for entry in entries:
        event = entry.event
        end, expected = (event.end, event.expected) if event else (None, False)
        item = {
            "start_date": _timelinejs_date(entry.date),
            # What the slide and its marker show, instead of TimelineJS's own US-style wording
            # ("June 25, 2018"): the site's, for every date, hedged or not.
            "display_date": _text(
                period_text(entry.date, event and event.end, bool(event and event.expected))
            ),
            "text": {"headline": _text(entry.title), "text": _slide_text(entry, siteurl)},
            "group": _text(entry.group_label),
            "unique_id": entry.anchor,
        }
        if end:
            item["end_date"] = _timelinejs_date(end)
        events.append(item)
    return {
        "title": {
            "text": {"headline": _text(title), "text": "Events reported by the sources, with citations."}
        },
        "events": events,
    }
