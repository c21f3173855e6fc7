"""How model values read on a page: Jinja filters shared by every template."""

from __future__ import annotations

from ..content.facts import Fact
from ..content.fields import ENTITY_TYPE_PLURALS


def fact_text(fact: Fact, unknown: str = "not known") -> str:
    """The value as a reader sees it: 'June 2018 (inferred)', 'not known'…"""
    if not fact.known:
        return unknown
    value = fact.display or fact.value
    if hasattr(value, "text"):
        value = value.text()
    elif isinstance(value, tuple):
        value = join_names(value)
    return f"{value} (inferred)" if fact.inferred else str(value)


def join_names(names) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def date_text(fact: Fact) -> str:
    return fact_text(fact, "date unknown")


def plural_kind(kind: str) -> str:
    return ENTITY_TYPE_PLURALS.get(kind, kind)


FILTERS = {"fact_text": fact_text, "date_text": date_text, "plural_kind": plural_kind}
