"""Dates with precision, how they read, and how relative phrases resolve."""

import datetime as dt

import pytest
from explainer.content.dates import DateFormatError, PartialDate, parse_partial_date
from explainer.content.facts import Fact
from explainer.content.phrasing import date_text, fact_text
from explainer.content.relative_dates import UnresolvablePhrase, resolve

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
        (
            Fact(PartialDate(2018, 6), "inferred", basis="b", display="week of 18 June 2018"),
            "week of 18 June 2018 (inferred)",
        ),
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
