"""One normal form for comparing quoted text with its source."""

from __future__ import annotations

import re

_EQUIVALENTS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)
_SPACE = re.compile(r"\s+")
_SPACED_DASH = re.compile(r"\s*-\s*")


def normalise(text: str) -> str:
    """Case-fold and unify quotes, dashes and white space ("a — b" equals "a-b")."""
    text = text.translate(_EQUIVALENTS).casefold()
    text = _SPACED_DASH.sub("-", text)
    return _SPACE.sub(" ", text).strip()
