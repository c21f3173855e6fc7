"""Atom feeds of the sources and of the timeline, for the production build (absolute URLs)."""

from __future__ import annotations

import datetime as dt

from feedgenerator import Atom1Feed

from .citations import strip_citations


def _moment(date) -> dt.datetime:
    # A feed needs a full timestamp; a partial date stands for its first day, at midnight UTC.
    return dt.datetime(date.year, date.month or 1, date.day or 1, tzinfo=dt.UTC)


def _feed(title: str, link: str, feed_url: str, description: str) -> Atom1Feed:
    return Atom1Feed(title=title, link=link, feed_url=feed_url, description=description, language="en")


def sources_feed(sources, settings) -> str:
    siteurl = settings["SITEURL"]
    feed = _feed(
        f"{settings['SITENAME']}: sources",
        f"{siteurl}/sources/",
        f"{siteurl}/feeds/sources.atom.xml",
        "The documents the explainer rests on.",
    )
    for source in sources:
        if not source.date.known:
            continue  # an Atom entry needs a date, and the project does not invent one
        link = f"{siteurl}/{source.url}"
        authors = source.authors.value if source.authors.known else ()
        feed.add_item(
            title=source.display_title,
            link=link,
            unique_id=link,
            description=source.summary,
            pubdate=_moment(source.date.value),
            author_name=", ".join(authors) or None,
        )
    return feed.writeString("utf-8")


def timeline_feed(events, settings) -> str:
    siteurl = settings["SITEURL"]
    feed = _feed(
        f"{settings['SITENAME']}: timeline",
        f"{siteurl}/timeline/",
        f"{siteurl}/feeds/timeline.atom.xml",
        "Every dated event the sources report.",
    )
    for event in events:
        link = f"{siteurl}/timeline/#{event.anchor}"
        feed.add_item(
            title=event.title,
            link=link,
            unique_id=link,
            description=strip_citations(event.document.body),
            pubdate=_moment(event.date.value),
        )
    return feed.writeString("utf-8")
