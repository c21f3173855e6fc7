"""Atom feeds of the sources and of the timeline, for the production build (absolute URLs)."""

from __future__ import annotations

import datetime as dt
import html

from feedgenerator import Atom1Feed

from ..markup.citations import strip_citations


def _moment(date) -> dt.datetime:
    # A feed needs a full timestamp; a partial date stands for its first day, at midnight UTC.
    return dt.datetime(date.year, date.month or 1, date.day or 1, tzinfo=dt.UTC)


def _atom(settings, name: str, description: str, entries) -> str:
    """One Atom feed at /feeds/<name>.atom.xml; entries are feedgenerator item arguments."""
    siteurl = settings["SITEURL"]
    feed = Atom1Feed(
        title=f"{settings['SITENAME']}: {name}",
        link=f"{siteurl}/{name}/",
        feed_url=f"{siteurl}/feeds/{name}.atom.xml",
        description=description,
        language="en",
    )
    for entry in entries:
        # Atom summaries are type="html": a reader renders them, so text is escaped as text.
        feed.add_item(unique_id=entry["link"], **{**entry, "description": html.escape(entry["description"])})
    return feed.writeString("utf-8")


def sources_feed(sources, settings) -> str:
    entries = (
        {
            "title": source.display_title,
            "link": f"{settings['SITEURL']}/{source.url}",
            "description": source.summary,
            "pubdate": _moment(source.date.value),
            "author_name": ", ".join(map(str, source.authors.value)) if source.authors.known else None,
        }
        for source in sources
        if source.date.known  # an Atom entry needs a date, and the project does not invent one
    )
    return _atom(settings, "sources", "The documents the explainer rests on.", entries)


def timeline_feed(events, settings) -> str:
    entries = (
        {
            "title": event.title,
            "link": f"{settings['SITEURL']}/timeline/#{event.anchor}",
            "description": strip_citations(event.document.body),
            "pubdate": _moment(event.date.value),
        }
        for event in events
    )
    return _atom(settings, "timeline", "Every dated event the sources report.", entries)
