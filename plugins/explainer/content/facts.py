"""Provenance values: what the copy states, what the project infers (with its basis), or unknown.

In a content file a field is written as a plain value (stated in the copy), as the word
`unknown`, or as a mapping with `value`, `status` (stated, inferred, unknown), `basis`
(required when inferred), `note` and, for dates, `earliest` and `latest` (bounds) and `display`
(a wording of its own, checked against the days the date allows: only a decade needs one).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .dates import DateFormatError, PartialDate, parse_partial_date, read_span, span_wording
from .urls import as_browser_reads, split

STATUSES = ("stated", "inferred", "unknown")
UNKNOWN = "unknown"
FACT_KEYS = {"value", "status", "basis", "note", "display"}
# A date known only within bounds ("between May and 25 June 2018") states them, so that the
# timeline can order it and exports can start it at its earliest moment.
BOUND_KEYS = ("earliest", "latest")
# A date worked out from another item's date ("Wednesday" of the week an undated article was
# written) names it, so the build works it out again from that date on every run.
RESTS_ON = "rests_on"


class FieldError(ValueError):
    """A field's value is wrong; args are (problem, fix, key path below the field)."""

    def __init__(self, problem: str, fix: str, subkey: tuple = ()):
        super().__init__(problem, fix, subkey)
        self.problem, self.fix, self.subkey = problem, fix, subkey


@dataclass(frozen=True)
class Fact:
    value: Any = None
    status: str = UNKNOWN
    basis: str | None = None
    note: str | None = None
    display: str | None = None
    earliest: PartialDate | None = None  # dates only: the first and last dates the value allows
    latest: PartialDate | None = None
    rests_on: tuple[str, str, str] | None = None  # dates only: ("event" or "source", slug, phrase)

    @property
    def known(self) -> bool:
        return self.status != UNKNOWN

    @property
    def inferred(self) -> bool:
        return self.status == "inferred"


def parse_fact(raw, parse_value: Callable[[Any], Any]) -> Fact:
    if isinstance(raw, str) and raw.strip().lower() == UNKNOWN:
        return Fact()
    if not isinstance(raw, dict):
        return Fact(_parse_value(raw, parse_value), "stated")
    allowed = FACT_KEYS | ({*BOUND_KEYS, RESTS_ON} if parse_value is date_value else set())
    extra = sorted(set(raw) - allowed)
    if extra:
        raise FieldError(
            f"'{extra[0]}' is not part of a provenance value",
            f"use only {', '.join(sorted(allowed))}",
            (extra[0],),
        )
    status = raw.get("status", "stated" if "value" in raw else UNKNOWN)
    if status not in STATUSES:
        raise FieldError(
            f"status '{status}' is not known",
            f"write one of: {', '.join(STATUSES)}",
            ("status",),
        )
    texts = {k: raw.get(k) for k in ("basis", "note", "display")}
    for key, text in texts.items():
        if text is not None and not (isinstance(text, str) and text.strip()):
            raise FieldError(f"'{key}' must be a sentence of text", f"write the {key} as text", (key,))
    if status == UNKNOWN:
        if raw.get("value") not in (None, UNKNOWN):
            raise FieldError(
                "a value is given but the status says unknown",
                "remove the value, or set status to stated or inferred",
                ("value",),
            )
        return Fact(None, UNKNOWN, note=texts["note"])
    if "value" not in raw:
        raise FieldError(
            f"the status is {status} but no value is given",
            "add 'value:', or write the whole field as 'unknown'",
        )
    if status == "inferred" and not texts["basis"]:
        raise FieldError(
            "an inferred value has no basis",
            "add 'basis:' saying what in the copies the inference rests on",
        )
    value = _parse_value(raw["value"], parse_value, ("value",))
    bounds = {key: _parse_value(raw[key], date_value, (key,)) for key in BOUND_KEYS if key in raw}
    _check_bounds(value, bounds)
    if texts["display"] is not None and parse_value is date_value:
        _check_display(" ".join(texts["display"].split()), value, bounds)
    rests_on = _rests_on(raw[RESTS_ON]) if RESTS_ON in raw else None
    if rests_on and status != "inferred":
        raise FieldError(
            "a date that rests on another is inferred", "add 'status: inferred' and its 'basis:'", (RESTS_ON,)
        )
    return Fact(value, status, texts["basis"], texts["note"], texts["display"], rests_on=rests_on, **bounds)


def _rests_on(raw) -> tuple[str, str, str]:
    """{event: slug, phrase: …} or {source: slug, phrase: …}: the date it is worked out from, and how."""
    kinds = [kind for kind in ("event", "source") if isinstance(raw, dict) and kind in raw]
    if len(kinds) != 1 or set(raw) != {kinds[0], "phrase"}:
        raise FieldError(
            "'rests_on' names one event or source and the phrase the date is worked out with",
            "write 'rests_on: {source: wsws-2018-06-25, phrase: Last Thursday}'",
            (RESTS_ON,),
        )
    kind = kinds[0]
    return kind, text_value(raw[kind]), text_value(raw["phrase"])


