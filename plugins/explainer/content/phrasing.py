"""How a provenance value reads, in one wording for pages, note previews and every export.

A stated value reads as itself; one the project worked out carries one mark, "(inferred)"; a
date known only within bounds reads "between May and 25 June 2018" unless the file gives a
vaguer wording of its own (display:).
"""

from __future__ import annotations

from .dates import MONTHS, PartialDate
from .facts import Fact

INFERRED_MARK = "(inferred)"


def join_names(names) -> str:
    names = [str(name) for name in names]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def fact_text(fact: Fact, unknown: str = "not known") -> str:
    """The value as a reader sees it: 'June 2018 (inferred)', 'not known'…"""
    if not fact.known:
        return unknown
    value = fact.display or bounds_text(fact) or fact.value
    if hasattr(value, "text"):
        value = value.text()
    elif isinstance(value, tuple):
        value = join_names(value)
    return f"{value} {INFERRED_MARK}" if fact.inferred else str(value)


def rights_text(fact: Fact) -> str:
    """A source's rights in one line for exports: the licence, or 'rights not known', and the note."""
    text = fact_text(fact, "rights not known")
    return f"{text}: {fact.note}" if fact.note else text


def date_text(fact: Fact) -> str:
    return fact_text(fact, "date unknown")


def bounds_text(fact: Fact) -> str | None:
    """'between May and 25 June 2018', 'after 3 May 2018', or None for a date without bounds."""
    earliest, latest = fact.earliest, fact.latest
    if earliest and latest:
        return f"between {_shortened(earliest, latest)} and {latest.text()}"
    if earliest:
        return f"on or after {earliest.text()}"
    if latest:
        return f"by {latest.text()}"
    return None


def _shortened(first: PartialDate, last: PartialDate) -> str:
    """The first date without the year (and month) it shares with the last: 'May' in 'May–June 2018'."""
    if first.year != last.year:
        return first.text()
    if first.day:
        return f"{first.day} {MONTHS[first.month - 1]}" if first.month != last.month else str(first.day)
    return MONTHS[first.month - 1] if first.month else first.text()


_PRECISIONS = ("year", "month", "day")


def date_order(fact: Fact) -> tuple:
    """Where a date sorts: the first day it allows (its earliest bound, where it has one); on
    the same day, a less precise date first (2018, then June 2018, then 1 June 2018)."""
    start = (fact.earliest or fact.value).earliest()
    return (start.year, start.month, start.day, _PRECISIONS.index(fact.value.precision))
