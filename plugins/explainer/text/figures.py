"""The figures a text states, in digits or in words, so that two wordings can be compared.

"over 40", "Forty civil rights groups" and "more than three dozen" state 40, 40, and 3 and 12.
Scale words (hundred, thousand, million) count as figures of their own, so "$19.4 million"
states 19.4 and a million.
"""

from __future__ import annotations

import re

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
_UNITS += "sixteen seventeen eighteen nineteen"
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
NUMBER_WORDS = {
    **{word: str(value) for value, word in enumerate(_UNITS.split())},
    **{word: str(value) for value, word in zip(range(20, 100, 10), _TENS.split(), strict=True)},
    "dozen": "12",
    "dozens": "12",
    "hundred": "100",
    "hundreds": "100",
    "thousand": "1000",
    "thousands": "1000",
    "million": "1000000",
    "millions": "1000000",
    "billion": "1000000000",
    "billions": "1000000000",
}
# Digits (with thousands separators and decimals), or a word; hyphens split "thirty-five".
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[^\W\d_]+")


def figures_in(text: str) -> list[str]:
    """Each figure the text states, as digits, in order: 'Forty-eight, or 1,500' -> ['40', '8', '1500']."""
    found = []
    for token in _TOKEN.findall(text.casefold()):
        if token[0].isdigit():
            found.append(token.replace(",", "").rstrip("."))
        elif token in NUMBER_WORDS:
            found.append(NUMBER_WORDS[token])
    return found


def states_a_figure(text: str) -> bool:
    return bool(figures_in(text))
