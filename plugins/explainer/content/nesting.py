"""How deeply a Markdown text nests what Python-Markdown reads ahead for, measured before it runs.

For every '[' Python-Markdown reads on to the matching ']' (a link's text), for every '](' to the
closing ')' (a link's address, or the end of the paragraph when a quotation mark in it never
closes), and for every '*' or '_' that may open emphasis to the one that closes it; then it reads
the text inside each again. Unclosed or nested, such syntax costs time in the square of its
depth: 4,000 brackets in a paragraph took 3 seconds, 50,000 (100 KB) minutes. Real text nests
two or three levels.

The measure errs towards deeper, never shallower, than Python-Markdown reads. It reads the text
as Python-Markdown's link patterns do (backslash escapes and citations already taken out). Every
character that may open counts; one that closes counts only where Python-Markdown surely sees it
the same way: before the paragraph's first backtick (after it, code may hide it), outside a
link's address (hidden once the link is read) and, for emphasis, outside a link's text (read
apart) and not straight after a mark Python-Markdown takes off the start of a line ('>', '|',
'#'). Paragraphs are measured apart, as Python-Markdown reads them: a blank line ends each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown.inlinepatterns import Delimiter

from .citation_syntax import bracket_pattern

MAX_INLINE_DEPTH = 16

# What Python-Markdown's backslash escapes (Markdown.ESCAPED_CHARS), hidden from later patterns.
_ESCAPABLE = frozenset("\\`*_{}[]()>#+-.!")
_ESCAPE = re.compile(r"\\(.)", re.S)
# markup/citations.py reads these before the link patterns run; one holding a backtick may be
# cut short by code, so it is measured as text. One it cannot read stays text, so its ']' may
# still start a link's address.
_CITATION = re.compile(bracket_pattern(also_not="`"))
_HIDDEN, _CITATION_END = "\x02", "\x03"  # characters the text cannot hold (characters.py)
_OPENERS = "[(\"'*_"
_SPECIAL = re.compile(r"[\[\]()\"'*_]")
_BLANK_LINE = re.compile(r"\n[ \t]*(?=\n)")
# Marks of a quotation, table or heading, which Python-Markdown takes off the start of a line.
_LINE_MARKS = frozenset(">|#")
# Python-Markdown's own tests for whether a run of * or _ may open or close emphasis.
_EMPHASIS = {token: Delimiter(token, "strong,em", smart=token == "_", double=False) for token in "*_"}
_RUN = {token: re.compile(re.escape(token) + "+") for token in _EMPHASIS}


@dataclass(frozen=True)
class Nesting:
    offset: int  # in the text, where the depth passes the limit
    what: str  # "brackets", "links' addresses" or "emphasis"
    depth: int

    def problem_and_fix(self) -> tuple[str, str]:
        fix = {
            "brackets": f"close each [ with ] ({MAX_INLINE_DEPTH} inside one another at the most); "
            "write a bracket that is text as \\[",
            "links' addresses": "close each address after [text]( with ), and a quotation mark in it "
            "before the ); write a parenthesis that is text as \\(",
            "emphasis": "close each * or _ that opens emphasis; write one that is text as \\* or \\_",
        }[self.what]
        return f"the text nests {self.what} {self.depth} deep here", fix


def inline_nesting(text: str, limit: int = MAX_INLINE_DEPTH) -> Nesting | None:
    """The first place where a paragraph of `text` nests [ ], a link's ( ) or * and _ past `limit`."""
    if sum(map(text.count, _OPENERS)) <= limit:
        return None  # each level opens with one of these: too few to nest past the limit
    start = 0
    for blank in [*_BLANK_LINE.finditer(text), None]:
        end = blank.start() if blank else len(text)
        found = _Paragraph(text[start:end], limit).measure()
        if found:
            return Nesting(start + found.offset, found.what, found.depth)
        start = blank.end() if blank else end
    return None


