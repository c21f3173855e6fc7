"""Provenance values: what the copy states, what the project infers (with its basis), or unknown.

In a content file a field is written as a plain value (stated in the copy), as the word
`unknown`, or as a mapping with `value`, `status` (stated, inferred, unknown), `basis`
(required when inferred), `note` and, for dates, `display` (a vaguer wording such as
"week of 18 June 2018").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .dates import DateFormatError, PartialDate, parse_partial_date
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
