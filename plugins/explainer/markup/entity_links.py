"""Link names of entities to their pages, and record every mention with its sentence.

The first mention of an entity in each section (a section starts at each h2 or h3) becomes
a cross-link; text inside headings, links and code is left alone. Every mention, linked or
not, is recorded with the paragraph it stands in, for the entity's page.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from ..text.sentences import ends_an_abbreviation
from .base import ExtensionTreeprocessor

SKIP = {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "sup"}
SECTION_BREAK = {"h2", "h3"}
BLOCKS = {"p", "li", "td", "th", "dd", "dt"}
_SENTENCE = re.compile(r"(?<=[.!?])[\"\u201d\u2019']?\s+")


@dataclass
class RecordedMention:
    slug: str
    anchor: str | None  # the paragraph's id (#p4), where it has one
    sentence: str


def _sentence_around(text: str, start: int) -> str:
    begin = 0
    for match in _SENTENCE.finditer(text):
        if text[match.start() - 1] == "." and ends_an_abbreviation(text[: match.start() - 1]):
            continue  # "Mr. Bezos": the sentence goes on
        if match.end() > start:
            return text[begin : match.start() + 1].strip()
        begin = match.end()
    return text[begin:].strip()


class EntityLinks(ExtensionTreeprocessor):
    def run(self, root):
        matcher = self.extension.entity_matcher
        if matcher is None:
            return
        self.linked: set[str] = set()
        self._walk(root, anchor=None)

    def _walk(self, element, anchor):
        for child in list(element):
            if child.tag in SECTION_BREAK:
                self.linked = set()
            if child.tag in SKIP:
                continue
            own_anchor = child.get("id") if re.fullmatch(r"p\d+", child.get("id") or "") else anchor
            if child.tag in BLOCKS and not any(
                inner.tag in BLOCKS for inner in child.iter() if inner is not child
            ):
                self._record(child, own_anchor)
                self._link_within(child)
            else:
                self._walk(child, own_anchor)

    def _record(self, block, anchor):
        state, matcher = self.extension.state, self.extension.entity_matcher
        text = "".join(_text_outside_markers(block))
        for mention in matcher.find(text):
            if mention.slug != state.self_entity:
                state.mentions.append(
                    RecordedMention(mention.slug, anchor, _sentence_around(text, mention.start))
                )

    def _link_within(self, element):
        """Wrap first mentions in element.text and in each child's tail with links."""
        element.text, created = self._linked_pieces(element.text)
        for position, link in enumerate(created):
            element.insert(position, link)
        for child in list(element):
            if child.tag not in SKIP:
                self._link_within(child)
            child.tail, created = self._linked_pieces(child.tail)
            index = list(element).index(child) + 1
            for offset, link in enumerate(created):
                element.insert(index + offset, link)

    def _linked_pieces(self, text):
        """Split text at first mentions: (leading text, [link elements carrying the rest as tails])."""
        if not text:
            return text, []
        state, matcher = self.extension.state, self.extension.entity_matcher
        links, lead, cursor = [], None, 0
        for mention in matcher.find(text):
            if mention.slug in self.linked or mention.slug == state.self_entity:
                continue
            self.linked.add(mention.slug)
            link = etree.Element(
                "a", {"class": "xref", "href": f"{self.extension.siteurl}/entities/{mention.slug}/"}
            )
            link.text = mention.text
            if links:
                links[-1].tail = text[cursor : mention.start]
            else:
                lead = text[: mention.start]
            links.append(link)
            cursor = mention.end
        if not links:
            return text, []
        links[-1].tail = text[cursor:]
        return lead, links


def _text_outside_markers(element):
    """The element's text, leaving out paragraph numbers and citation markers."""
    if element.text:
        yield element.text
    for child in element:
        if child.get("class") not in ("para-num", "cites"):
            yield from _text_outside_markers(child)
        if child.tail:
            yield child.tail
