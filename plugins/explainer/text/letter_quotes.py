"""Which passages of a primary document other sources quote, and how faithfully.

Quotations are found by computation: every stretch of a source inside quotation marks (or a
paragraph or list item that opens with one) is split into sentences, and each sentence is
matched to its closest sentence of the document, tolerating changed spellings, dashes, quote
marks, dropped and merged sentences. The matched stretch of the document is then aligned word
by word with the quotation, and every difference is named and placed in the document's
paragraphs, where an edition of it marks them (text/edition.py).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from .normal import normalise
from .wording import compare, tokens

_QUOTED = re.compile(r"\u201c([^\u201c\u201d]+)\u201d?|\"([^\"]+)\"?")
_SENTENCE = re.compile(r"(?<=[.!?])[\"\u201d]?\s+(?=[\"\u201c]?[A-Z])")
MIN_WORDS = 6  # shorter quotations ("Rekognition") are names, not passages
SAME_SENTENCE = 0.6  # token similarity from which two sentences are one sentence


@dataclass
class Sentence:
    paragraph: int
    text: str
    words: list[str]
    start: int = 0  # where it starts in its paragraph


@dataclass(frozen=True)
class Variant:
    """One difference of a quotation, at its place in the document: paragraph and characters."""

    paragraph: int
    start: int  # start == end: words the quotation adds, after the document's word before them
    end: int
    change: str  # "changed", "added" or "missing"
    description: str


@dataclass
class QuotedPassage:
    source: object  # model.Source
    paragraph: int  # where the quotation stands in the quoting source
    quotation: str
    first: int  # document paragraphs quoted, first to last
    last: int
    differences: list[str] = field(default_factory=list)
    variants: list[Variant] = field(default_factory=list)
    # Where the quoted stretch starts in the first paragraph and ends in the last.
    start: int = 0
    end: int = 0


def _words(text: str) -> list[str]:
    return [token for token in tokens(normalise(text)) if token[0].isalnum()]


def _sentences(paragraphs: list[str]) -> list[Sentence]:
    return [
        Sentence(number, text, _words(text), start)
        for number, paragraph in enumerate(paragraphs, 1)
        for start, text in _split(paragraph)
        if text.strip()
    ]


def _split(paragraph: str) -> list[tuple[int, str]]:
    """The paragraph's sentences, each with where it starts."""
    pieces, start = [], 0
    for boundary in _SENTENCE.finditer(paragraph):
        pieces.append((start, paragraph[start : boundary.start()]))
        start = boundary.end()
    return [*pieces, (start, paragraph[start:])]


def quotations_in(paragraph: str) -> list[str]:
    """Quoted stretches of a paragraph long enough to be passages of a text."""
    found = [next(g for g in m.groups() if g is not None) for m in _QUOTED.finditer(paragraph)]
    return [q.strip() for q in found if len(_words(q)) >= MIN_WORDS]


def _best_sentence(sentence: str, candidates: list[Sentence]) -> tuple[float, int]:
    words = _words(sentence)
    best = (0.0, -1)
    for index, candidate in enumerate(candidates):
        matcher = difflib.SequenceMatcher(None, words, candidate.words, autojunk=False)
        if matcher.quick_ratio() <= best[0]:
            continue
        best = max(best, (matcher.ratio(), index))
    return best


@dataclass(eq=False)  # keyed by what it is made of (model/cache_keys.py)
class QuoteFinder:
    """The quotations of one document, found a quoting source at a time, except in the paragraphs
    `skipped` of each source (slug -> paragraph numbers)."""

    document: object
    skipped: dict[str, frozenset[int]] = field(default_factory=dict)

    @cached_property  # not needed when a rebuild finds every answer cached
    def sentences(self) -> list[Sentence]:
        return _sentences(self.document.paragraphs)

    def in_source(self, source) -> list[QuotedPassage]:
        """The source's quotations of the document."""
        found, skipped = [], self.skipped.get(source.slug, frozenset())
        for number, paragraph in enumerate(source.paragraphs, 1):
            if number in skipped:
                continue
            for quotation in quotations_in(paragraph):
                passage = _match(quotation, self.sentences, source, number)
                if passage:
                    found.append(passage)
        return found


def _match(quotation, sentences, source, number) -> QuotedPassage | None:
    matched = []
    for sentence in _SENTENCE.split(quotation):
        score, index = _best_sentence(sentence, sentences)
        if score >= SAME_SENTENCE:
            matched.append(index)
    if not matched:
        return None
    span = sentences[min(matched) : max(matched) + 1]
    original = " ".join(s.text for s in span)
    differences = compare(original, quotation)
    last = span[-1]
    return QuotedPassage(
        source,
        number,
        quotation,
        span[0].paragraph,
        last.paragraph,
        [d.description for d in differences],
        [variant for d in differences for variant in _placed(d, span)],
        span[0].start,
        last.start + len(last.text),
    )


def _placed(difference, span: list[Sentence]) -> list[Variant]:
    """A difference found in the sentences joined by spaces, at its place in the document's
    paragraphs: one variant in each paragraph it reaches."""
    found, offset = [], 0  # where each sentence starts in the sentences joined
    for sentence in span:
        first, last = offset, offset + len(sentence.text)
        offset = last + 1
        start, end = max(difference.start, first), min(difference.end, last)
        point = difference.start == difference.end
        if not (start < end or (point and first <= start <= last)):
            continue
        start, end = sentence.start + start - first, sentence.start + end - first
        if found and found[-1].paragraph == sentence.paragraph:  # it runs on into this sentence
            found[-1] = replace(found[-1], end=end)
        else:
            found.append(Variant(sentence.paragraph, start, end, difference.change, difference.description))
    return found
