"""URLs as a browser will read them, so checks cannot be fooled by encoding."""

from __future__ import annotations

import html
import re
from urllib.parse import SplitResult, urlsplit

# The URL standard strips leading and trailing C0 controls and spaces and drops tabs and
# newlines anywhere, so "java\tscript:" is "javascript:" to a browser.
_EDGE = re.compile(r"^[\x00-\x20]+|[\x00-\x20]+$")
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")


def as_browser_reads(raw: str) -> str:
    """Decode character references (&#106; &colon; …) and drop what a browser ignores."""
    return _TAB_OR_NEWLINE.sub("", _EDGE.sub("", html.unescape(raw)))


def split(url: str) -> SplitResult | None:
    """urlsplit, or None for an address it cannot read (such as 'http://[bad')."""
    try:
        return urlsplit(url)
    except ValueError:
        return None
