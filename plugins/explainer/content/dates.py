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
