"""One normal form for comparing quoted text with its source."""

from __future__ import annotations

import re

# Every quotation mark and apostrophe becomes ", so nesting ('…' inside "…") and typography
# never decide whether a quotation matches.
_QUOTES = "'\"\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2033\u00ab\u00bb"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_EQUIVALENTS = str.maketrans({**dict.fromkeys(_QUOTES, '"'), **dict.fromkeys(_DASHES, "-"), "\u00a0": " "})
_SPACE = re.compile(r"\s+")
# "a - b", "a -- b" and "a—b" are one dash between words.
_SPACED_DASH = re.compile(r"\s*-+\s*")


def normalise(text: str) -> str:
    """Case-fold and unify quotes, dashes and white space."""
    text = text.translate(_EQUIVALENTS).casefold()
    text = _SPACED_DASH.sub("-", text)
    return _SPACE.sub(" ", text).strip()


# For comparing whole paragraphs (model/duplicates.py): the same equivalences, with white space and
# dashes dropped rather than unified, in one pass; a quarter of normalise's time at thousands of
# paragraphs.
_KEY = str.maketrans({**dict.fromkeys(_QUOTES, '"'), **dict.fromkeys(_DASHES + "-\u00a0", None)})


def comparison_key(text: str) -> str:
    """Case-folded, quotes unified, without white space or dashes."""
    return "".join(text.translate(_KEY).split()).casefold()
