"""Pandoc-style citations as a Python-Markdown extension: [@key], [@key, para. 4], [@a; @b].

An inline processor turns each bracket into markers and records what it cites (and the
quotation written right before it, if any); a treeprocessor then finds block quotations that
end in a citation, numbers the notes in reading order (a repeated source and pinpoint reuses
its number), checks keys, pinpoints and quotations against the sources, and sets the ids.
"""

from __future__ import annotations

import difflib
import re
import string
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown.inlinepatterns import InlineProcessor
from markdown.util import AtomicString

from .mdbase import ExtensionTreeprocessor, plain_text
from .quotes import EmptyQuotation, closest_passage, occurs_in

# Before Python-Markdown's link pattern (160), so "[@key]" is never read as a reference link.
CITATION_PRIORITY = 175
_QUOTED = r'(?:"(?P<straight>[^"]*)"|\u201c(?P<curly>[^\u201d]*)\u201d)\s*'
_BRACKET = r"\[\s*-?@[^\[\]]*\]"
CITATION_PATTERN = r"(?:" + _QUOTED + r")?(?P<bracket>" + _BRACKET + ")"
_ITEM = re.compile(r"-?@(?P<key>[^\s,;]*)(?:\s*,\s*(?P<locator>.*))?", re.S)
_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_LOCATOR = re.compile(r"(?:paras?\.?|\u00b6)\s*(?P<first>\d+)(?:\s*[-\u2013]\s*(?P<last>\d+))?")
MARKER_ATTRIBUTE = "data-citation"
# Markdown inside a quotation is not the source's words: emphasis marks, and links [text](url).
_EMPHASIS_MARKS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)")
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def strip_citations(markdown_text: str) -> str:
    """The text without its citation markers, for plain-text exports."""
    return re.sub(r"\s*" + _BRACKET, "", markdown_text).strip()


class CitationSyntaxError(ValueError):
    """A bracket that starts like a citation but is not one; args: (problem, fix)."""


@dataclass(frozen=True)
class Pinpoint:
    first: int
    last: int

    @property
    def label(self) -> str:
        return f"para. {self.first}" if self.first == self.last else f"paras. {self.first}\u2013{self.last}"

    @property
    def anchor(self) -> str:
        return f"p{self.first}"


@dataclass
class Citation:
    """One cited item at one spot in the text."""

    key: str
    pinpoint: Pinpoint | None
    marker: str  # the bracket as written, to point at its line
    quotation: str | None = None
    ref_id: str = ""
    note: Note | None = None


@dataclass
class Note:
    number: int
    id: str
    source: object  # model.Source
    pinpoint: Pinpoint | None
    ref_ids: list[str] = field(default_factory=list)
    quotations: list[str] = field(default_factory=list)

    @property
    def text_id(self) -> str:
        return f"{self.id}-text"

    @property
    def backlinks(self) -> list[tuple[str, str]]:
        """('a', ref id), ('b', ref id)…: Wikipedia's jump-back letters."""
        return [(backlink_letter(i), ref_id) for i, ref_id in enumerate(self.ref_ids)]


