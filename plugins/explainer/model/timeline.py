"""The timeline: events and the dates the sources were published, in order, grouped for reading.

Entries sort by their date at its own precision (a year-only date comes before the months of
that year, a month before its days), then events before reports, then by title.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby

from ..content.dates import MONTHS, PartialDate
from ..content.facts import Fact
from ..content.phrasing import date_order

REPORT_GROUP = "report"
REPORT_LABEL = "Reported"
# Eras divide the page; each starts on a date (the first has none).
ERAS = (
    ("Before the letter", None),
    ("The week of the letter", PartialDate(2018, 6, 18)),
    ("The reports that followed", PartialDate(2018, 6, 25)),
)


@dataclass
class Entry:
    anchor: str
    title: str
    date: Fact
    group: str
    group_label: str
    kind: str  # "event" or "report"
    event: object = None  # model.Event, for events
    source: object = None  # model.Source, for reports
    entity_slugs: list[str] = field(default_factory=list)
    conflicts: list = field(default_factory=list)  # orders the dates contradict, each with its claim

    @property
    def sort_key(self):
        return (date_order(self.date), self.kind != "event", self.title.casefold(), self.anchor)


def _report_entry(source) -> Entry:
    publication = source.publication.value if source.publication.known else "an unnamed publication"
    return Entry(
        anchor=f"report-{source.slug}",
        title=f"Reported by {publication}: {source.display_title}",
        date=source.date,
        group=REPORT_GROUP,
        group_label=REPORT_LABEL,
        kind="report",
        source=source,
    )


def entries(model) -> list[Entry]:
    """Every event, and every published report with a known date, in order."""
    found = [
        Entry(
            e.anchor, e.title, e.date, e.group, e.group_label, "event", event=e, entity_slugs=e.entity_slugs
        )
        for e in model.events
    ]
    found += [_report_entry(s) for s in model.sources if s.date.known and s.kind != "primary document"]
    return sorted(found, key=lambda entry: entry.sort_key)


def period_label(date: PartialDate, entries_in_period: list[Entry]) -> str:
    """'June 2018' or '2018'; a shared vaguer wording ('the 1940s') where the dates have one."""
    displays = {entry.date.display for entry in entries_in_period}
    if len(displays) == 1 and None not in displays and not date.month:
        shared = displays.pop()
        return shared[0].upper() + shared[1:]
    return f"{MONTHS[date.month - 1]} {date.year}" if date.month else str(date.year)


@dataclass
class Period:
    label: str
    entries: list[Entry]


@dataclass
class Era:
    title: str
    periods: list[Period]


def eras(ordered: list[Entry]) -> list[Era]:
    """Split ordered entries into eras, and each era into year or month periods."""

    def era_of(entry):
        key = date_order(entry.date)[:3]
        return max(i for i, (_, start) in enumerate(ERAS) if start is None or key >= _day(start))

    result = []
    for index, in_era in groupby(ordered, key=era_of):
        by_period = groupby(in_era, key=lambda e: (e.date.value.year, e.date.value.month))
        periods = []
        for key, group in by_period:
            in_period = list(group)
            periods.append(Period(period_label(PartialDate(*key), in_period), in_period))
        result.append(Era(ERAS[index][0], periods))
    return result


def _day(date: PartialDate) -> tuple[int, int, int]:
    first = date.earliest()
    return (first.year, first.month, first.day)
