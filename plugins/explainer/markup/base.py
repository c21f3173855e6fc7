"""Shared base for the site's Markdown processors."""

import html
import re

from markdown import util
from markdown.treeprocessors import Treeprocessor


class ExtensionTreeprocessor(Treeprocessor):
    """A treeprocessor that reads and records through its extension's per-document `state`."""

    def __init__(self, md, extension):
        super().__init__(md)
        self.extension = extension


_ESCAPED_CHARACTER = re.compile(f"{util.STX}([0-9]+){util.ETX}")


def plain_text(md, text: str) -> str:
    """Text as a reader sees it, with Python-Markdown's internal placeholders resolved.

    During conversion, code spans, backslash escapes and character references (&amp;) stand
    in the text as placeholders; comparisons with a source must see the characters instead.
    """
    stash = md.treeprocessors["inline"].stashed_nodes

    def inline(match):
        value = stash.get(match.group(1), "")
        return value if isinstance(value, str) else "".join(value.itertext())

    text = util.INLINE_PLACEHOLDER_RE.sub(inline, text)
    text = _ESCAPED_CHARACTER.sub(lambda m: chr(int(m.group(1))), text)
    blocks = md.htmlStash.rawHtmlBlocks
    return util.HTML_PLACEHOLDER_RE.sub(lambda m: html.unescape(str(blocks[int(m.group(1))])), text)
