"""Words in double quotes in the project's own writing, each tied to the citation that vouches for it.

The unit is the sentence. A span in double quotes (straight or curly) belongs to the nearest
citation that follows it in its sentence, whatever words or punctuation stand between
('"…vibe".[@a]', '"Amazonians",[@a] and…', '"a" and "b"[@a]'); failing that, to the nearest
citation before it in the sentence. A span with no citation in its sentence has none.

A block's inline text is flattened into one string in which each citation group stands as one
private-use character, so that quotation marks, sentence ends and citations are found in one
pass, however emphasis, links and code split the text into elements.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..text.sentences import ends_an_abbreviation

CITATION = "\ue000"  # one citation group in the flattened text
_HIDDEN_MARK = "\ue001"  # a quotation mark inside code, which opens or closes nothing
# Elements whose text belongs to a block of its own, not to the inline text of their parent.
BLOCK_TAGS = {"p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6"}
_NESTED_BLOCKS = BLOCK_TAGS | {"ul", "ol", "dl", "blockquote", "table", "div", "pre", "hr"}
_SPAN = re.compile(r"\u201c(?P<curly>[^\u201c\u201d]*)\u201d|\"(?P<straight>[^\"\u201c\u201d]*)\"")
_STRAY_MARK = re.compile(r"[\"\u201c\u201d]")
# A sentence ends at . ! or ? (or a quotation ending in one), then closing marks, then any
# citations, then space before something that is not a lower-case word.
_SENTENCE_END = re.compile(r"[.!?][)\]\"\u201d\u2019']*" + CITATION + r"*(?=\s+[^\sa-z]|\s*$)")


@dataclass
class QuotedSpan:
    text: str  # the words between the marks, as a reader sees them
    group: object | None  # the citation group (an element) that vouches for it, or None

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class FlatBlock:
    text: str  # the block's inline text, with CITATION for each citation group
    groups: list  # the citation groups, in order


def flatten(block, is_citation_group: Callable, plain: Callable[[str], str]) -> FlatBlock:
    """The inline text of `block` (nested blocks left out), each citation group as one character."""
    parts: list[str] = []
    groups: list = []

    def walk(element, inside_code: bool) -> None:
        text = plain(element.text or "")
        parts.append(_hide_marks(text) if inside_code else text)
        for child in element:
            if is_citation_group(child):
                groups.append(child)
                parts.append(CITATION)
            elif child.tag not in _NESTED_BLOCKS:
                walk(child, inside_code or child.tag == "code")
            tail = plain(child.tail or "")
            parts.append(_hide_marks(tail) if inside_code else tail)

    walk(block, block.tag == "code")
    return FlatBlock("".join(parts), groups)


def _hide_marks(text: str) -> str:
    return _STRAY_MARK.sub(_HIDDEN_MARK, text)


def restore_marks(text: str) -> str:
    return text.replace(_HIDDEN_MARK, '"')


def quoted_spans(flat: FlatBlock) -> Iterator[QuotedSpan]:
    """Each quoted span of the block with the citation group that vouches for it."""
    spans = list(_SPAN.finditer(flat.text))
    masked = _mask_quotations(flat.text, spans)
    citations = [i for i, char in enumerate(flat.text) if char == CITATION]
    start = 0
    for end in [*_sentence_ends(masked), len(flat.text)]:
        sentence_citations = [i for i in citations if start <= i < end]
        for span in (s for s in spans if start <= s.start() < end):
            words = span.group("curly") if span.group("curly") is not None else span.group("straight")
            position = _vouching_citation(sentence_citations, span.start(), span.end())
            group = flat.groups[citations.index(position)] if position is not None else None
            yield QuotedSpan(restore_marks(words.replace(CITATION, "")).strip(), group)
        start = end


def stray_marks(flat: FlatBlock) -> bool:
    """True if a double quotation mark opens or closes nothing: a quotation left open."""
    return bool(_STRAY_MARK.search(_SPAN.sub("", flat.text)))


def _mask_quotations(text: str, spans) -> str:
    """The text with each quotation's words hidden, keeping a full stop that ends one."""
    chars = list(text)
    for span in spans:
        inner_end = span.end() - 1
        last = inner_end - 1
        for i in range(span.start() + 1, inner_end):
            chars[i] = chars[i] if (i == last and chars[i] in ".!?") or chars[i] == CITATION else "x"
    return "".join(chars)


def _sentence_ends(masked: str) -> Iterator[int]:
    for match in _SENTENCE_END.finditer(masked):
        before = masked[: match.start()]
        if masked[match.start()] == "." and ends_an_abbreviation(before):
            continue
        yield match.end()


def _vouching_citation(positions: list[int], start: int, end: int) -> int | None:
    """The first citation after the span in its sentence, else the last one before it."""
    after = [p for p in positions if p >= end]
    if after:
        return after[0]
    before = [p for p in positions if p < start]
    return before[-1] if before else None


_MARKS = '"\u201c\u201d'
_MARK_OR_INSERTION = re.compile(r"[\"\u201c\u201d]|\[[^\[\]]*\]")
INSERTION_CLASS = "insertion"


def mark_insertions(block, is_citation_group: Callable, whole: bool) -> None:
    """Wrap each [insertion] inside a quotation in <span class="insertion">: the project's words.

    With `whole`, all of the block is quotation (a block quotation, a quoted field); otherwise
    quotation marks open and close it as the text goes.
    """
    inside = whole
    edits = []  # (element, "text" or "tail", parent): where a text node holds an insertion

    def scan(text: str) -> list[tuple[int, int]]:
        nonlocal inside
        found = []
        for match in _MARK_OR_INSERTION.finditer(text):
            mark = match.group()
            if mark in _MARKS:
                inside = whole or mark == "\u201c" or (mark == '"' and not inside)
            elif inside:
                found.append(match.span())
        return found

    def walk(element, parent) -> None:
        if element.text and (spans := scan(element.text)):
            edits.append((element, "text", None, spans))
        for child in list(element):
            nested = child.tag in _NESTED_BLOCKS and not whole  # a block of its own, marked on its own
            marked = child.get("class") == INSERTION_CLASS
            if not (is_citation_group(child) or nested or marked or child.tag in ("code", "pre")):
                walk(child, element)
            if child.tail and (spans := scan(child.tail)):
                edits.append((child, "tail", element, spans))

    walk(block, None)
    for element, attribute, parent, spans in reversed(edits):
        _wrap(element, attribute, parent, spans)


def _wrap(element, attribute: str, parent, spans) -> None:
    text = getattr(element, attribute)
    pieces, position = [], 0
    for start, end in spans:
        wrapper = etree.Element("span", {"class": INSERTION_CLASS, "title": "Added by this site"})
        wrapper.text = text[start:end]
        pieces.append((text[position:start], wrapper))
        position = end
    setattr(element, attribute, pieces[0][0])
    if attribute == "text":
        for index, (_, wrapper) in enumerate(pieces):
            element.insert(index, wrapper)
    else:
        index = list(parent).index(element) + 1
        for offset, (_, wrapper) in enumerate(pieces):
            parent.insert(index + offset, wrapper)
    wrappers = [wrapper for _, wrapper in pieces]
    for current, following in zip(wrappers, [*pieces[1:], (text[position:], None)], strict=True):
        current.tail = following[0]
