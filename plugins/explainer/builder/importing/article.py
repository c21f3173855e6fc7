"""The article's text, taken from a saved page by trafilatura, as Markdown; and what was left out.

trafilatura finds the main text and gives it as a small XML tree (p, head, list/item, quote,
ref, hi); this module only writes that tree as Markdown. What it left out is found by comparing
the page's visible text blocks with the text it kept, so a contributor can check nothing of the
article went missing.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field

from lxml import html

from ...text.normal import normalise

# A paragraph of running text has at least this many words, and a sentence's end.
RUNNING_TEXT_WORDS = 8
# Elements whose text a reader never sees.
INVISIBLE = (
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "title",
    "meta",
    "link",
    "svg",
    "button",
    "select",
)
BLOCKS = {
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "blockquote", "dd", "dt", "td", "th",
    "caption", "div", "section", "article", "aside", "header", "footer", "nav", "form", "main", "body",
    "ul", "ol", "address", "label", "figure", "table", "details", "summary",
}  # fmt: skip
LANDMARKS = ("nav", "header", "footer", "aside", "figure", "form")
# What a region of a page is, from its tag, class or id: the words for `edits:`.
KINDS = [
    (r"\bad(s|vert\w*)?\b|sponsor|promo", "advertising"),
    (r"author|bio\b|contributor", "the author box"),
    (r"related|more-stories|recommend|read-next|trending", "related links"),
    (r"share|social", "sharing links"),
    (r"newsletter|subscribe|signup|sign-up", "a newsletter sign-up"),
    (r"comment", "comments"),
    (r"byline|dateline|kicker|meta", "the byline and dateline"),
    (r"caption|figure|photo|image", "image captions"),
    (r"\bnav\b|menu|breadcrumb|skip", "navigation"),
    (r"\bfooter\b", "the page footer"),
    (r"\bheader\b|masthead|logo", "the page header"),
]


@dataclass
class LeftOut:
    region: str  # the element, as <tag class="…">
    kind: str  # its kind in words, for edits:
    texts: list[str] = field(default_factory=list)

    @property
    def excerpt(self) -> str:
        text = " · ".join(self.texts)
        return text if len(text) <= 100 else text[:99] + "…"


@dataclass
class Article:
    blocks: list[str]  # Markdown blocks: paragraphs, "## " headings, lists, "> " quotations
    metadata: object  # trafilatura's Document: title, author, date, sitename, url
    headline: str | None  # the h1 trafilatura kept at the top, now the title
    left_out: list[LeftOut]
    unlinked: list[str]  # links that are not https://, kept as their words


def extract_article(page_html: str, url: str | None) -> Article | None:
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # lxml's FutureWarnings from inside trafilatura
        document = trafilatura.bare_extraction(
            page_html,
            url=url,
            include_links=True,
            include_formatting=True,
            include_images=False,
            include_tables=False,
            include_comments=False,
            with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    if document is None or document.body is None or not _has_running_text(document.body):
        return None
    writer = _MarkdownWriter()
    blocks = writer.blocks(document.body)
    headline = None
    if blocks and blocks[0].startswith("# "):
        headline = blocks.pop(0)[2:].strip()
    units = [normalise(unit) for block in [headline or "", *blocks] for unit in _plain(block).split("\n")]
    return Article(blocks, document, headline, left_out(page_html, [u for u in units if u]), writer.unlinked)


def _has_running_text(body) -> bool:
    """An article has at least one paragraph of sentences; a home page only headlines and links
    (which trafilatura, finding no article, may hand back run together as one paragraph)."""
    texts = ["".join(p.itertext()) for p in body.iter("p")]
    return any(len(text.split()) >= RUNNING_TEXT_WORDS and re.search(r"\w[.!?]", text) for text in texts)


def _plain(block: str) -> str:
    """The words of a Markdown block, for comparing with the page."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", block)
    text = re.sub(r"^(?:#+ |> ?|- |\d+\. )", "", text, flags=re.M)
    return re.sub(r"\\(.)", r"\1", text.replace("**", "").replace("*", "")).replace("&lt;", "<")


