"""Characters a reader cannot see, refused in content with their line and name.

Control characters (C0 but tab and line breaks, DEL, C1) have no place in text. Bidirectional
controls can make a title or a sentence read differently from the bytes a reviewer checked
(Trojan Source, CVE-2021-42574); today's sources are all in English, so they are refused
everywhere. Zero-width characters are refused in metadata (titles, names, dates, addresses),
where they would make two equal-looking values differ. Written as an HTML character reference
(`&#x202E;`, `&#0;`, `&rlm;`), a character is the same character to a reader: the browser shows
what the reference names, so references are held to the same rules.
"""

from __future__ import annotations

import re
import unicodedata
from html.entities import html5

# unicodedata has no names for the C0 controls; these are their standard abbreviations.
_C0_NAMES = [
    *("NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI"),
    *(
        "DLE",
        "DC1",
        "DC2",
        "DC3",
        "DC4",
        "NAK",
        "SYN",
        "ETB",
        "CAN",
        "EM",
        "SUB",
        "ESC",
        "FS",
        "GS",
        "RS",
        "US",
    ),
]
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_ZERO_WIDTH = re.compile("[\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff]")
# A numeric reference with more digits than any character has names none (browsers show U+FFFD).
_REFERENCE = re.compile(
    r"&(?:#[xX]0*(?P<hex>[0-9a-fA-F]{1,6})|#0*(?P<decimal>[0-9]{1,7})|(?P<name>[A-Za-z][A-Za-z0-9]{0,31}));"
)


def character_name(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE', 'U+0000 NUL'."""
    code = ord(char)
    if code < 32:
        name = _C0_NAMES[code]
    elif code == 0x7F:
        name = "DEL"
    else:
        name = unicodedata.name(char, "a control character")
    return f"U+{code:04X} {name}"


def hidden_character(text: str, metadata: bool) -> tuple[int, str, str] | None:
    """(offset, name, kind) of the first character the text may not hold, or None."""
    patterns = [(_CONTROL, "control character"), (_BIDI, "bidirectional control")]
    if metadata:
        patterns.append((_ZERO_WIDTH, "zero-width character"))
    found = [(match.start(), kind) for pattern, kind in patterns if (match := pattern.search(text))]
    if not found:
        return None
    offset, kind = min(found)
    return offset, character_name(text[offset]), kind


def hidden_reference(text: str, metadata: bool) -> tuple[int, str, str, str] | None:
    """(offset, name, kind, reference) of the first character reference to a character the text
    may not hold, such as '&#x202E;', or None."""
    for match in _REFERENCE.finditer(text):
        if match["name"]:
            char = html5.get(match["name"] + ";", "")
        else:
            code = int(match["hex"], 16) if match["hex"] else int(match["decimal"])
            char = chr(code) if code <= 0x10FFFF else ""
        found = hidden_character(char, metadata) if len(char) == 1 else None
        if found:
            return match.start(), found[1], found[2], match.group()
    return None