def _check_bounds(value, bounds: dict) -> None:
    earliest, latest = bounds.get("earliest"), bounds.get("latest")
    if earliest and latest and latest.latest() < earliest.earliest():
        raise FieldError(
            f"'latest' ({latest.iso()}) is before 'earliest' ({earliest.iso()})", "swap them", ("latest",)
        )
    for key, bound in bounds.items():
        if not (value.earliest() <= bound.earliest() and bound.latest() <= value.latest()):
            raise FieldError(
                f"'{key}' ({bound.iso()}) lies outside the value {value.iso()}",
                "give a value that spans both bounds (the year, say), or correct the bound",
                (key,),
            )


def _check_display(display: str, value: PartialDate, bounds: dict) -> None:
    """A date's own wording must name the days its value and bounds allow, and say what the
    site's wording cannot: the timeline places an entry by its data, so a wording that names
    other days (or fewer) would stand in the wrong place. The site cannot say a decade, so a
    decade ('the 1940s') is written as its first year, with the decade as display."""
    earliest, latest = bounds.get("earliest"), bounds.get("latest")
    first, last = (earliest or value).earliest(), (latest or value).latest()
    site_says = span_wording(value, earliest, latest)
    read = read_span(display)
    if read is None:
        raise FieldError(
            f"display '{display}' is not a wording the build can read as dates",
            "remove display: and give the days the sources allow as earliest: and latest: (YYYY, "
            "YYYY-MM or YYYY-MM-DD); the site then words the date itself, as 'between 11 and 25 June "
            "2018', 'week of 18 June 2018' or 'late 2017'",
            ("display",),
        )
    start, end, form = read
    if form == "decade" and not bounds and value.precision == "year" and value.year == start.year:
        return
    if (start, end) == (first, last):
        raise FieldError(
            f"display '{display}' names the days the date gives, which the site words '{site_says}'",
            "remove display:, so that every page and export words the date one way",
            ("display",),
        )
    named, allowed = _days(start, end), _days(first, last)
    if first <= start and end <= last:
        raise FieldError(
            f"display '{display}' names {named}, but the date allows {allowed}, and the timeline places "
            "it by the date",
            f"give those days as earliest: {_bound_iso(start, True)} and latest: {_bound_iso(end, False)} "
            "(and say why in basis:), then remove display:",
            ("display",),
        )
    raise FieldError(
        f"display '{display}' names {named}, which the date ({allowed}) does not allow",
        "correct the value and its bounds, or the display",
        ("display",),
    )


def _days(first, last) -> str:
    """'21 June 2018', '11 to 25 June 2018' style, as plainly as whole months and years allow:
    '2017', 'September to December 2017', '1940 to 1949'."""
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        from_, to = PartialDate(first.year), PartialDate(last.year)
    elif first.day == 1 and _bound_iso(last, False) != last.isoformat():
        from_, to = PartialDate(first.year, first.month), PartialDate(last.year, last.month)
    else:
        from_, to = PartialDate.from_date(first), PartialDate.from_date(last)
    if from_ == to:
        return from_.text()
    same_year = from_.year == to.year and from_.month
    return f"{from_.text().removesuffix(f' {from_.year}') if same_year else from_.text()} to {to.text()}"


def _bound_iso(day, is_start: bool) -> str:
    """A bound at the precision it needs: 2017-09 for 1 September, 2017-12 for 31 December."""
    as_month = PartialDate(day.year, day.month)
    if day == (as_month.earliest() if is_start else as_month.latest()):
        return as_month.iso()
    return day.isoformat()


def _parse_value(raw, parse_value, subkey=()):
    try:
        return parse_value(raw)
    except FieldError as exc:
        raise FieldError(exc.problem, exc.fix, subkey + exc.subkey) from None


# Value parsers: each returns the clean value or raises FieldError.


def text_value(raw) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise FieldError("this field must be a line of text", "write the text after the colon")
    return raw.strip()


def date_value(raw) -> PartialDate:
    try:
        return parse_partial_date(raw)
    except DateFormatError as exc:
        raise FieldError(exc.problem, exc.fix) from None


ALLOWED_URL_SCHEMES = ("http", "https")


def url_value(raw) -> str:
    text = text_value(raw)
    parts = split(as_browser_reads(text))
    if (
        parts is None
        or parts.scheme not in ALLOWED_URL_SCHEMES
        or not parts.netloc
        or text != text.strip()
        or " " in text
    ):
        raise FieldError(
            f"'{text}' is not a web address",
            "give the full address starting with https:// (or write 'unknown')",
        )
    return as_browser_reads(text)
