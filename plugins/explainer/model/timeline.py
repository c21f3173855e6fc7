"""The timeline: events and the dates the sources were published, in order, grouped for reading.

Entries sort by the first day their date allows (a year-only date comes before the months of
that year, a month before its days), then events before reports, then by title. Where two
dates overlap, the order the content states decides: an event after what it `follows`, a
report after each event it reports. Where the dates say the opposite of a stated order, a
claim explains it, and both entries say so. Section headings follow the same order.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from ..content.dates import MONTHS, PartialDate
from ..content.facts import Fact
from ..content.phrasing import capitalised, date_order, date_span, fact_text, value_text

REPORT_GROUP = "report"
REPORT_LABEL = "Reported"
# Eras divide the page; each starts on a date (the first has none).
ERAS = (
    ("Before the letter", None),
    ("The week of the letter", PartialDate(2018, 6, 18)),
    ("The reports that followed", PartialDate(2018, 6, 25)),
)


@dataclass
class Conflict:
    """A stated order the sources' dates contradict, in words, with the claim that shows why."""

    sentence: str
    claim: object  # model.Claim


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
    conflicts: list[Conflict] = field(default_factory=list)  # stated orders the dates contradict

    @property
    def sort_key(self):
        return (date_order(self.date), self.kind != "event", self.title.casefold(), self.anchor)


def _report_entry(source) -> Entry:
    """'Reported by ZDNet (inferred): …': a publication the project worked out keeps its mark,
    and a title the project wrote its brackets, as on the source's page."""
    publication = fact_text(source.publication, "an unnamed publication")
    return Entry(
        anchor=f"report-{source.slug}",
        title=f"Reported by {publication}: {source.heading}",
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
    ordered = sorted(found, key=lambda entry: entry.sort_key)
    pairs, contradicted = _stated_order(ordered)
    placed = _in_stated_order(ordered, pairs)
    _tell_contradictions(placed, contradicted)
    return placed


def _stated_order(ordered: list[Entry]):
    """(later, earlier) pairs the content states, and (later, earlier, claim) for each pair the
    dates contradict, which a claim explains."""
    by_anchor = {entry.anchor: entry for entry in ordered}
    pairs, contradicted = [], []
    for later in ordered:
        if later.event:
            for event, claim in later.event.after:
                earlier = by_anchor[event.anchor]
                if claim is None:
                    pairs.append((later, earlier))
                else:
                    contradicted.append((later, earlier, claim))
        elif later.source:
            pairs += [(later, by_anchor[e.anchor]) for e in later.source.events if not e.expected]
    return pairs, contradicted


def _tell_contradictions(placed: list[Entry], contradicted) -> None:
    """Both entries of a stated order the dates contradict say so, and where the timeline puts
    the later one: the dates decide, so it may stand before what it came after."""
    position = {id(entry): index for index, entry in enumerate(placed)}
    for later, earlier, claim in contradicted:
        before = position[id(later)] < position[id(earlier)]
        told = f"This came after “{earlier.title}”, though the sources date it earlier"
        later.conflicts.append(
            Conflict(told + (", so it stands before that entry." if before else "."), claim)
        )
        told = f"“{later.title}” came after this, though the sources date it earlier"
        earlier.conflicts.append(
            Conflict(told + (", so it stands before this entry." if before else "."), claim)
        )


def _overlap(a: Entry, b: Entry) -> bool:
    (a_first, a_last), (b_first, b_last) = date_span(a.date), date_span(b.date)
    return a_first <= b_last and b_first <= a_last


def _in_stated_order(ordered: list[Entry], pairs) -> list[Entry]:
    """The entries in date order, each after what it is stated to follow where their dates overlap.

    One pass in date order: an entry whose predecessor has not yet come waits, and goes as soon
    as it has come, or as soon as the next entry would start after its own dates end (the dates
    win over a chain of stated orders that would break them)."""
    before: dict[int, set[int]] = {}
    for later, earlier in pairs:
        if _overlap(later, earlier):
            before.setdefault(id(later), set()).add(id(earlier))
    if not before:
        return ordered
    rank = {id(entry): index for index, entry in enumerate(ordered)}
    queue, waiting, placed, result = deque(ordered), [], set(), []
    while queue or waiting:
        upcoming = queue[0] if queue else None
        due = [
            entry
            for entry in waiting
            if before[id(entry)] <= placed
            or (upcoming is not None and date_span(entry.date)[1] < date_span(upcoming.date)[0])
        ]
        if due or upcoming is None:
            chosen = min(due or waiting, key=lambda entry: rank[id(entry)])  # none due: a cycle
            waiting.remove(chosen)
        else:
            chosen = queue.popleft()
            if not before.get(id(chosen), set()) <= placed:
                waiting.append(chosen)
                continue
        result.append(chosen)
        placed.add(id(chosen))
    return result


def period_label(date: PartialDate, entries_in_period: list[Entry]) -> str:
    """'June 2018' or '2018'; the wording every date of the period shares, where it is not a
    plain date ('the 1940s', 'late 2016')."""
    wordings = {value_text(entry.date) for entry in entries_in_period}
    plain = {entry.date.value.text() for entry in entries_in_period}
    if len(wordings) == 1 and not wordings & plain:
        return capitalised(wordings.pop())
    return f"{MONTHS[date.month - 1]} {date.year}" if date.month else str(date.year)


@dataclass
class Period:
    label: str
    entries: list[Entry]


@dataclass
class Era:
    title: str
    periods: list[Period]
    anchor: str = ""  # its heading's id on the page: era-1, era-2…


def eras(ordered: list[Entry]) -> list[Era]:
    """Split ordered entries into eras, and each era into year or month periods, each headed by
    where its first entry starts; an entry the stated order moved stays in the section it is in,
    and a year's date known within bounds stays under its year where the year has a heading."""
    era_index, period_key, result = 0, None, []
    for entry in ordered:
        start = entry.date.earliest or entry.date.value
        era_index = max(era_index, _era_of(entry))
        key = (start.year, start.month)
        if period_key == (start.year, None) and not entry.date.value.month:
            key = period_key  # a year's date within bounds ('late 2017') stays under that year
        if period_key is not None and (key[0], key[1] or 0) < (period_key[0], period_key[1] or 0):
            key = period_key  # moved by the stated order: it joins the period it stands in
        if not result or result[-1][0] != era_index:
            result.append((era_index, []))
        periods = result[-1][1]
        if not periods or periods[-1][0] != key:
            periods.append((key, []))
        periods[-1][1].append(entry)
        period_key = key
    return [
        Era(
            ERAS[index][0],
            [Period(period_label(PartialDate(*key), found), found) for key, found in periods],
            f"era-{number}",
        )
        for number, (index, periods) in enumerate(result, 1)
    ]


def _era_of(entry: Entry) -> int:
    key = date_order(entry.date)[:3]
    return max(i for i, (_, start) in enumerate(ERAS) if start is None or key >= _day(start))


def _day(date: PartialDate) -> tuple[int, int, int]:
    first = date.earliest()
    return (first.year, first.month, first.day)
