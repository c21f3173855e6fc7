"""Pandoc-style citations as a Python-Markdown extension: [@key], [@key, para. 4], [@a; @b].

An inline processor turns each bracket (content/citation_syntax.py) into a group of markers and
records what it cites; a treeprocessor then ties every quotation to its citation (a block
quotation ending in one, or a span in double quotes in a cited sentence: see quoted_spans.py),
checks keys, pinpoints and quotations against the sources, and gives each marker its id: the
item's notes (a repeated source and pinpoint is one note) name them. The numbers a reader sees
are the page's (marker_slots.py, pages/notes.py).
"""

from __future__ import annotations

import difflib
import string
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown.inlinepatterns import InlineProcessor
from markdown.util import AtomicString

from ..content.citation_syntax import CitationSyntaxError, Pinpoint, bracket_pattern, parse_citation
from ..text.quotes import EmptyQuotation, closest_passage, insertion_problem, occurs_in
from .base import ExtensionTreeprocessor, plain_text
from .marker_slots import is_marker_group
from .quoted_spans import BLOCK_TAGS, CITATION, flatten, mark_insertions, quoted_spans, stray_marks

# Before Python-Markdown's link pattern (160), so "[@key]" is never read as a reference link.
CITATION_PRIORITY = 175
CITATION_PATTERN = r"(?P<bracket>" + bracket_pattern() + ")"
MARKER_ATTRIBUTE = "data-citation"
# Longer quoted spans with no citation in their sentence are taken words, not names or terms.
UNCITED_QUOTATION_WORDS = 4


@dataclass
class Citation:
    """One cited item at one spot in the text."""

    key: str
    pinpoint: Pinpoint | None
    marker: str  # the bracket as written, to point at its line
    quotations: list[str] = field(default_factory=list)  # the quoted words it vouches for
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
    """a…z, then aa, ab… zz, aaa…: as spreadsheets name columns, so no count runs out of letters."""
    name, index = "", index + 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = string.ascii_lowercase[rest] + name
    return name


class CitationInline(InlineProcessor):
    def __init__(self, md, extension):
        super().__init__(CITATION_PATTERN, md)
        self.extension = extension

    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown's name
        state = self.extension.state
        bracket = m.group("bracket")
        try:
            items = parse_citation(bracket)
        except CitationSyntaxError as exc:
            state.problem(bracket, *exc.args, about="citation")
            return None, None, None
        # Markers are not words of the text: the search index leaves them out of its excerpts.
        group = etree.Element("sup", {"class": "cites", "data-pagefind-ignore": ""})
        for key, pinpoint in items:
            state.citations.append(Citation(key, pinpoint, bracket))
            marker = etree.SubElement(group, "a", {MARKER_ATTRIBUTE: str(len(state.citations) - 1)})
            marker.text = AtomicString("[?]")
        return group, m.start("bracket"), m.end("bracket")


