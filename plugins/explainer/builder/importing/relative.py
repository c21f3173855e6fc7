"""Phrases that look like relative dates ("last Thursday", "on Tuesday"), paragraph by paragraph.

Those of a form the build resolves against the article's date go into `relative_dates:`; the
others ("this week", "yesterday") are only listed, since the build would ask why each names no
single date, and only the contributor can say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...content.dates import MONTHS, WEEKDAYS

_RESOLVED = [
    r"\btoday\b",
    r"\blast (?:month|year)\b",
    r"\b(?:(?:[Ll]ast|[Oo]n|published) )?(?:" + "|".join(WEEKDAYS) + r")\b",
    r"\b(?:[Ll]ast|[Ii]n) (?:" + "|".join(MONTHS) + r")\b(?![ ,]*\d)",
]
_LISTED = [
    r"\b(?:yesterday|tomorrow|recently)\b",
    r"\b(?:this|last|next) (?:week|weekend)\b",
    r"\b(?:earlier |later )?this (?:week|month|year)\b",
    r"\bnext (?:month|year)\b",
    r"\b(?:\w+ )?(?:days?|weeks?|months?|years?) ago\b",
]
_FORMS = [(re.compile(pattern, re.I if i < 2 else 0), True) for i, pattern in enumerate(_RESOLVED)]
_FORMS += [(re.compile(pattern, re.I), False) for pattern in _LISTED]


@dataclass(frozen=True)
class Phrase:
    phrase: str
    paragraph: int
    resolvable: bool  # of a form the build resolves against the article's own date


def relative_phrases(paragraphs: list[str]) -> list[Phrase]:
    found = []
    for number, text in enumerate(paragraphs, 1):
        spans: list[tuple[int, int, bool]] = []
        for pattern, resolvable in _FORMS:
            for match in pattern.finditer(text):
                # The longest reading wins: "last Thursday", not "Thursday" as well.
                if not any(start <= match.start() and match.end() <= end for start, end, _ in spans):
                    spans = [s for s in spans if not (match.start() <= s[0] and s[1] <= match.end())]
                    spans.append((match.start(), match.end(), resolvable))
        for start, end, resolvable in sorted(spans):
            found.append(Phrase(text[start:end], number, resolvable))
    return found
