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

from .figures import states_a_figure
from .normal import normalise

_ELLIPSIS = re.compile(r"\s*(?:\u2026|\.\s?\.\s?\.)\s*")
_INSERTION = re.compile(r"(\[[^\]]*\])")
_EDGE_PUNCTUATION = ' ,.;:!?"-'
# An insertion stands in for a few words; an ellipsis may skip any amount of one passage.
INSERTION_SPAN = 40
_SENTENCE_END = re.compile(r"(?<=[.!?\"])\s+")
# An editorial insertion clarifies ("[Amazon]", "[the Department of Homeland Security]"); more
# words, or a figure, would be the project's claim presented in the source's voice.
MAX_INSERTION_WORDS = 5


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
    return occurs_in_normal(quotation, normalise(passage))


def occurs_in_normal(quotation: str, text: str) -> bool:
    """`occurs_in` for a passage already normalised: a long text searched for many quotations."""
    parts = pieces(quotation)

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


def insertion_problem(quotation: str) -> tuple[str, str] | None:
    """(problem, fix) if a [bracketed insertion] says more than a clarification may."""
    for insertion in _INSERTION.findall(quotation):
        words = insertion[1:-1]
        if states_a_figure(words):
            return (
                f"the insertion {insertion} in a quotation states a figure",
                "an insertion in [ ] may only clarify; give figures in your own sentence, with a citation",
            )
        if len(words.split()) > MAX_INSERTION_WORDS:
            return (
                f"the insertion {insertion} in a quotation is longer than {MAX_INSERTION_WORDS} words",
                "shorten it, or say it in your own sentence outside the quotation",
            )
    return None


def closest_passage(
    quotation: str, paragraphs: dict[int, str], whole: dict[int, str] | None = None
) -> tuple[int, str]:
    """The paragraph number and sentence(s) most like the quotation, to show beside an error.

    The cited paragraphs come first; the rest of the source (`whole`) only when it holds a
    passage that shares clearly more of the quotation's words.
    """
    target = " ".join(p.text for p in pieces(quotation))
    best = _best_passage(target, paragraphs)
    if whole and best[0][0] < CLOSE_ENOUGH:
        elsewhere = _best_passage(target, {n: p for n, p in whole.items() if n not in paragraphs})
        if elsewhere[0][0] > best[0][0] + CLEARLY_CLOSER:
            best = elsewhere
    return best[1], best[2]


# Shares of the quotation's characters found in order in a candidate passage.
CLOSE_ENOUGH = 0.8
CLEARLY_CLOSER = 0.1


def _best_passage(target: str, paragraphs: dict[int, str]) -> tuple[tuple[float, float], int, str]:
    """The 1-3 sentence window that holds most of the target, then the most alike of those."""
    best = ((-1.0, -1.0), 0, "")
    for number, paragraph in paragraphs.items():
        sentences = _SENTENCE_END.split(paragraph)
        for size in (1, 2, 3):
            for i in range(len(sentences) - size + 1):
                candidate = " ".join(sentences[i : i + size])
                matcher = difflib.SequenceMatcher(None, target, normalise(candidate), autojunk=False)
                covered = sum(block.size for block in matcher.get_matching_blocks()) / max(len(target), 1)
                score = (round(covered, 3), matcher.ratio())
                if score > best[0]:
                    best = (score, number, candidate)
    return best
