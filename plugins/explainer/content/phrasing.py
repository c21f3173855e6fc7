"""How a provenance value reads, in one wording for pages, note previews and every export.

A stated value reads as itself; one the project worked out carries one mark, "(inferred)"; a
date known only within bounds reads "between May and 25 June 2018", "week of 18 June 2018" or
"late 2017" (dates.span_wording). A file's own wording (display:) is only for what the bounds
cannot say, a decade, and the build refuses one that names other days (facts.py).
"""

from __future__ import annotations

from .dates import span_wording
from .facts import Fact

INFERRED_MARK = "(inferred)"


def join_names(names) -> str:
    names = [str(name) for name in names]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def fact_text(fact: Fact, unknown: str = "not known") -> str:
    """The value as a reader sees it: 'June 2018 (inferred)', 'not known'…"""
    value = value_text(fact, unknown)
    return f"{value} {INFERRED_MARK}" if fact.inferred else value


def value_text(fact: Fact, unknown: str = "not known") -> str:
    """The value without its mark: 'week of 18 June 2018', 'Ann and Bo', 'not known'."""
    if not fact.known:
        return unknown
    value = fact.display or bounds_text(fact) or fact.value
    if hasattr(value, "text"):
        return value.text()
    if isinstance(value, tuple):
        return join_names(value)
    return str(value)


def capitalised(text: str) -> str:
    """A wording at the start of a sentence or heading: 'week of 18 June 2018' -> 'Week of 18 June 2018'."""
    return text[:1].upper() + text[1:]


def rights_text(fact: Fact) -> str:
    """A source's rights in one line for exports: the licence, or 'rights not known', and the note."""
    text = fact_text(fact, "rights not known")
    return f"{text}: {fact.note}" if fact.note else text


def date_text(fact: Fact) -> str:
    return fact_text(fact, "date unknown")


# What the timeline says beside an event the sources foresaw.
EXPECTED_WORDING = "expected, not yet happened when reported"


def period_text(start: Fact, end: Fact | None = None, expected: bool = False) -> str:
    """An event's dates in one phrase, for exports that have one field for them: '2017 (inferred)
    to 2019', '2019 (expected, not yet happened when reported)'."""
    text = date_text(start) + (f" to {date_text(end)}" if end else "")
    return f"{text} ({EXPECTED_WORDING})" if expected else text


def bounds_text(fact: Fact) -> str | None:
    """'between May and 25 June 2018', 'week of 18 June 2018', 'late 2017', 'on or after 3 May
    2018'…, or None for a date without bounds."""
    if not (fact.earliest or fact.latest):
        return None
    return span_wording(fact.value, fact.earliest, fact.latest)


def date_span(fact: Fact):
    """The first and last days a date allows, its bounds where it has them."""
    return (fact.earliest or fact.value).earliest(), (fact.latest or fact.value).latest()


_PRECISIONS = ("year", "month", "day")


def date_order(fact: Fact) -> tuple:
    """Where a date sorts: the first day it allows (its earliest bound, where it has one); on
    the same day, a less precise date first (2018, then June 2018, then 1 June 2018)."""
    start = (fact.earliest or fact.value).earliest()
    return (start.year, start.month, start.day, _PRECISIONS.index(fact.value.precision))


# Short references, as Wikipedia's short footnotes give them: who, when and the paragraph. A
# worked-out value carries one sign, explained once where the page lists its sources in full.
INFERRED_SIGN = "*"


def who_text(publication: Fact, authors: Fact, kind: str, title: str) -> tuple[str, bool]:
    """Who a short reference names: the publication, else the document's title, else its authors,
    else what it is ('An unsigned news report'); and whether that name was worked out."""
    if publication.known:
        return str(publication.value), publication.inferred
    if kind == "primary document":
        return title, False
    if authors.known:
        return join_names(authors.value), authors.inferred
    return f"An unsigned {kind}", False


def when_text(fact: Fact) -> tuple[str, bool]:
    """A date as a short reference gives it: its wording without the mark, and whether it is inferred."""
    return value_text(fact, "undated"), fact.inferred


def paragraph_sign(pinpoint) -> str:
    """'¶ 4' or '¶¶ 8–10', as every page shows a paragraph (a pinpoint, or one paragraph's number)."""
    if pinpoint is None:
        return ""
    if isinstance(pinpoint, int):
        return f"\u00b6\u00a0{pinpoint}"
    if pinpoint.first == pinpoint.last:
        return f"\u00b6\u00a0{pinpoint.first}"
    return f"\u00b6\u00b6\u00a0{pinpoint.first}\u2013{pinpoint.last}"
