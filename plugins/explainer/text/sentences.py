"""Where sentences end: at . ! or ?, but not after an abbreviation such as "Mr." or "U.S."."""

from __future__ import annotations

import re

_ABBREVIATION = re.compile(
    r"(?:\b(?:mr|mrs|ms|dr|st|jr|sr|inc|co|corp|ltd|vs|etc|no|nos|fig|approx|ca|cf|gen|gov|sen|rep)"
    r"|\b[A-Za-z]|\b[A-Z](?:\.[A-Z])+|\be\.g|\bi\.e)$",
    re.IGNORECASE,
)


def ends_an_abbreviation(text_before_full_stop: str) -> bool:
    """True if a full stop right after this text belongs to an abbreviation, not a sentence end."""
    return bool(_ABBREVIATION.search(text_before_full_stop))
