"""Atom feeds of the sources and of the timeline, for the production build (absolute URLs).

An entry is published when its content file was first committed and updated when it last
changed, so a feed reader sees what is new on the site; the date a source was published or an
event happened is part of the entry's text, worded as the pages word it.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import replace

from ..content.citation_syntax import strip_citations
from ..content.phrasing import date_text, fact_text, period_text
from .atom import Entry, Feed, Person, atom

UNKNOWN_AUTHOR = "Author not known"


def _paragraphs(*texts: str) -> str:
    # Summaries are type="html": a reader renders them, so contributed text is escaped as text.
    return "".join(f"<p>{html.escape(text, quote=False)}</p>" for text in texts if text)


def told_apart(entries: list[Entry]) -> list[Entry]:
    """Entries whose files one commit changed share its time, to the second (git keeps no
    finer one); feed readers and the W3C feed validator take two entries updated at one instant
    for a mistake (its DuplicateUpdated warning). So each after the first, in the order of their
    addresses, is a millisecond later: the second stays the commit's."""
    by_time: dict[dt.datetime, list[Entry]] = {}
    for entry in entries:
        by_time.setdefault(entry.updated, []).append(entry)
    spread = []
    for moment, same in by_time.items():
        for index, entry in enumerate(sorted(same, key=lambda e: e.id)):
            spread.append(replace(entry, updated=moment + dt.timedelta(milliseconds=index)))
    return spread


def _feed(settings, history, name: str, page: str, subtitle: str, entries: list[Entry]) -> str:
    siteurl = settings["SITEURL"]
    self_link = f"{siteurl}/feeds/{name}.atom.xml"
    project = Person(settings["AUTHOR"], settings.get("REPOSITORY_URL"))
    feed = Feed(
        id=self_link,
        title=f"{settings['SITENAME']}: {name}",
        subtitle=subtitle,
        link=f"{siteurl}/{page}",
        self_link=self_link,
        authors=(project,),  # the project's, for every entry that names no author of its own
        entries=told_apart(entries),
        fallback_updated=history.latest,
    )
    return atom(feed)


def _source_authors(fact) -> tuple[Person, ...]:
    """Each author as the copy names it. A name the project worked out is supplied information,
    in square brackets, as in the bibliography ("[Carey Wedler]"): a word after it ("Carey Wedler
    (inferred)") would read as part of the name. An unknown author is said, so that the entry does
    not take the feed's author, the project, as the writer of someone else's text."""
    if not fact.known:
        return (Person(UNKNOWN_AUTHOR),)
    return tuple(Person(f"[{name}]" if fact.inferred else str(name)) for name in fact.value)


def sources_feed(sources, settings, history) -> str:
    entries = []
    for source in sources:
        link = f"{settings['SITEURL']}/{source.url}"
        changes = history.files[source.path]
        byline = " · ".join(
            (
                fact_text(source.publication, "publication unknown"),
                fact_text(source.authors, "author unknown"),
                date_text(source.date),
            )
        )
        entries.append(
            Entry(
                id=link,
                title=source.heading,
                link=link,
                published=changes.first,
                updated=changes.last,
                summary_html=_paragraphs(f"{source.kind.capitalize()}: {byline}.", source.summary),
                authors=_source_authors(source.authors),
            )
        )
    return _feed(settings, history, "sources", "sources/", "The documents the explainer rests on.", entries)


def _when(event) -> str:
    return f"When: {period_text(event.date, event.end, event.expected)}"


def timeline_feed(events, settings, history) -> str:
    entries = []
    for event in events:
        link = f"{settings['SITEURL']}/timeline/#{event.anchor}"
        changes = history.files[event.path]
        basis = f"Date inferred: {event.date.basis}" if event.date.inferred else ""
        entries.append(
            Entry(
                id=link,
                title=event.title,
                link=link,
                published=changes.first,
                updated=changes.last,
                summary_html=_paragraphs(f"{_when(event)}.", strip_citations(event.document.body), basis),
            )
        )
    return _feed(settings, history, "timeline", "timeline/", "Every dated event the sources report.", entries)
