"""The timeline's order, over random dates, precisions, bounds and stated orders."""

from __future__ import annotations

import datetime as dt

from explainer.content.dates import PartialDate
from explainer.content.facts import Fact
from explainer.model.timeline import ERAS, Entry, _in_stated_order, eras
from hypothesis import given, settings
from hypothesis import strategies as st


@st.composite
def date_facts(draw):
    """A year, month or day between 2012 and 2020, with an earliest and/or latest bound within it."""
    day = draw(st.dates(min_value=dt.date(2012, 1, 1), max_value=dt.date(2020, 12, 31)))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    value = PartialDate(
        day.year, day.month if precision != "year" else None, day.day if precision == "day" else None
    )
    bounds = {}
    if precision != "day" and draw(st.booleans()):
        first, last = value.earliest(), value.latest()
        a = draw(st.dates(min_value=first, max_value=last))
        b = draw(st.dates(min_value=a, max_value=last))
        if draw(st.booleans()):
            bounds["earliest"] = PartialDate.from_date(a)
        if draw(st.booleans()):
            bounds["latest"] = PartialDate.from_date(b)
    return Fact(value, "inferred", basis="a test", **bounds)


def span(fact):
    return (fact.earliest or fact.value).earliest(), (fact.latest or fact.value).latest()


def entry(index: int, fact) -> Entry:
    return Entry(f"e{index}", f"Entry {index}", fact, "amazon", "Amazon", "event")


@settings(max_examples=200, deadline=None)
@given(st.lists(date_facts(), min_size=1, max_size=12), st.data())
def test_entries_follow_their_first_moment_and_stated_order_and_headings_follow_both(facts, data):
    found = [entry(i, fact) for i, fact in enumerate(facts)]
    ordered = sorted(found, key=lambda e: e.sort_key)
    # Sorted by the first day each date allows: the earliest bound, where there is one.
    starts = [span(e.date)[0] for e in ordered]
    assert starts == sorted(starts)
    # Random stated orders between entries whose dates overlap, each entry in one pair at most:
    # every one of them holds. Chains of stated orders may have to give way to the dates.
    pairs, used = [], set()
    for later in found:
        for earlier in found:
            if later is earlier or {id(later), id(earlier)} & used or not data.draw(st.booleans()):
                continue
            (a0, a1), (b0, b1) = span(later.date), span(earlier.date)
            if a0 <= b1 and b0 <= a1:
                pairs.append((later, earlier))
                used |= {id(later), id(earlier)}
    chained = [(a, b) for a in found for b in found if a is not b and data.draw(st.booleans())]
    for stated, must_hold in ((pairs, True), (pairs + chained, False)):
        result = _in_stated_order(list(ordered), stated)
        assert sorted(map(id, result)) == sorted(map(id, found))
        position = {id(e): i for i, e in enumerate(result)}
        if must_hold:
            assert all(position[id(later)] > position[id(earlier)] for later, earlier in stated)
        # No entry stands after one that its dates put wholly later.
        for i, first in enumerate(result):
            for second in result[i + 1 :]:
                assert not span(second.date)[1] < span(first.date)[0]
    result = _in_stated_order(list(ordered), pairs)
    # Eras and periods keep the entries' order, and follow one another in order.
    sections = eras(result)
    assert [e for era in sections for p in era.periods for e in p.entries] == result
    titles = [title for title, _ in ERAS]
    era_rank = [titles.index(era.title) for era in sections]
    assert era_rank == sorted(set(era_rank))
    keys = []
    for era in sections:
        for period in era.periods:
            first = period.entries[0].date
            start = first.earliest or first.value
            keys.append((start.year, start.month or 0))
    assert keys == sorted(keys)
