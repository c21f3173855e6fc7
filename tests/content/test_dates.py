"""Dates with precision, how they read, and how relative phrases resolve."""

import datetime as dt

import pytest
from contenttree import event_text
from explainer.content.dates import DateFormatError, PartialDate, parse_partial_date, read_span, span_wording
from explainer.content.facts import Fact
from explainer.content.phrasing import date_text, fact_text
from explainer.content.relative_dates import UnresolvablePhrase, resolve
from hypothesis import assume, given
from hypothesis import strategies as st

MONDAY_25_JUNE_2018 = dt.date(2018, 6, 25)


@pytest.mark.parametrize(
    ("written", "iso", "text", "precision"),
    [
        ("2018", "2018", "2018", "year"),
        (2018, "2018", "2018", "year"),
        ("2018-06", "2018-06", "June 2018", "month"),
        ("2018-06-21", "2018-06-21", "21 June 2018", "day"),
        ("2016-2-9", "2016-02-09", "9 February 2016", "day"),
    ],
)
def test_dates_keep_their_precision(written, iso, text, precision):
    date = parse_partial_date(written)
    assert (date.iso(), date.text(), date.precision) == (iso, text, precision)


@pytest.mark.parametrize(
    "written", ["2018-00", "2018-06-31", "June 2018", "18-06-21", "2018/06/21", "", "1899"]
)
def test_impossible_or_malformed_dates_are_refused(written):
    with pytest.raises(DateFormatError):
        parse_partial_date(written)


def test_mixed_precisions_sort_year_then_month_then_day():
    dates = [PartialDate(2018, 6, 21), PartialDate(2018), PartialDate(2018, 6), PartialDate(2017, 12)]
    assert [d.iso() for d in sorted(dates, key=PartialDate.sort_key)] == [
        "2017-12",
        "2018",
        "2018-06",
        "2018-06-21",
    ]


@pytest.mark.parametrize(
    ("fact", "shown"),
    [
        (Fact(PartialDate(2018, 6, 25), "stated"), "25 June 2018"),
        (Fact(PartialDate(2018, 6), "stated"), "June 2018"),
        (Fact(PartialDate(2018, 5), "inferred", basis="b"), "May 2018 (inferred)"),
        (Fact(PartialDate(1940), "stated", display="the 1940s"), "the 1940s"),
        (Fact(), "date unknown"),
    ],
)
def test_dates_read_by_precision_and_status(fact, shown):
    assert date_text(fact) == shown


def test_names_and_unknowns_read_naturally():
    assert fact_text(Fact(("Ann", "Bo", "Cy"), "stated")) == "Ann, Bo and Cy"
    assert fact_text(Fact()) == "not known"


@pytest.mark.parametrize(
    ("phrase", "resolved"),
    [
        ("Last Thursday", "2018-06-21"),
        ("On Tuesday", "2018-06-19"),
        ("Thursday", "2018-06-21"),
        ("Monday", "2018-06-18"),  # the article's own weekday means the week before
        ("last month", "2018-05"),
        ("in May", "2018-05"),
        ("in June", "2018-06"),
        ("Last December", "2017-12"),
        ("last June", "2017-06"),
        ("last year", "2017"),
        ("today", "2018-06-25"),
    ],
)
def test_relative_phrases_resolve_against_the_article_date(phrase, resolved):
    date, rule = resolve(phrase, MONDAY_25_JUNE_2018)
    assert date.iso() == resolved
    assert rule


def test_last_month_in_january_is_december_of_the_year_before():
    assert resolve("last month", dt.date(2019, 1, 15))[0].iso() == "2018-12"


def test_unknown_phrases_are_refused():
    with pytest.raises(UnresolvablePhrase):
        resolve("the other week", MONDAY_25_JUNE_2018)


# A date's wording and its data name the same days: the site words a date from its value and
# bounds, and reads any wording a file gives (display:) back into days, to refuse one that
# names other days than the timeline places the entry by.


