"""Where a checked quotation stands in its paragraph, so a preview can highlight the words.

The match is made on the normal form (text/normal.py), character by character, so each piece
of the quotation (the words between ellipses and [insertions]) maps back to the paragraph as
the source writes it.
"""

from __future__ import annotations

import functools
import re

from .normal import _EQUIVALENTS
from .quotes import EmptyQuotation, pieces

_WORD_EDGE = re.compile(r"\w")


# Spaces around a dash, and runs of spaces, fold as normalise() folds them.
_FOLDS = re.compile(r"\s*-+\s*|\s+")
_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=4096)  # a paragraph cited on many pages is folded once
def _normal_with_origins(text: str) -> tuple[str, list[int]]:
    """The normal form of text, and for each of its characters the index it came from."""
    folded = text.translate(_EQUIVALENTS).casefold()
    if len(folded) != len(text):  # a letter that folds to two ("ß"): character by character
        return _normal_char_by_char(text)
    chars, origins, last = [], [], 0
    for run in _FOLDS.finditer(folded):
        chars.append(folded[last : run.start()])
        origins.extend(range(last, run.start()))
        dash = run.group().find("-")
        chars.append("-" if dash >= 0 else " ")
        origins.append(run.start() + max(dash, 0))
        last = run.end()
    chars.append(folded[last:])
    origins.extend(range(last, len(folded)))
    return "".join(chars), origins


def _normal_char_by_char(text: str) -> tuple[str, list[int]]:
    chars, origins = [], []
    for index, char in enumerate(text):
        for out in char.translate(_EQUIVALENTS).casefold():
            out = " " if out.isspace() else out
            if (out == " " and chars and chars[-1] in " -") or (out == "-" and chars and chars[-1] == "-"):
                continue
            if out == "-" and chars and chars[-1] == " ":
                chars.pop(), origins.pop()
            chars.append(out)
            origins.append(index)
    return "".join(chars), origins


def folded_spaces(text: str) -> tuple[str, list[int]]:
    """The text with each run of white space one space and none at either end, as a paragraph's
    text is kept (markup/render.py), and for each of its characters the index it came from."""
    chars, origins, last = [], [], 0
    for run in _SPACES.finditer(text):
        chars.append(text[last : run.start()])
        origins.extend(range(last, run.start()))
        chars.append(" ")
        origins.append(run.start())
        last = run.end()
    chars.append(text[last:])
    origins.extend(range(last, len(text)))
    folded = "".join(chars)
    start = len(folded) - len(folded.lstrip())
    end = len(folded.rstrip())
    return folded[start:end], origins[start:end]


def quoted_ranges(paragraph: str, quotations) -> list[tuple[int, int]]:
    """(start, end) in the paragraph of each piece of each quotation found there, in order, merged."""
    normal, origins = _normal_with_origins(paragraph)
    found = []
    for quotation in quotations:
        try:
            parts = pieces(quotation)
        except EmptyQuotation:
            continue
        start = 0
        for piece in parts:
            at = _word_find(normal, piece.text, start)
            if at < 0:
                break
            end = at + len(piece.text)
            found.append((origins[at], origins[end - 1] + 1))
            start = end
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _word_find(text: str, needle: str, start: int) -> int:
    index = text.find(needle, start)
    while index >= 0:
        before = text[index - 1] if index else " "
        after = text[index + len(needle)] if index + len(needle) < len(text) else " "
        if not (_WORD_EDGE.match(before) and _WORD_EDGE.match(needle[0])) and not (
            _WORD_EDGE.match(after) and _WORD_EDGE.match(needle[-1])
        ):
            return index
        index = text.find(needle, index + 1)
    return -1


@functools.lru_cache(maxsize=4096)  # one note appears on the timeline, its group's and entities' pages
def segments(paragraph: str, quotations: tuple[str, ...]) -> tuple[tuple[str, bool], ...]:
    """The paragraph as (text, quoted) runs."""
    runs, last = [], 0
    for start, end in quoted_ranges(paragraph, quotations):
        if start > last:
            runs.append((paragraph[last:start], False))
        runs.append((paragraph[start:end], True))
        last = end
    if last < len(paragraph):
        runs.append((paragraph[last:], False))
    return tuple(runs)
