"""How model values read on a page: Jinja filters shared by every template.

The wording itself lives in content/phrasing.py, so that exports and previews use the same.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..content.fields import ENTITY_TYPE_PLURALS
from ..content.phrasing import (
    INFERRED_SIGN,
    capitalised,
    date_text,
    fact_text,
    paragraph_sign,
    value_text,
    who_text,
)

# One sign after each value the project worked out; the list of sources says once what it means.
SIGN = Markup('<abbr class="inferred-sign" title="inferred: worked out by this project">{}</abbr>').format(
    INFERRED_SIGN
)


def plural_kind(kind: str) -> str:
    return ENTITY_TYPE_PLURALS.get(kind, kind)


def signed(text: str, inferred: bool) -> Markup:
    """Text, with the sign after it when the project worked it out."""
    return escape(text) + (SIGN if inferred else "")


def marked(fact, unknown: str = "not known", sentence: bool = False) -> Markup:
    """A provenance value as lists of sources give it: 'Anti-Media*', 'Publication not known'.
    A date that starts a sentence starts with a capital ('Week of 18 June 2018*'); names keep
    the case their source gives them ('iTWire')."""
    text = value_text(fact, unknown)
    return signed(capitalised(text) if sentence else text, fact.inferred)


def source_name(source) -> Markup:
    """A source named in a comparison: 'ZDNet*', 'An unsigned news report', as its notes name it."""
    return signed(*who_text(source.publication, source.authors, source.kind, source.display_title))


FILTERS = {
    "capitalised": capitalised,  # Jinja's capitalize lowers the rest: "Has “u.s.” for “us”"
    "source_name": source_name,
    "fact_text": fact_text,
    "date_text": date_text,
    "plural_kind": plural_kind,
    "marked": marked,
    "sign": lambda _: SIGN,
    "paragraph_sign": paragraph_sign,
}
