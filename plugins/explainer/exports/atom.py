"""An Atom 1.0 document (RFC 4287) with every element the format requires, written in one
fixed order so that the same content gives the same bytes.

feedgenerator, which Pelican brings, allows one author per entry and stamps a feed with no
entries with the time of the build; this writer does neither.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from xml.sax.saxutils import XMLGenerator

NAMESPACE = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class Person:
    name: str
    uri: str | None = None


@dataclass(frozen=True)
class Entry:
    id: str  # a permanent IRI: the entry's address on the site
    title: str
    link: str
    published: dt.datetime
    updated: dt.datetime
    summary_html: str  # HTML the reader renders: contributed text in it must be escaped already
    authors: tuple[Person, ...] = ()  # none: the feed's authors apply (RFC 4287 §4.2.1)


@dataclass(frozen=True)
class Feed:
    id: str
    title: str
    subtitle: str
    link: str  # the page the feed follows
    self_link: str  # the feed's own address
    authors: tuple[Person, ...]
    entries: list[Entry] = field(default_factory=list)
    fallback_updated: dt.datetime | None = None  # for a feed with no entries: the content's last change


def _stamp(moment: dt.datetime) -> str:
    """RFC 3339 in UTC, with milliseconds only where a time has them."""
    moment = moment.astimezone(dt.UTC)
    fraction = f".{moment.microsecond // 1000:03d}" if moment.microsecond else ""
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + fraction + "Z"


class _Writer:
    def __init__(self, out):
        self.xml = XMLGenerator(out, "utf-8", short_empty_elements=True)

    def element(self, name: str, text: str = "", **attributes: str) -> None:
        self.xml.startElement(name, attributes)
        self.xml.characters(text)
        self.xml.endElement(name)
        self.xml.ignorableWhitespace("\n")  # one element a line: the file diffs and reads well

    def person(self, person: Person) -> None:
        self.xml.startElement("author", {})
        self.xml.ignorableWhitespace("\n")
        self.element("name", person.name)
        if person.uri:
            self.element("uri", person.uri)
        self.xml.endElement("author")
        self.xml.ignorableWhitespace("\n")


def atom(feed: Feed) -> str:
    """The feed's `updated` is its newest entry's: a reader sees a change when an entry changes."""
    entries = sorted(feed.entries, key=lambda e: (e.updated, e.id), reverse=True)
    updated = entries[0].updated if entries else feed.fallback_updated
    if updated is None:
        raise ValueError("an Atom feed needs an updated time: give it entries or a fallback")
    out = io.StringIO()
    writer = _Writer(out)
    writer.xml.startDocument()
    writer.xml.startElement("feed", {"xmlns": NAMESPACE, "xml:lang": "en"})
    writer.xml.ignorableWhitespace("\n")
    writer.element("id", feed.id)
    writer.element("title", feed.title)
    writer.element("subtitle", feed.subtitle)
    writer.element("updated", _stamp(updated))
    writer.element("link", rel="alternate", type="text/html", href=feed.link)
    writer.element("link", rel="self", type="application/atom+xml", href=feed.self_link)
    for person in feed.authors:
        writer.person(person)
    for entry in entries:
        writer.xml.startElement("entry", {})
        writer.xml.ignorableWhitespace("\n")
        writer.element("id", entry.id)
        writer.element("title", entry.title)
        writer.element("link", rel="alternate", type="text/html", href=entry.link)
        writer.element("published", _stamp(entry.published))
        writer.element("updated", _stamp(entry.updated))
        for person in entry.authors:
            writer.person(person)
        writer.element("summary", entry.summary_html, type="html")
        writer.xml.endElement("entry")
        writer.xml.ignorableWhitespace("\n")
    writer.xml.endElement("feed")
    return out.getvalue() + "\n"
