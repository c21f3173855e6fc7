"""Marks in a source's rendered text: the words the site quotes from a paragraph, and a piece of
HTML set at the paragraph's start, before its number.

The source is rendered once, before anything quotes it, so the marks are added to the HTML the
renderer wrote (ParagraphAnchors in render.py): a numbered paragraph opens with
`<p class="para" id="p4">` (or `<li …>`) and its number link. Only the paragraphs named are
read, so a page pays for the paragraphs it marks, not for the whole text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

# Python-Markdown escapes "<", ">" and "&" in text and attributes: a tag ends at the first ">".
_TOKEN = re.compile(r"<[^>]*>|&#?\w+;|&|[^<&]+")
_PARAGRAPH = re.compile(r'<(?P<tag>p|li)\b[^>]*\bid="p(?P<number>\d+)"[^>]*>')
_NUMBER_LINK = 'class="para-num"'

Ranges = Callable[[str], list[tuple[int, int]]]  # a paragraph's text -> (start, end) to mark


def mark_paragraphs(text_html: str, marks: dict[int, Ranges], before: dict[int, str]) -> str:
    """`text_html` with, in paragraph n, the text marks[n] finds wrapped in <mark class="quoted">,
    and before[n] inserted at its start."""
    out, last = [], 0
    for opening in _PARAGRAPH.finditer(text_html):
        number = int(opening.group("number"))
        if number not in marks and number not in before:
            continue
        if opening.start() < last:  # inside a paragraph already rewritten (cannot nest, but be safe)
            continue
        end = _closing(text_html, opening)
        inner = text_html[opening.end() : end]
        out.append(text_html[last : opening.end()])
        out.append(_rewrite(inner, marks.get(number), before.get(number, "")))
        last = end
    out.append(text_html[last:])
    return "".join(out)


def _closing(text_html: str, opening: re.Match) -> int:
    """Where the paragraph's closing tag starts: a list item may hold a list of its own."""
    tag, depth = opening.group("tag"), 1
    same = re.compile(rf"<(/?){tag}\b[^>]*>")
    for found in same.finditer(text_html, opening.end()):
        depth += -1 if found.group(1) else 1
        if depth == 0:
            return found.start()
    return len(text_html)


def _rewrite(inner: str, ranges: Ranges | None, inserted: str) -> str:
    tokens = _TOKEN.findall(inner)
    # The number link leads the paragraph: its text is not the source's.
    skip_to = 0
    if tokens and _NUMBER_LINK in tokens[0]:
        skip_to = next((i + 1 for i, t in enumerate(tokens) if t == "</a>"), 0)
    text, spans = [], []  # the paragraph's characters, and each text token's (index, start, end)
    length = 0
    for index, token in enumerate(tokens[skip_to:], skip_to):
        if token.startswith("<"):
            continue
        chars = html.unescape(token)
        spans.append((index, length, length + len(chars)))
        text.append(chars)
        length += len(chars)
    found = ranges("".join(text)) if ranges else []
    for index, start, end in spans:
        tokens[index] = _marked(tokens[index], start, end, found)
    if inserted:
        tokens.insert(0, inserted)
    return "".join(tokens)


def _marked(token: str, start: int, end: int, found: list[tuple[int, int]]) -> str:
    """One text token with the parts of it inside `found` in marks; a character reference is one
    character, marked whole."""
    pieces, at = [], start
    for low, high in found:
        low, high = max(low, start), min(high, end)
        if low >= high:
            continue
        if token.startswith("&") and len(token) > 1:
            return f'<mark class="quoted">{token}</mark>'
        quoted = token[low - start : high - start]
        pieces += [token[at - start : low - start], f'<mark class="quoted">{quoted}</mark>']
        at = high
    if not pieces:
        return token
    return "".join(pieces) + token[at - start :]
