"""Each provenance field of an imported page: a plain value where the page shows it to readers,
inferred (with the markup it came from as the basis) where only its metadata holds it, else
unknown. trafilatura reads the metadata; this module finds where in the page each value stands.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml import html

from ...text.normal import normalise
from .article import INVISIBLE
from .saved import SavedFile

ARCHIVE = re.compile(r"^https?://web\.archive\.org/web/\d+[a-z_]*/(https?://.+)$")
# Meta tags that name each value, with the words for a basis.
META = {
    "title": ["og:title", "twitter:title", "dc.title"],
    "authors": ["author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author"],
    "date": [
        "article:published_time",
        "og:published_time",
        "datepublished",
        "dc.date",
        "dc.date.issued",
        "date",
        "pubdate",
        "publish-date",
        "sailthru.date",
        "parsely-pub-date",
    ],
    "publication": ["og:site_name", "application-name", "publisher", "dc.publisher"],
}
JSON_LD_KEYS = {"title": "headline", "authors": "author", "date": "datePublished", "publication": "publisher"}
VISIBLE_AUTHOR = '//*[@rel="author" or @itemprop="author" or contains(@class, "author-name")]'


@dataclass
class Field:
    """One provenance field as it will be written: value (None when unknown), status, basis, note."""

    value: object = None
    status: str = "unknown"
    basis: str | None = None
    note: str | None = None


class PageMarkup:
    """What the saved page says about itself, visibly and in its metadata."""

    def __init__(self, page_html: str):
        self.root = html.fromstring(page_html)
        self.meta: dict[str, str] = {}
        for tag in self.root.iter("meta"):
            name = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").lower()
            if name and tag.get("content") and name not in self.meta:
                self.meta[name] = tag.get("content").strip()
        self.canonical = next(
            (link.get("href") for link in self.root.iter("link") if link.get("rel") == "canonical"), None
        )
        self.licence = next(
            (link.get("href") for link in self.root.iter("link", "a") if link.get("rel") == "license"), None
        )
        self.title_element = (self.root.findtext(".//title") or "").strip()
        self.json_ld = _json_ld(self.root)
        visible = html.fromstring(page_html)
        for element in list(visible.iter(*INVISIBLE)):
            if element.getparent() is not None:
                element.drop_tree()
        self.visible = visible
        self.visible_text = normalise(visible.text_content())

    def shows(self, text: str) -> bool:
        return bool(text) and normalise(text) in self.visible_text

    def where_in_meta(self, field: str, matches) -> str | None:
        """The basis naming the meta tag, or the JSON-LD key, whose value `matches`."""
        for name in META[field]:
            if name in self.meta and matches(self.meta[name]):
                return f"the page's {name} meta tag"
        key = JSON_LD_KEYS[field]
        if any(matches(_ld_text(entry.get(key))) for entry in self.json_ld if entry.get(key)):
            return f"the page's structured data (JSON-LD {key})"
        return None


def _json_ld(root) -> list[dict]:
    entries = []
    for script in root.iter("script"):
        if script.get("type") == "application/ld+json" and script.text:
            try:
                data = json.loads(script.text)
            except ValueError:
                continue
            found = (
                data
                if isinstance(data, list)
                else data.get("@graph", [data])
                if isinstance(data, dict)
                else []
            )
            entries += [entry for entry in found if isinstance(entry, dict)]
    return entries


def _ld_text(value) -> str:
    if isinstance(value, dict):
        return str(value.get("name", ""))
    if isinstance(value, list):
        return "; ".join(_ld_text(item) for item in value)
    return str(value or "")


def _same(a: str) -> Callable[[str], bool]:
    return lambda b: normalise(a) == normalise(b) or normalise(a) in normalise(b)


def title(markup: PageMarkup, found: str | None, headline: str | None) -> Field:
    value = headline or found
    if not value:
        return Field(note="The page gives no headline.")
    headings = [normalise(h.text_content()) for h in markup.visible.iter("h1", "h2")]
    if normalise(value) in headings:
        return Field(value, "stated")
    basis = markup.where_in_meta("title", _same(value))
    if basis is None and normalise(value) in normalise(markup.title_element):
        basis = "the page's <title> element"
    return Field(value, "inferred", basis or "trafilatura's reading of the page's metadata")


def authors(markup: PageMarkup, found: str | None) -> Field:
    shown = []
    for element in markup.visible.xpath(VISIBLE_AUTHOR):
        name = re.sub(r"\s+", " ", element.text_content()).strip()
        if name and len(name) < 80 and name not in shown:
            shown.append(name)
    if shown:
        return Field(shown, "stated", note="The byline names them.")
    names = [name.strip() for name in (found or "").split(";") if name.strip()]
    if not names:
        return Field(note="The page names no author.")
    if all(markup.shows(f"By {name}") for name in names):
        return Field(names, "stated", note="The byline names them.")
    basis = markup.where_in_meta("authors", lambda text: all(n.lower() in text.lower() for n in names))
    return Field(names, "inferred", basis or "trafilatura's reading of the page's metadata")


def date(markup: PageMarkup, found: str | None, address: str | None) -> Field:
    if not found:
        return Field(note="The page shows no date.")
    day = dt.date.fromisoformat(found[:10])
    for time in markup.visible.iter("time"):
        if (time.get("datetime") or "").startswith(found[:10]) and _shows_day(time.text_content(), day):
            return Field(
                found[:10], "stated", note=f"The page shows \u201c{time.text_content().strip()}\u201d."
            )
    basis = markup.where_in_meta("date", lambda text: text.startswith(found[:10]))
    if basis is None and address and day.strftime("/%Y/%m/%d/") in address:
        basis = "the date in the page's address"
    return Field(found[:10], "inferred", basis or "trafilatura's search of the page for a date (htmldate)")


def _shows_day(text: str, day: dt.date) -> bool:
    words = text.lower()
    return str(day.day) in words and (
        day.strftime("%B").lower() in words or day.strftime("%b").lower() in words
    )


def publication(markup: PageMarkup, found: str | None, address: str | None) -> Field:
    if not found:
        return Field(note="The page does not name its publication.")
    logo = [
        normalise(e.text_content())
        for e in markup.visible.xpath(
            '//*[contains(@class, "logo") or contains(@class, "masthead") or contains(@class, "site-name")]'
        )
    ]
    if normalise(found) in logo:
        return Field(found, "stated", note="The page's masthead names it.")
    basis = markup.where_in_meta("publication", _same(found))
    if basis is None and address:
        basis = "the page's address"
    return Field(found, "inferred", basis or "trafilatura's reading of the page's metadata")


def addresses(markup: PageMarkup, saved: SavedFile) -> tuple[Field, Field]:
    """original_url and archived_url: the canonical link, og:url or the address the browser recorded."""
    sources = [
        (markup.canonical, "the page's canonical link"),
        (markup.meta.get("og:url"), "the page's og:url meta tag"),
        (saved.saved_from, saved.saved_from_mark),
    ]
    archived = next((url for url, _ in sources if url and ARCHIVE.match(url)), None)
    for url, where in sources:
        if url and url.startswith(("https://", "http://")) and not ARCHIVE.match(url):
            return Field(url, "stated", note=f"From {where}."), _archived(archived)
    if archived:
        inner = ARCHIVE.match(archived).group(1)
        basis = "the Wayback Machine address the page was saved from, which holds the original's"
        return Field(inner, "inferred", basis), _archived(archived)
    return Field(note="The saved page does not show its address."), Field()


def _archived(url: str | None) -> Field:
    return Field(url, "stated", note="The page was saved from this archived copy.") if url else Field()


def accessed(saved: SavedFile) -> Field:
    if saved.saved_date:
        parsed = _saved_date(saved.saved_date)
        if parsed:
            return Field(
                parsed.isoformat(), "stated", note=f"The saved file records \u201c{saved.saved_date}\u201d."
            )
    return Field(note="The saved file does not record when it was saved.")


def _saved_date(text: str) -> dt.date | None:
    """SingleFile's 'saved date', e.g. 'Mon Jun 25 2018 10:12:00 GMT+0200 (…)'."""
    match = re.search(r"([A-Z][a-z]{2}) (\d{1,2}) (\d{4})", text)
    if not match:
        return None
    try:
        return dt.datetime.strptime(" ".join(match.groups()), "%b %d %Y").date()
    except ValueError:
        return None


def rights(markup: PageMarkup) -> Field:
    """A licence only where the page links one; a copyright line is noted, not taken as a licence."""
    if markup.licence:
        return Field(markup.licence, "stated", note='The page links this licence (rel="license").')
    notices = [
        re.sub(r"\s+", " ", element.text_content()).strip()
        for element in markup.visible.iter("p", "small", "div", "span", "footer", "li")
        if re.match(r"\s*(©|\(c\)|copyright)", element.text_content(), re.I)
    ]
    notice = min(notices, key=len, default=None)  # the line itself, not the footer around it
    if notice and len(notice) < 200:
        return Field(note=f"The page shows \u201c{notice}\u201d but no licence for reuse.")
    return Field(note="The page shows no licence or copyright notice.")