def backlink_letter(index: int) -> str:
    """a…z, then aa, ab…"""
    letters = string.ascii_lowercase
    return letters[index] if index < 26 else letters[index // 26 - 1] + letters[index % 26]


def parse_citation(bracket: str) -> list[tuple[str, Pinpoint | None]]:
    """'[@a; @b, para. 2]' -> [('a', None), ('b', Pinpoint(2, 2))]; CitationSyntaxError if malformed."""
    inner = bracket.strip()[1:-1].strip()
    items = []
    for raw in inner.split(";"):
        match = _ITEM.fullmatch(raw.strip())
        if not match or not match.group("key"):
            raise CitationSyntaxError(
                f"'{bracket}' is not a citation", "write [@key], [@key, para. 4] or [@a; @b, para. 2]"
            )
        key, locator = match.group("key"), match.group("locator")
        if not _KEY.fullmatch(key):
            raise CitationSyntaxError(
                f"'{key}' in '{bracket}' is not a citation key",
                "a key is a source's file name without .md: lower-case words joined by hyphens",
            )
        pinpoint = None
        if locator is not None:
            found = _LOCATOR.fullmatch(locator.strip())
            if not found:
                raise CitationSyntaxError(
                    f"'{locator.strip()}' in '{bracket}' is not a paragraph pinpoint",
                    "write 'para. 4' or 'paras. 4-5'",
                )
            first = int(found.group("first"))
            last = int(found.group("last") or first)
            if first < 1 or last < first:
                raise CitationSyntaxError(
                    f"'{locator.strip()}' is not a paragraph range", "write 'paras. 4-5'"
                )
            pinpoint = Pinpoint(first, last)
        items.append((key, pinpoint))
    return items


class CitationInline(InlineProcessor):
    def __init__(self, md, extension):
        super().__init__(CITATION_PATTERN, md)
        self.extension = extension

    def _quoted_words(self, written: str) -> str:
        text = plain_text(self.md, written)
        return _EMPHASIS_MARKS.sub("", _MARKDOWN_LINK.sub(r"\1", text))

    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown's name
        state = self.extension.state
        bracket = m.group("bracket")
        quotation = m.group("straight") if m.group("straight") is not None else m.group("curly")
        try:
            items = parse_citation(bracket)
        except CitationSyntaxError as exc:
            state.problem(bracket, *exc.args)
            return None, None, None
        if quotation is not None and not quotation.strip():
            state.problem(
                bracket, f"the quotation before {bracket} is empty", "quote the words, or remove the marks"
            )
            quotation = None
        if quotation is not None:
            quotation = self._quoted_words(quotation)
        group = etree.Element("sup", {"class": "cites"})
        for key, pinpoint in items:
            state.citations.append(Citation(key, pinpoint, bracket, quotation))
            marker = etree.SubElement(group, "a", {MARKER_ATTRIBUTE: str(len(state.citations) - 1)})
            marker.text = AtomicString("[?]")
        # Replace only the bracket: the quotation stays text, for emphasis and links to apply.
        return group, m.start("bracket"), m.end("bracket")


class CitationNotes(ExtensionTreeprocessor):
    def run(self, root):
        state = self.extension.state
        self._attach_block_quotations(root, state)
        parents = {child: parent for parent in root.iter() for child in parent}
        notes = state.notebook  # shared when several snippets make up one item
        for marker in root.iter("a"):
            index = marker.attrib.pop(MARKER_ATTRIBUTE, None)
            if index is None:
                continue
            citation = state.citations[int(index)]
            if _inside_link(marker, parents):
                state.problem(
                    citation.marker, f"{citation.marker} is inside a link's text", "move it after the link"
                )
            source = self._checked_source(citation, state)
            identity = (citation.key, citation.pinpoint)
            if identity not in notes:
                number = len(notes) + 1
                notes[identity] = Note(
                    number, f"{state.namespace}cite-note-{number}", source, citation.pinpoint
                )
            note = notes[identity]
            citation.ref_id = f"{state.namespace}cite-ref-{note.number}-{backlink_letter(len(note.ref_ids))}"
            citation.note = note
            note.ref_ids.append(citation.ref_id)
            if citation.quotation and citation.quotation not in note.quotations:
                note.quotations.append(citation.quotation)
            marker.set("href", f"#{note.id}")
            marker.set("id", citation.ref_id)
            marker.set("class", "cite-ref")
            marker.set("aria-describedby", note.text_id)
            marker.text = AtomicString(f"[{note.number}]")
        for citation in state.citations:
            if not citation.ref_id:  # flattened into an image's alt text
                state.problem(
                    citation.marker,
                    f"{citation.marker} is inside an image description",
                    "move it after the image",
                )
        state.notes = list(notes.values())

    def _attach_block_quotations(self, root, state):
        """A block quotation whose last line is a citation quotes the rest of itself."""
        for quote in root.iter("blockquote"):
            last = quote[-1] if len(quote) else None
            groups = _trailing_citation_groups(last) if last is not None and last.tag == "p" else []
            if not groups:
                continue
            paragraphs = [_text_without_markers(child) for child in quote[:-1]]
            paragraphs.append(_text_without_markers(last, stop_at=groups[0]))
            quoted = "\n\n".join(p for p in (plain_text(self.md, p).strip() for p in paragraphs) if p)
            for group in groups:
                for marker in group:
                    citation = state.citations[int(marker.get(MARKER_ATTRIBUTE))]
                    citation.quotation = citation.quotation or quoted or None

    def _checked_source(self, citation: Citation, state):
        sources = self.extension.sources
        source = sources.get(citation.key)
        if source is None:
            close = difflib.get_close_matches(citation.key, list(sources), n=1)
            hint = (
                f"did you mean [@{close[0]}]?"
                if close
                else "use a file name from content/sources/ without .md"
            )
            state.problem(citation.marker, f"no source has the key '{citation.key}'", hint)
            return None
        count = len(source.paragraphs)
        pinpoint = citation.pinpoint
        if pinpoint and pinpoint.last > count:
            state.problem(
                citation.marker,
                f"{citation.marker} points past the end of {source.slug}",
                f"{source.slug} has paragraphs 1 to {count}",
            )
            return source
        if citation.quotation:
            self._check_quotation(citation, source, state)
        return source

    @staticmethod
    def _check_quotation(citation, source, state):
        span = range(citation.pinpoint.first, citation.pinpoint.last + 1) if citation.pinpoint else None
        numbers = span or range(1, len(source.paragraphs) + 1)
        scope = {n: source.paragraphs[n - 1] for n in numbers}
        # Each quoted paragraph must stand within one paragraph of the source.
        try:
            found = all(
                any(occurs_in(part, paragraph) for paragraph in scope.values())
                for part in citation.quotation.split("\n\n")
            )
        except EmptyQuotation:
            state.problem(
                citation.marker, f"the quotation before {citation.marker} has no words", "quote the words"
            )
            return
        if found:
            return
        where = f"{source.slug}, {citation.pinpoint.label}" if citation.pinpoint else source.slug
        number, passage = closest_passage(citation.quotation, scope)
        shown = citation.quotation if len(citation.quotation) <= 120 else citation.quotation[:117] + "…"
        state.problem(
            citation.quotation[:40],
            f"the quotation \u201c{shown}\u201d is not in {where}",
            f"the closest passage (para. {number}) reads \u201c{passage}\u201d; quote it exactly, "
            "marking omissions with \u2026 and insertions with [ ]",
        )


def _inside_link(element, parents) -> bool:
    parent = parents.get(element)
    while parent is not None:
        if parent.tag == "a":
            return True
        parent = parents.get(parent)
    return False


def _is_citation_group(element) -> bool:
    return element.tag == "sup" and element.get("class") == "cites"


def _trailing_citation_groups(paragraph) -> list:
    """The citation groups that end a paragraph, with nothing but spaces after them."""
    groups = []
    for child in reversed(list(paragraph)):
        if not _is_citation_group(child) or (child.tail or "").strip():
            break
        groups.insert(0, child)
    return groups


def _text_without_markers(element, stop_at=None) -> str:
    """An element's text, leaving out citation markers (and everything from stop_at on)."""
    parts = [element.text or ""]
    for child in element:
        if child is stop_at:
            break
        if not _is_citation_group(child):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts)
