"""Claims' answers compared as a reader compares them, and their figures held to their quotations.

"Not known" and "not known" are one answer; so are "not given", "unknown" and "unclear": a
claim whose answers all mean that nobody knows is not a disagreement. Case, spacing, quote
style and dashes never make two answers.
"""

from __future__ import annotations

from .figures import figures_in
from .normal import normalise

NOT_KNOWN = "not known"
_NOT_KNOWN_WORDINGS = {
    "not known",
    "unknown",
    "not given",
    "not stated",
    "not said",
    "not reported",
    "unclear",
    "not clear",
    "no figure",
    "none given",
}


def canonical(value: str) -> str:
    """One form per answer a reader would count as the same."""
    text = normalise(value).strip(" .;,")
    return NOT_KNOWN if text in _NOT_KNOWN_WORDINGS else text


def is_known(value: str) -> bool:
    return canonical(value) != NOT_KNOWN


def distinct_answers(values: list[str]) -> list[str]:
    """The different answers among `values`, each in the first wording given for it."""
    seen: dict[str, str] = {}
    for value in values:
        seen.setdefault(canonical(value), value)
    return list(seen.values())


def figures_missing_from_quotation(value: str, quotation: str) -> list[str]:
    """Figures the value states that its quotation does not (in digits or in words)."""
    quoted = set(figures_in(quotation))
    return [figure for figure in figures_in(value) if figure not in quoted]
