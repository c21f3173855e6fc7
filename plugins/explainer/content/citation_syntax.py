"""How a citation is written: Pandoc's [@key], [@key, para. 4], [@a; @b, paras. 2-3].

markup/citations.py turns each into markers and notes; content/nesting.py reads past them when it
measures how deeply a text nests brackets; plain-text exports leave them out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .phrasing import paragraph_sign

_ITEM = re.compile(r"-?@(?P<key>[^\s,;]*)(?:\s*,\s*(?P<locator>.*))?", re.S)
_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_LOCATOR = re.compile(r"(?:paras?\.?|\u00b6)\s*(?P<first>\d+)(?:\s*[-\u2013]\s*(?P<last>\d+))?")
# Paragraph numbers beyond this are mistakes (the longest source has about 60 paragraphs).
MAX_PINPOINT_DIGITS = 5


def bracket_pattern(also_not: str = "") -> str:
    """A citation's bracket, as a regular expression: '[', '@' after spaces (and a '-' that
    suppresses the author), then anything but brackets (and the characters `also_not`) up to ']'."""
    return r"\[\s*-?@[^\[\]" + re.escape(also_not) + r"]*\]"


def strip_citations(markdown_text: str) -> str:
    """The text without its citation markers, for plain-text exports."""
    return re.sub(r"\s*" + bracket_pattern(), "", markdown_text).strip()


class CitationSyntaxError(ValueError):
    """A bracket that starts like a citation but is not one; args: (problem, fix)."""


@dataclass(frozen=True)
class Pinpoint:
    first: int
    last: int

    @property
    def label(self) -> str:
        """As a contributor writes it, for messages."""
        return f"para. {self.first}" if self.first == self.last else f"paras. {self.first}\u2013{self.last}"

    @property
    def sign(self) -> str:
        """As a reader sees it on every page: '¶ 4'."""
        return paragraph_sign(self)

    @property
    def anchor(self) -> str:
        return f"p{self.first}"


def parse_citation(bracket: str) -> list[tuple[str, Pinpoint | None]]:
    """'[@a; @b, para. 2]' -> [('a', None), ('b', Pinpoint(2, 2))]; CitationSyntaxError if malformed."""
    inner = bracket.strip()[1:-1].strip()
    items = []
    for raw in inner.split(";"):
        match = _ITEM.fullmatch(raw.strip())
        if not match or not match.group("key"):
            raise CitationSyntaxError(
                f"'{bracket}' is not a citation", "write [@key], [@key, para. 4] or [@a; @b, para. 2]"
            )
        key, locator = match.group("key"), match.group("locator")
        if not _KEY.fullmatch(key):
            raise CitationSyntaxError(
                f"'{key}' in '{bracket}' is not a citation key",
                "a key is a source's file name without .md: lower-case words joined by hyphens",
            )
        pinpoint = None
        if locator is not None:
            found = _LOCATOR.fullmatch(locator.strip())
            if not found:
                raise CitationSyntaxError(
                    f"'{locator.strip()}' in '{bracket}' is not a paragraph pinpoint",
                    "write 'para. 4' or 'paras. 4-5'",
                )
            if any(len(n) > MAX_PINPOINT_DIGITS for n in found.group("first", "last") if n):
                raise CitationSyntaxError(
                    f"'{locator.strip()[:40]}' is not a paragraph number a source could have",
                    "give the paragraph's number as the source page shows it",
                )
            first = int(found.group("first"))
            last = int(found.group("last") or first)
            if first < 1 or last < first:
                raise CitationSyntaxError(
                    f"'{locator.strip()}' is not a paragraph range", "write 'paras. 4-5'"
                )
            pinpoint = Pinpoint(first, last)
        items.append((key, pinpoint))
    return items
