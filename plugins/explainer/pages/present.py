"""How model values read on a page: Jinja filters shared by every template.

The wording itself lives in content/phrasing.py, so that exports and previews use the same.
"""

from __future__ import annotations

from ..content.fields import ENTITY_TYPE_PLURALS
from ..content.phrasing import date_text, fact_text


def plural_kind(kind: str) -> str:
    return ENTITY_TYPE_PLURALS.get(kind, kind)


FILTERS = {"fact_text": fact_text, "date_text": date_text, "plural_kind": plural_kind}
