"""The copy as received, kept beside the sources: the saved page's whole text as a reader sees it.

The imported source keeps only the article; its notes quote what lies around it (a byline, the
page's date, a copyright line), and the build checks those quotations against the copies in
`content/sources/copies/`. So the import keeps the page's text there, one block a line, with the
comment in which the browser recorded where and when it saved the page.
"""

from __future__ import annotations

import re

from lxml import html

from .article import INVISIBLE
from .saved import SavedFile

_BLOCKS = (
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "br",
    "header",
    "footer",
    "section",
    "article",
    "aside",
    "nav",
    "time",
    "figcaption",
    "dd",
    "dt",
    "title",
)


def copy_text(saved: SavedFile) -> str:
    if not saved.is_html:
        return saved.text
    root = html.fromstring(saved.text)
    comments = [c.strip() for c in re.findall(r"<!--(.*?)-->", saved.text, re.S) if c.strip()]
    for element in list(root.iter(*INVISIBLE)):
        element.drop_tree()
    for block in root.iter(*_BLOCKS):
        block.tail = "\n" + (block.tail or "")
    lines = [re.sub(r"\s+", " ", line).strip() for line in root.text_content().splitlines()]
    recorded = [
        line for c in comments for line in c.splitlines() if re.search(r"saved (from|date)|url:", line)
    ]
    return "\n".join([*(r.strip() for r in recorded), *(line for line in lines if line)]) + "\n"
