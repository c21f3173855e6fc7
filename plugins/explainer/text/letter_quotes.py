"""Which passages of a primary document other sources quote, and how faithfully.

Quotations are found by computation: every stretch of a source inside quotation marks (or a
paragraph or list item that opens with one) is split into sentences, and each sentence is
matched to its closest sentence of the document, tolerating changed spellings, dashes, quote
marks, dropped and merged sentences. The matched stretch of the document is then aligned word
by word with the quotation, and every difference is named.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property

from .normal import normalise
from .wording import Segment, align, tokens

_QUOTED = re.compile(r"\u201c([^\u201c\u201d]+)\u201d?|\"([^\"]+)\"?")
_SENTENCE = re.compile(r"(?<=[.!?])[\"\u201d]?\s+(?=[\"\u201c]?[A-Z])")
MIN_WORDS = 6  # shorter quotations ("Rekognition") are names, not passages
SAME_SENTENCE = 0.6  # token similarity from which two sentences are one sentence


@dataclass
class Sentence:
    paragraph: int
    text: str
    words: list[str]


@dataclass
class QuotedPassage:
    source: object  # model.Source
    paragraph: int  # where the quotation stands in the quoting source
    quotation: str
    first: int  # document paragraphs quoted, first to last
    last: int
    segments: list[Segment] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)


def _words(text: str) -> list[str]:
    return [token for token in tokens(normalise(text)) if token[0].isalnum()]


def _sentences(paragraphs: list[str]) -> list[Sentence]:
    return [
        Sentence(number, text, _words(text))
        for number, paragraph in enumerate(paragraphs, 1)
        for text in _SENTENCE.split(paragraph)
        if text.strip()
    ]


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


class QuoteFinder:
    """The quotations of one document, found a quoting source at a time."""

    def __init__(self, document):
        self.document = document

    @cached_property  # not needed when a rebuild finds every answer cached
    def sentences(self) -> list[Sentence]:
        return _sentences(self.document.paragraphs)

    def in_source(self, source, skipped: set[int] = frozenset()) -> list[QuotedPassage]:
        """The source's quotations of the document, except in the paragraphs `skipped`."""
        found = []
        for number, paragraph in enumerate(source.paragraphs, 1):
            if number in skipped:
                continue
            for quotation in quotations_in(paragraph):
                passage = _match(quotation, self.sentences, source, number)
                if passage:
                    found.append(passage)
        return found


def quoted_passages(document, sources, skip_paragraphs=None) -> list[QuotedPassage]:
    """Every quotation of `document` in `sources`, aligned with the document's own words.

    `skip_paragraphs` maps a source to the paragraph numbers that reproduce the document whole
    (the copy the document's text was taken from), which are not quotations of it.
    """
    finder, skip = QuoteFinder(document), skip_paragraphs or {}
    return [
        passage
        for source in sources
        if source is not document
        for passage in finder.in_source(source, skip.get(source.slug, set()))
    ]


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
    segments, differences = align(original, quotation)
    return QuotedPassage(
        source, number, quotation, span[0].paragraph, span[-1].paragraph, segments, differences
    )
