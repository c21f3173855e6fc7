"""Does a quotation occur in a source? If not, which passage is closest?

A quotation is compared after normalising case, white space, quotes and dashes. An ellipsis
("…" or "...") stands for omitted words, and [bracketed words] for an editorial insertion that
replaces a few words, so both split the quotation into pieces that must occur in order.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from .textnorm import normalise

_ELLIPSIS = re.compile(r"\s*(?:\u2026|\.\s?\.\s?\.)\s*")
_INSERTION = re.compile(r"\s*\[[^\]]*\]\s*")
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


def pieces(quotation: str) -> list[Piece]:
    """Split a quotation at ellipses and insertions into normalised pieces."""
    result = []
    for part_index, part in enumerate(_ELLIPSIS.split(quotation)):
        gap = None if part_index else INSERTION_SPAN
        for chunk in _INSERTION.split(part):
            text = normalise(chunk).strip(_EDGE_PUNCTUATION)
            if text:
                result.append(Piece(text, gap))
                gap = INSERTION_SPAN  # the next chunk follows an insertion
    if not result:
        raise EmptyQuotation(quotation)
    return result


def occurs_in(quotation: str, passage: str) -> bool:
    """True if the quotation's pieces occur in the passage, in order, within their gaps."""
    first, *rest = pieces(quotation)
    text = normalise(passage)
    index = text.find(first.text)
    while index >= 0:
        if _rest_matches(rest, text, index + len(first.text)):
            return True
        index = text.find(first.text, index + 1)
    return False


def _rest_matches(parts: list[Piece], text: str, start: int) -> bool:
    if not parts:
        return True
    piece, rest = parts[0], parts[1:]
    end = len(text) if piece.max_gap_before is None else start + piece.max_gap_before + len(piece.text)
    index = text.find(piece.text, start, end)
    while index >= 0:
        if _rest_matches(rest, text, index + len(piece.text)):
            return True
        index = text.find(piece.text, index + 1, end)
    return False


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
