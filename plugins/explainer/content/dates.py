"""Dates with a precision (year, month or day), as TimelineJS models them.

Month names come from this table, not from the locale, so builds are reproducible.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


class DateFormatError(ValueError):
    """A date that cannot be read: what is wrong, and how to write it."""

    def __init__(self, problem: str, fix: str = "write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2018-06-21"):
        super().__init__(f"{problem}; {fix}")
        self.problem, self.fix = problem, fix


@dataclass(frozen=True)
class PartialDate:
    """Order by sort_key(): plain comparison would put None against numbers."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        """'2018', '2018-06' or '2018-06-21': the value for <time datetime>."""
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def text(self) -> str:
        """'21 June 2018', 'June 2018' or '2018'."""
        if self.day:
            return f"{self.day} {MONTHS[self.month - 1]} {self.year}"
        if self.month:
            return f"{MONTHS[self.month - 1]} {self.year}"
        return str(self.year)

    def as_date(self) -> dt.date:
        if not self.day:
            raise ValueError("only a date known to the day is a calendar date")
        return dt.date(self.year, self.month, self.day)

    def earliest(self) -> dt.date:
        """The first day the date allows: 2018-06 -> 1 June 2018."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last day the date allows: 2018-06 -> 30 June 2018."""
        if self.day:
            return self.as_date()
        if self.month:
            following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(self.year, 12, 31)

    def sort_key(self) -> tuple[int, int, int]:
        # Less precise dates sort before more precise ones within their span.
        return (self.year, self.month or 0, self.day or 0)

    @classmethod
    def from_date(cls, date: dt.date) -> PartialDate:
        return cls(date.year, date.month, date.day)


def parse_partial_date(value) -> PartialDate:
    text = str(value).strip()
    match = _ISO.fullmatch(text)
    if not match:
        raise DateFormatError(f"'{text}' is not a date")
    year, month, day = (int(g) if g else None for g in match.groups())
    if month is not None and not 1 <= month <= 12:
        raise DateFormatError(f"'{text}' has no month {month}", "months run from 01 to 12")
    if day is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            raise DateFormatError(
                f"'{text}' is not a day of the calendar",
                f"{MONTHS[month - 1]} {year} has no day {day}; check the day and month",
            ) from None
    if year < 1900:
        raise DateFormatError(f"'{text}' is before 1900", "check the year")
    return PartialDate(year, month, day)


# Spans with a name of their own. "Early", "mid" and "late" divide a year into thirds: the
# project reads a source's "late last year" as September to December.
THIRDS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}


def named_span(first: PartialDate, last: PartialDate) -> str | None:
    """'week of 18 June 2018' (a Monday to the Sunday after), 'late 2017' (September to December
    of one year), or None for a span without a name."""
    if first.day and last.day:
        start = first.as_date()
        if start.weekday() == 0 and last.as_date() - start == dt.timedelta(days=6):
            return f"week of {first.text()}"
        return None
    if first.month and last.month and not (first.day or last.day) and first.year == last.year:
        for word, months in THIRDS.items():
            if (first.month, last.month) == months:
                return f"mid-{first.year}" if word == "mid" else f"{word} {first.year}"
    return None


def span_wording(
    value: PartialDate, earliest: PartialDate | None = None, latest: PartialDate | None = None
) -> str:
    """How the site words a date, from its value and bounds: '21 June 2018', 'week of 18 June
    2018', 'late 2017', 'between May and 25 June 2018', 'on or after 3 May 2018', 'by 2 June 2018'."""
    if earliest and latest:
        return named_span(earliest, latest) or f"between {_shortened(earliest, latest)} and {latest.text()}"
    if earliest:
        return f"on or after {earliest.text()}"
    if latest:
        return f"by {latest.text()}"
    return value.text()


def _shortened(first: PartialDate, last: PartialDate) -> str:
    """The first date without the year (and month) it shares with the last: 'May' in 'May–June 2018'."""
    if first.year != last.year:
        return first.text()
    if first.day:
        return f"{first.day} {MONTHS[first.month - 1]}" if first.month != last.month else str(first.day)
    return MONTHS[first.month - 1] if first.month else first.text()


_MONTH = "|".join(MONTHS)
# '21 June 2018', 'June 2018', '2018'; the first date of a 'between' may leave out what it shares
# with the last ('11', '11 May', 'May').
_DATE = re.compile(rf"(?:(?P<day>\d{{1,2}})\s?)?(?P<month>{_MONTH})?\s?(?P<year>\d{{4}})?", re.IGNORECASE)
_DECADE = re.compile(r"(?:the )?(?P<year>\d{3}0)s", re.IGNORECASE)
_THIRD = re.compile(r"(?P<word>early|mid|late)[- ](?P<year>\d{4})", re.IGNORECASE)
_WEEK = re.compile(r"(?:the )?week of (?P<rest>.+)", re.IGNORECASE)
_BETWEEN = re.compile(r"between (?P<first>.+?) and (?P<last>.+)", re.IGNORECASE)


def read_span(text: str) -> tuple[dt.date, dt.date, str] | None:
    """The first and last days a wording names, and its form ('date', 'decade', 'third', 'week',
    'between'); None for a wording this cannot read. The inverse of how the site words a date:
    '21 June 2018', 'June 2018', '2018', 'the 1940s', 'late 2017', 'week of 18 June 2018',
    'between May and 25 June 2018'."""
    text = " ".join(str(text).split())
    if match := _DECADE.fullmatch(text):
        year = int(match["year"])
        return dt.date(year, 1, 1), dt.date(year + 9, 12, 31), "decade"
    if match := _THIRD.fullmatch(text):
        first, last = THIRDS[match["word"].lower()]
        year = int(match["year"])
        return PartialDate(year, first).earliest(), PartialDate(year, last).latest(), "third"
    if match := _WEEK.fullmatch(text):
        day = _read_date(match["rest"])
        if day is None or not day.day:
            return None
        return day.as_date(), day.as_date() + dt.timedelta(days=6), "week"
    if match := _BETWEEN.fullmatch(text):
        last = _read_date(match["last"])
        first = _read_date(match["first"], last) if last else None
        if first is None or last is None or last.latest() < first.earliest():
            return None
        return first.earliest(), last.latest(), "between"
    date = _read_date(text)
    return (date.earliest(), date.latest(), "date") if date else None


def _read_date(text: str, after: PartialDate | None = None) -> PartialDate | None:
    """'21 June 2018', 'June 2018' or '2018'; with `after`, the first date of a 'between', which
    leaves out the year and month it shares with the last ('11', '11 May', 'May')."""
    match = _DATE.fullmatch(text.strip())
    if not match or not any(match.groupdict().values()):
        return None
    day, month, year = match["day"], match["month"], match["year"]
    if not year:
        if after is None:
            return None
        year = after.year
        if day and not month and after.month:
            month = MONTHS[after.month - 1]
    if day and not month:
        return None
    month_number = [m.lower() for m in MONTHS].index(month.lower()) + 1 if month else None
    try:
        return parse_partial_date(
            f"{int(year):04d}"
            + (f"-{month_number}" if month_number else "")
            + (f"-{int(day)}" if day else "")
        )
    except DateFormatError:
        return None