@st.composite
def bounded_dates(draw):
    """A value (year or month) with both bounds inside it, each at any precision."""
    day = draw(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
    value = PartialDate(day.year, draw(st.sampled_from([None, day.month])))
    first = draw(st.dates(min_value=value.earliest(), max_value=value.latest()))
    last = draw(st.dates(min_value=first, max_value=value.latest()))

    def at_precision(day):
        precision = draw(st.sampled_from(["month", "day"] if not value.month else ["day"]))
        return PartialDate(day.year, day.month, day.day if precision == "day" else None)

    earliest, latest = at_precision(first), at_precision(last)
    assume(latest.latest() >= earliest.earliest())
    return value, earliest, latest


@given(bounded_dates())
def test_the_wording_of_a_date_within_bounds_reads_back_as_its_bounds(bounds):
    value, earliest, latest = bounds
    wording = span_wording(value, earliest, latest)
    first, last, _ = read_span(wording)
    assert (first, last) == (earliest.earliest(), latest.latest()), wording


@pytest.mark.parametrize(
    ("earliest", "latest", "wording"),
    [
        ("2018-06-18", "2018-06-24", "week of 18 June 2018"),  # a Monday to the Sunday after
        ("2018-06-19", "2018-06-25", "between 19 and 25 June 2018"),  # not a week from Monday
        ("2017-09", "2017-12", "late 2017"),
        ("2017-05", "2017-08", "mid-2017"),
        ("2017-01", "2017-04", "early 2017"),
        ("2017-09", "2017-11", "between September and November 2017"),
        ("2018-05", "2018-06-25", "between May and 25 June 2018"),
    ],
)
def test_bounds_that_name_a_span_read_as_its_name(earliest, latest, wording):
    value = PartialDate(int(earliest[:4]))
    fact = Fact(
        value, "inferred", basis="b", earliest=parse_partial_date(earliest), latest=parse_partial_date(latest)
    )
    assert date_text(fact) == f"{wording} (inferred)"


def event_dated(*lines: str) -> str:
    return event_text(date="\n" + "".join(f"  {line}\n" for line in lines).rstrip("\n"))


@pytest.mark.parametrize(
    ("lines", "line", "message"),
    [
        (
            ("value: '2017'", "display: late 2017"),
            5,
            "date: display 'late 2017' names September to December 2017, but the date allows 2017, "
            "and the timeline places it by the date — give those days as earliest: 2017-09 and latest: "
            "2017-12",
        ),
        (
            ("value: 2018-06", "display: the two weeks before 25 June 2018"),
            5,
            "date: display 'the two weeks before 25 June 2018' is not a wording the build can read as "
            "dates — remove display: and give the days the sources allow as earliest: and latest:",
        ),
        (
            ("value: 2018-06", "earliest: 2018-06-18", "latest: 2018-06-24", "display: week of 18 June 2018"),
            7,
            "date: display 'week of 18 June 2018' names the days the date gives, which the site words "
            "'week of 18 June 2018' — remove display:",
        ),
        (
            ("value: 2018-06", "display: July 2018"),
            5,
            "date: display 'July 2018' names July 2018, which the date (June 2018) does not allow",
        ),
        (
            ("value: '1950'", "display: the 1940s"),
            5,
            "date: display 'the 1940s' names 1940 to 1949, which the date (1950) does not allow",
        ),
    ],
)
def test_make_check_refuses_a_display_that_names_other_days_than_the_date(tree, lines, line, message):
    tree.write("events/vague.md", event_dated(*lines))
    tree.error_at("events/vague.md", line, message)


def test_a_decade_is_written_as_its_first_year_and_worded_by_display(tree):
    tree.write("events/vague.md", event_dated("value: '1940'", "display: the 1940s"))
    assert tree.errors() == []
    (event,) = [e for e in tree.model().events if e.slug == "vague"]
    assert date_text(event.date) == "the 1940s"
