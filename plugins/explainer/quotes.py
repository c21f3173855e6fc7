"""Does a quotation occur in a source? If not, which passage is closest?

A quotation is compared after normalising case, white space, quotes and dashes, and only at
word boundaries ("willing" is not found in "unwilling"). An ellipsis ("…" or "...") stands for
omitted words, and [bracketed words] for an editorial insertion that replaces a few words, so
both split the quotation into pieces that must occur in order. A piece written against a
bracket ("[W]ith") may start or end inside a word.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass

from .textnorm import normalise

_ELLIPSIS = re.compile(r"\s*(?:\u2026|\.\s?\.\s?\.)\s*")
_INSERTION = re.compile(r"(\[[^\]]*\])")
_EDGE_PUNCTUATION = ' ,.;:!?"-'
# An insertion stands in for a few words; an ellipsis may skip any amount of one passage.
INSERTION_SPAN = 40
_SENTENCE_END = re.compile(r"(?<=[.!?\"])\s+")


class EmptyQuotation(ValueError):
    """The quotation has no words to check."""


@dataclass(frozen=True)
class Piece:
    text: str
    max_gap_before: int | None  # how far after the previous piece it may start; None: any distance
    open_start: bool = False  # written right after a [bracket]: may start inside a word
    open_end: bool = False  # written right before a [bracket]: may end inside a word


def pieces(quotation: str) -> list[Piece]:
    """Split a quotation at ellipses and insertions into normalised pieces."""
    result = []
    for part_index, part in enumerate(_ELLIPSIS.split(quotation)):
        gap = None if part_index else INSERTION_SPAN
        chunks = _INSERTION.split(part)  # text, [bracket], text, [bracket], text…
        for index in range(0, len(chunks), 2):
            chunk = chunks[index]
            text = normalise(chunk).strip(_EDGE_PUNCTUATION)
            if not text:
                continue
            open_start = index > 0 and not chunk[:1].isspace()
            open_end = index + 1 < len(chunks) and not chunk[-1:].isspace()
            result.append(Piece(text, gap, open_start, open_end))
            gap = INSERTION_SPAN  # the next chunk follows an insertion
    if not result:
        raise EmptyQuotation(quotation)
    return result


def _is_word(char: str) -> bool:
    return char.isalnum()


def _occurrences(text: str, piece: Piece, start: int, end: int):
    """Positions of the piece in text[start:end] that begin and end on word boundaries."""
    index = text.find(piece.text, start, end)
    while index >= 0:
        after = index + len(piece.text)
        starts_clean = (
            piece.open_start or index == 0 or not (_is_word(text[index - 1]) and _is_word(piece.text[0]))
        )
        ends_clean = (
            piece.open_end or after == len(text) or not (_is_word(text[after]) and _is_word(piece.text[-1]))
        )
        if starts_clean and ends_clean:
            yield index
        index = text.find(piece.text, index + 1, end)


def occurs_in(quotation: str, passage: str) -> bool:
    """True if the quotation's pieces occur in the passage, in order, within their gaps."""
    parts = pieces(quotation)
    text = normalise(passage)

    # Memoised on (piece, position): each state is tried once, so "a … a … a … z" stays fast.
    @functools.cache
    def rest_matches(number: int, start: int) -> bool:
        if number == len(parts):
            return True
        piece = parts[number]
        end = (
            len(text)
            if piece.max_gap_before is None
            else min(len(text), start + piece.max_gap_before + len(piece.text))
        )
        return any(
            rest_matches(number + 1, i + len(piece.text)) for i in _occurrences(text, piece, start, end)
        )

    return any(rest_matches(1, i + len(parts[0].text)) for i in _occurrences(text, parts[0], 0, len(text)))


def closest_passage(quotation: str, paragraphs: dict[int, str]) -> tuple[int, str]:
    """The paragraph number and sentence(s) most like the quotation, to show beside an error."""
    target = " ".join(p.text for p in pieces(quotation))
    best = (-1.0, 0, "")
    for number, paragraph in paragraphs.items():
        sentences = _SENTENCE_END.split(paragraph)
        for size in (1, 2, 3):
            for i in range(len(sentences) - size + 1):
                candidate = " ".join(sentences[i : i + size])
                matcher = difflib.SequenceMatcher(None, target, normalise(candidate), autojunk=False)
                if matcher.real_quick_ratio() <= best[0] or matcher.quick_ratio() <= best[0]:
                    continue
                score = matcher.ratio()
                if score > best[0]:
                    best = (score, number, candidate)
    return best[1], best[2]