class CitationNotes(ExtensionTreeprocessor):
    def run(self, root):
        state = self.extension.state
        quoted = self._attach_whole_quotations(root, state)
        self._attach_inline_quotations(root, state, quoted)
        parents = {child: parent for parent in root.iter() for child in parent}
        notes = state.notebook  # shared when several snippets make up one item
        for marker in root.iter("a"):
            index = marker.attrib.pop(MARKER_ATTRIBUTE, None)
            if index is None:
                continue
            citation = state.citations[int(index)]
            if _inside_link(marker, parents):
                state.problem(
                    citation.marker,
                    f"{citation.marker} is inside a link's text",
                    "move it after the link",
                    about="citation",
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
            note.quotations.extend(q for q in citation.quotations if q not in note.quotations)
            marker.set("id", citation.ref_id)  # the page numbers it (marker_slots.py)
        for citation in state.citations:
            if not citation.ref_id:  # flattened into an image's alt text
                state.problem(
                    citation.marker,
                    f"{citation.marker} is inside an image description",
                    "move it after the image",
                    about="citation",
                )
        state.notes = list(notes.values())

    def _citations_of(self, group) -> list[Citation]:
        return [self.extension.state.citations[int(marker.get(MARKER_ATTRIBUTE))] for marker in group]

    def _attach_whole_quotations(self, root, state) -> list:
        """A block quotation whose last line is a citation quotes the rest of itself.

        So does a quoted field (a claim's answer, a campaign's demand): its one paragraph is
        the quotation, inside the marks it was wrapped in. Returns what was quoted whole.
        """
        containers = list(root.iter("blockquote"))
        if state.quoted_field:
            containers.append(root)
        quoted = []
        for container in containers:
            last = container[-1] if len(container) else None
            groups = _trailing_citation_groups(last) if last is not None and last.tag == "p" else []
            if not groups:
                if container.tag == "blockquote":
                    state.problem(
                        _needle(plain_text(self.md, "".join(container.itertext()))),
                        "a block quotation has no citation on its last line",
                        "end it with a line such as '> [@source-key, para. 4]'",
                    )
                continue
            paragraphs = [_text_without_markers(child) for child in container[:-1]]
            paragraphs.append(_text_without_markers(last, stop_at=groups[0]))
            words = "\n\n".join(p for p in (plain_text(self.md, p).strip() for p in paragraphs) if p)
            if container is root:
                words = words[1:-1]  # the marks the field was wrapped in
            for group in groups:
                for citation in self._citations_of(group):
                    citation.quotations.append(words)
            mark_insertions(container, is_marker_group, whole=True)
            _join_marker_line(container, last, groups)
            quoted.append(container)
        return quoted

    def _attach_inline_quotations(self, root, state, quoted) -> None:
        """Each span in double quotes goes to the citation that vouches for it in its sentence."""
        skipped = {id(element) for container in quoted for element in container.iter()}
        for block in root.iter():
            if block.tag not in BLOCK_TAGS or id(block) in skipped:
                continue
            flat = flatten(block, is_marker_group, lambda text: plain_text(self.md, text))
            if stray_marks(flat):
                state.problem(
                    _needle(flat.text),
                    "a double quotation mark opens or closes no quotation",
                    "close the quotation, or remove the stray mark",
                )
            for span in quoted_spans(flat):
                self._attach_span(span, state)
            if "[" in flat.text:
                mark_insertions(block, is_marker_group, whole=False)

    def _attach_span(self, span, state) -> None:
        if span.group is None:
            if span.words >= UNCITED_QUOTATION_WORDS:
                state.problem(
                    _needle(span.text),
                    f"the quotation \u201c{_shortened(span.text)}\u201d has no citation in its sentence",
                    "cite the source after it, or put it in your own words",
                )
            return
        citations = self._citations_of(span.group)
        if not span.text:
            state.problem(
                citations[0].marker,
                f"the quotation before {citations[0].marker} is empty",
                "quote the words, or remove the marks",
            )
            return
        for citation in citations:
            citation.quotations.append(span.text)

    def _checked_source(self, citation: Citation, state):
        sources = self.extension.sources
        source = sources.get(citation.key)
        if source is None:
            if citation.key in self.extension.unavailable:
                state.unavailable_cited.add(citation.key)  # its own error says what is wrong
                return None
            close = difflib.get_close_matches(citation.key, list(sources), n=1)
            hint = (
                f"did you mean [@{close[0]}]?"
                if close
                else "use a file name from content/sources/ without .md"
            )
            state.problem(citation.marker, f"no source has the key '{citation.key}'", hint, about="citation")
            return None
        count = len(source.paragraphs)
        pinpoint = citation.pinpoint
        if pinpoint and pinpoint.last > count:
            state.problem(
                citation.marker,
                f"{citation.marker} points past the end of {source.slug}",
                f"{source.slug} has paragraphs 1 to {count}",
                about="citation",
            )
            return source
        for quotation in citation.quotations:
            self._check_quotation(citation, quotation, source, state)
        return source

    @staticmethod
    def _check_quotation(citation, quotation, source, state):
        needle = _needle(quotation)
        if problem := insertion_problem(quotation):
            state.problem(needle, *problem)
            return
        span = range(citation.pinpoint.first, citation.pinpoint.last + 1) if citation.pinpoint else None
        numbers = span or range(1, len(source.paragraphs) + 1)
        scope = {n: source.paragraphs[n - 1] for n in numbers}
        # Each quoted paragraph must stand within one paragraph of the source.
        try:
            found = all(
                any(occurs_in(part, paragraph) for paragraph in scope.values())
                for part in quotation.split("\n\n")
            )
        except EmptyQuotation:
            state.problem(needle, f"the quotation before {citation.marker} has no words", "quote the words")
            return
        if found:
            return
        where = f"{source.slug}, {citation.pinpoint.label}" if citation.pinpoint else source.slug
        whole = dict(enumerate(source.paragraphs, 1))
        number, passage = closest_passage(quotation, scope, whole)
        elsewhere = f", not the cited {citation.pinpoint.label}" if number not in scope else ""
        state.problem(
            needle,
            f"the quotation \u201c{_shortened(quotation)}\u201d is not in {where}",
            f"the closest passage (para. {number}{elsewhere}) reads \u201c{passage}\u201d; quote it "
            "exactly, marking omissions with \u2026 and insertions with [ ]",
        )


def _shortened(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "\u2026"


def _needle(text: str) -> str:
    """The opening words of a text, to find its line in the Markdown it came from."""
    return " ".join(text.replace(CITATION, " ").split()[:4])


def _inside_link(element, parents) -> bool:
    parent = parents.get(element)
    while parent is not None:
        if parent.tag == "a":
            return True
        parent = parents.get(parent)
    return False


def _trailing_citation_groups(paragraph) -> list:
    """The citation groups that end a paragraph, with nothing but spaces after them."""
    groups = []
    for child in reversed(list(paragraph)):
        if not is_marker_group(child) or (child.tail or "").strip():
            break
        groups.insert(0, child)
    return groups


def _join_marker_line(container, last, groups) -> None:
    """A block quotation's marker line joins the paragraph above it, so the marker ends the quoted
    words as it does in running text rather than standing alone on a line of its own."""
    if container.tag != "blockquote" or len(container) < 2 or container[-2].tag != "p":
        return
    if (last.text or "").strip() or len(last) != len(groups):
        return
    above = container[-2]
    for group in groups:
        above.append(group)
    container.remove(last)


def _text_without_markers(element, stop_at=None) -> str:
    """An element's text, leaving out citation markers (and everything from stop_at on)."""
    parts = [element.text or ""]
    for child in element:
        if child is stop_at:
            break
        if not is_marker_group(child):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts)