class _LinkAddress:
    """One '](' as Python-Markdown's LinkInlineProcessor.getLink reads it, up to where it closes.

    Parentheses nest until a quotation mark starts a title; from then on only a closing mark
    followed by ')' ends the address. After a mark Python-Markdown may not see, nothing does.
    """

    def __init__(self):
        self.parentheses = 1
        self.quote = self.alternative = None
        self.quote_closed = self.alternative_closed = False
        self.uncertain = False

    def closes(self, char: str, before: str, certain: bool) -> bool:
        """Whether `char` ends the address; `before` is the last character before it but spaces."""
        if self.uncertain:
            return False
        if char == "(":
            self.parentheses += self.quote is None
        elif char == ")":
            if not certain:
                return False
            if (self.quote_closed and before == self.quote) or (
                self.alternative_closed and before == self.alternative
            ):
                return True
            self.parentheses -= self.quote is None
            return self.parentheses == 0
        elif not certain:
            self.uncertain = True
        elif self.quote is None:
            self.quote, self.parentheses = char, 1
        elif char != self.quote and self.alternative is None:
            self.alternative = char
        elif char == self.quote:
            self.quote_closed = True
        elif char == self.alternative:
            self.alternative_closed = True
        return False


class _Paragraph:
    def __init__(self, raw: str, limit: int):
        view = _ESCAPE.sub(lambda m: _HIDDEN * 2 if m.group(1) in _ESCAPABLE else m.group(), raw)
        self.text = _CITATION.sub(lambda m: _HIDDEN * (len(m.group()) - 1) + _CITATION_END, view)
        self.limit = limit
        backtick = raw.find("`")
        self.certain_until = backtick if backtick >= 0 else len(raw)
        self.brackets = 0
        self.addresses: list[_LinkAddress] = []
        self.emphasis = dict.fromkeys(_EMPHASIS, 0)

    def measure(self) -> Nesting | None:
        run_end = 0
        for match in _SPECIAL.finditer(self.text):
            index, char = match.start(), match.group()
            if index < run_end:
                continue  # the rest of a run of * or _, measured with its first character
            certain = index < self.certain_until
            if char in _EMPHASIS:
                run_end = _RUN[char].match(self.text, index).end()
                found = self._emphasis(index, run_end, char, certain)
            else:
                found = self._link(index, char, certain)
            if found:
                return found
        return None

    def _link(self, index: int, char: str, certain: bool) -> Nesting | None:
        if char != "[" and char != "]" and self.addresses:
            before = self._before(index) if char == ")" else ""
            self.addresses = [a for a in self.addresses if not a.closes(char, before, certain)]
        if char == "[":
            self.brackets += 1
            if self.brackets > self.limit:
                return Nesting(index, "brackets", self.brackets)
        elif char == "]" and certain and not self.addresses:  # a link's address is hidden later
            self.brackets = max(self.brackets - 1, 0)
        elif char == "(" and index and self.text[index - 1] in ("]", _CITATION_END):
            self.addresses.append(_LinkAddress())
            if len(self.addresses) > self.limit:
                return Nesting(index, "links' addresses", len(self.addresses))
        return None

    def _before(self, index: int) -> str:
        """The last character before `index` that is not a space (as getLink's `last`)."""
        index -= 1
        while index >= 0 and self.text[index] == " ":
            index -= 1
        return self.text[index] if index >= 0 else ""

    def _emphasis(self, index: int, run_end: int, char: str, certain: bool) -> Nesting | None:
        # With the character after the run as the text's end, as Python-Markdown's tests expect.
        match = _EMPHASIS[char].boundary.match(self.text, index, run_end + 1)
        if match is None:
            return None
        length = run_end - index
        if match.lastgroup == "end":
            # A closing run takes at least as much as its length from what is open, where
            # Python-Markdown sees it as this text does.
            closes = certain and not self.brackets and not self.addresses
            if closes and self.text[index - 1] not in _LINE_MARKS:
                self.emphasis[char] = max(self.emphasis[char] - length, 0)
            return None
        self.emphasis[char] += length
        depth = sum(self.emphasis.values())
        return Nesting(index, "emphasis", depth) if depth > self.limit else None