class _MarkdownWriter:
    """trafilatura's XML (p, head, list/item, quote, ref, hi, lb) as Markdown blocks."""

    def __init__(self):
        self.unlinked: list[str] = []

    def blocks(self, body) -> list[str]:
        found = []
        for element in body:
            found += self._block(element)
        return [block for block in found if block.strip()]

    def _block(self, element) -> list[str]:
        tag = element.tag
        if tag == "head":
            level = element.get("rend", "h2")
            return [("# " if level == "h1" else "## ") + self._inline(element)]
        if tag == "list":
            ordered = element.get("rend") == "ol"
            items = [self._inline(item) for item in element if item.tag == "item"]
            return [
                "\n".join(f"{f'{n}.' if ordered else '-'} {text}" for n, text in enumerate(items, 1) if text)
            ]
        if tag == "quote":
            inner = [self._inline(child) for child in element if child.tag == "p"] or [self._inline(element)]
            return ["\n>\n".join("> " + text for text in inner if text)]
        return [_escape_start(self._inline(element))]

    def _inline(self, element) -> str:
        parts = [_escape(element.text or "")]
        for child in element:
            parts.append(self._child(child))
            parts.append(_escape(child.tail or ""))
        return re.sub(r"\s+", " ", "".join(parts)).strip()

    def _child(self, child) -> str:
        words = self._inline(child)
        if child.tag == "ref":
            target = child.get("target", "")
            if target.startswith("https://") and words:
                return f"[{words}]({target.replace(')', '%29').replace(' ', '%20')})"
            if target:
                self.unlinked.append(target)
            return words
        if child.tag == "hi" and words:
            mark = "**" if "#b" in child.get("rend", "") else "*" if "#i" in child.get("rend", "") else ""
            return f"{mark}{words}{mark}"
        if child.tag == "lb":
            return " "
        return words


def _escape(text: str) -> str:
    """Characters Markdown would read as syntax, and '<', which the build reads as raw HTML."""
    text = re.sub(r"([\\`*_\[\]])", r"\\\1", text)
    return text.replace("<", "&lt;")


def escape_paragraph(text: str) -> str:
    """Plain text as one Markdown paragraph that reads as the same words."""
    return _escape_start(_escape(text))


def _escape_start(text: str) -> str:
    """A paragraph that starts like a heading, list or quotation stays a paragraph."""
    return re.sub(r"^(#|>|[-+*] |\d+)([.)]?)", lambda m: "\\" + m.group(0), text)


def _is_kept(text: str, units: list[str]) -> bool:
    """A page block is the article's when it is one of the kept paragraphs, items or headings,
    or most of one (a block can hold or lose a few words of furniture)."""
    for unit in units:
        if text == unit or (text in unit and len(text) >= 0.6 * len(unit)):
            return True
        if unit in text and len(unit) >= 0.6 * len(text):
            return True
    return False


def left_out(page_html: str, units: list[str]) -> list[LeftOut]:
    """The page's visible text blocks that the article leaves out, by region, in page order."""
    root = html.fromstring(page_html)
    for element in list(root.iter(*INVISIBLE)):
        if element.getparent() is not None:
            element.drop_tree()
    regions: list[LeftOut] = []
    outer = []  # the element of each region, to merge a region with one nested in it
    seen = set()  # elements, not id()s: lxml makes a new proxy, and may reuse an id, on each access
    for element in root.iter():
        if not isinstance(element.tag, str) or not (element.text or "").strip() and not _tails(element):
            continue
        block = _block_of(element)
        if block in seen:
            continue
        seen.add(block)
        text = re.sub(r"\s+", " ", "".join(_own_text(block))).strip()
        if not text or _is_kept(normalise(text), units):
            continue
        region = _region_of(element)
        if outer and (_contains(outer[-1], region) or _contains(region, outer[-1])):
            if _contains(region, outer[-1]):
                outer[-1] = region
                regions[-1].region, regions[-1].kind = _label(region), _kind(region)
            regions[-1].texts.append(text)
        else:
            outer.append(region)
            regions.append(LeftOut(_label(region), _kind(region), [text]))
    return regions


def _contains(ancestor, element) -> bool:
    return element == ancestor or ancestor in list(element.iterancestors())


def _tails(element) -> bool:
    return any((child.tail or "").strip() for child in element)


def _block_of(element):
    while element.tag not in BLOCKS and element.getparent() is not None:
        element = element.getparent()
    return element


def _own_text(block):
    """The block's text, without the text of blocks nested in it (they are counted on their own)."""
    yield block.text or ""
    for child in block:
        if isinstance(child.tag, str) and child.tag not in BLOCKS:
            yield from _own_text(child)
        yield child.tail or ""


def _region_of(element):
    while element.getparent() is not None:
        if element.tag in LANDMARKS or element.get("class") or element.get("id"):
            return element
        element = element.getparent()
    return element


def _label(element) -> str:
    attributes = "".join(f' {name}="{element.get(name)}"' for name in ("class", "id") if element.get(name))
    return f"<{element.tag}{attributes}>"


def _kind(element) -> str:
    described = " ".join([element.tag, element.get("class", ""), element.get("id", "")]).lower()
    for pattern, kind in KINDS:
        if re.search(pattern, described):
            return kind
    return f"the page's {_label(element)}"
