"""Resolve a relative date phrase ("last Thursday", "last month") against an article's date."""

from __future__ import annotations

import datetime as dt
import re

from .dates import MONTHS, WEEKDAYS, PartialDate

_WEEKDAY = re.compile(r"(?:last |on |published )?(" + "|".join(WEEKDAYS) + r")", re.I)
_MONTH = re.compile(r"(last |in )?(" + "|".join(MONTHS) + r")", re.I)


class UnresolvablePhrase(ValueError):
    """The phrase is not one this module knows how to resolve."""


KNOWN_FORMS = "today, last month, last year, (last/on) <weekday>, (last/in) <month>"


def resolve(phrase: str, article_date: dt.date) -> tuple[PartialDate, str]:
    """Return the date the phrase points to and the rule applied, in words."""
    text = phrase.strip().lower()
    weekday = _WEEKDAY.fullmatch(text)
    if weekday:
        target = [d.lower() for d in WEEKDAYS].index(weekday.group(1).lower())
        back = (article_date.weekday() - target) % 7 or 7
        day = article_date - dt.timedelta(days=back)
        return PartialDate.from_date(day), f"the {WEEKDAYS[target]} before"
    month = _MONTH.fullmatch(text)
    if month:
        target = [m.lower() for m in MONTHS].index(month.group(2).lower()) + 1
        strictly_before = (month.group(1) or "").strip() == "last"
        year = article_date.year
        if target > article_date.month or (strictly_before and target == article_date.month):
            year -= 1
        rule = f"the {'last' if strictly_before else 'most recent'} {MONTHS[target - 1]}"
        return PartialDate(year, target), f"{rule} up to"
    if text in ("last month", "a month ago"):
        first = article_date.replace(day=1) - dt.timedelta(days=1)
        return PartialDate(first.year, first.month), "the month before"
    if text == "last year":
        return PartialDate(article_date.year - 1), "the year before"
    if text == "today":
        return PartialDate.from_date(article_date), "the same day as"
    raise UnresolvablePhrase(phrase)


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The Monday and Sunday of the week a day falls in."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def resolve_within(phrase: str, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """The days a phrase points to, said of a date known from `first` to `last`: 'this week' of a
    day, a weekday ('Wednesday') within a week, or any phrase resolve() knows, of a day."""
    text = phrase.strip().lower()
    if text == "this week" and first == last:
        return week_of(first)
    weekday = _WEEKDAY.fullmatch(text)
    if weekday and not weekday.group(0).startswith(("last", "on", "published")) and (last - first).days == 6:
        target = [d.lower() for d in WEEKDAYS].index(weekday.group(1).lower())
        day = first + dt.timedelta(days=(target - first.weekday()) % 7)
        return day, day
    if first != last:
        raise UnresolvablePhrase(phrase)
    resolved, _ = resolve(phrase, first)
    return resolved.earliest(), resolved.latest()
