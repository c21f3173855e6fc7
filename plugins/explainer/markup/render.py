"""Markdown to HTML for every kind of content, with the site's safety rules and paragraph anchors.

Syntax and checks live in Python-Markdown processors (as markdown/extensions/footnotes.py
does), never in regular expressions over rendered HTML.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

import markdown
from markdown.extensions import Extension

from ..content.urls import as_browser_reads, split
from .base import ExtensionTreeprocessor, plain_text
from .citations import CITATION_PRIORITY, Citation, CitationInline, CitationNotes, Note
from .entity_links import EntityLinks, RecordedMention
from .excerpt import keep_only
from .marker_slots import MARKER_SLOTS_PRIORITY, MarkerSlots

# Runs after Python-Markdown's "unescape" treeprocessor (priority 0), so text is final.
AFTER_INLINE = -5
SAFE_LINK_SCHEMES = ("http", "https", "mailto")
_ENTITY = re.compile(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")
_TAG_NAME = re.compile(r"<(?P<closing>/?)(?P<name>[A-Za-z][A-Za-z0-9-]*)")
_SPACES = re.compile(r"\s+")


@dataclass
class Problem:
    needle: str  # text to find in the body, to point at a line
    problem: str
    fix: str
    about: str = "text"  # "citation" when the marker itself is wrong, not the words


@dataclass
class InternalLink:
    path: str  # site path as written, e.g. /sources/x/
    fragment: str
    needle: str


@dataclass
class Rendered:
    html: str
    paragraphs: list[str] = field(default_factory=list)
    internal_links: list[InternalLink] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    mentions: list[RecordedMention] = field(default_factory=list)
    unavailable_cited: set[str] = field(default_factory=set)  # keys of sources that failed to load


class _State:
    """What the processors learn about one document, reset per conversion."""

    def __init__(self, namespace: str = "", notebook: dict | None = None, quoted_field: bool = False):
        self.namespace = namespace  # prefix for note ids, unique per item on a page
        self.notebook = {} if notebook is None else notebook  # (key, pinpoint) -> Note
        self.quoted_field = quoted_field  # the whole text is one quotation, in marks, and its citation
        self.mentions: list[RecordedMention] = []
        self.self_entity: str | None = None  # an entity's own page does not link to itself
        self.paragraphs: list[str] = []
        self.keep: frozenset[int] | None = None  # the paragraphs to publish, when not all
        self.internal_links: list[InternalLink] = []
        self.problems: list[Problem] = []
        self.citations: list[Citation] = []
        self.notes: list[Note] = []
        self.unavailable_cited: set[str] = set()

    def problem(self, needle: str, problem: str, fix: str, about: str = "text") -> None:
        self.problems.append(Problem(needle, problem, fix, about))


class LinkRules(ExtensionTreeprocessor):
    """Rejects unsafe link schemes, foreign images and h1s; prefixes site paths with SITEURL."""

    def run(self, root):
        state = self.extension.state
        for element in root.iter():
            if element.tag == "h1":
                state.problems.append(
                    Problem(
                        "# " + "".join(element.itertext()),
                        "the text has a level-1 heading",
                        "the title is the page's only h1; start sections with '## '",
                    )
                )
            attribute = {"a": "href", "img": "src"}.get(element.tag)
            if attribute and element.get(attribute) is not None:
                element.set(attribute, self._checked(element.tag, element.get(attribute), state))

    def _checked(self, tag, written, state):
        url = as_browser_reads(written)
        parts = split(url)
        if parts is None:
            state.problem(
                written, f"'{written}' is not a valid address", "check the brackets and characters in it"
            )
            return url
        if url.startswith("/") and not url.startswith("//"):
            state.internal_links.append(InternalLink(parts.path, parts.fragment, written))
            return self.extension.siteurl + url
        foreign = bool(parts.scheme) or url.startswith("//")
        if tag == "img" and foreign:
            state.problem(
                written,
                f"the image '{written}' would load from another site",
                "add the image to content/ and link it with a path starting with /",
            )
        elif parts.scheme.lower() not in ("", *SAFE_LINK_SCHEMES) or url.startswith("//"):
            state.problem(
                written,
                f"the link '{written}' uses a scheme that is not allowed",
                "link to an https:// address or to a site path such as /sources/",
            )
        # The decoded form is written out, so what was checked is what the browser gets.
        return url


class ParagraphAnchors(ExtensionTreeprocessor):
    """Numbers top-level paragraphs, list items and quoted paragraphs as #p1, #p2…

    The numbers are the pinpoints citations use ("para. 4"), so they must stay stable:
    headings are not numbered, and the text of each numbered block is kept for checks.
    """

    def run(self, root):
        for block in list(root):
            if block.tag == "p":
                self._number(block)
            elif block.tag in ("ul", "ol"):
                for item in block.findall("li"):
                    self._number(item)
            elif block.tag == "blockquote":
                for inner in block.findall("p"):
                    self._number(inner)
        if self.extension.state.keep is not None:
            keep_only(root, self.extension.state.keep)

    def _number(self, element):
        paragraphs = self.extension.state.paragraphs
        paragraphs.append(_SPACES.sub(" ", plain_text(self.md, "".join(element.itertext()))).strip())
        number = len(paragraphs)
        element.set("id", f"p{number}")
        element.set("class", "para")
        marker = etree.Element(
            "a", {"class": "para-num", "href": f"#p{number}", "aria-label": f"Paragraph {number}"}
        )
        marker.text = str(number)
        marker.tail, element.text = element.text, None
        element.insert(0, marker)


class ContentExtension(Extension):
    """The site's rules for every kind of content; `state` holds what one conversion found.

    Source texts get numbered paragraphs; the project's own writing gets citations, checked
    against `sources` (slug -> model.Source).
    """

    def __init__(self, siteurl, number_paragraphs=False, sources=None, unavailable=frozenset()):
        super().__init__()
        self.siteurl, self.number_paragraphs, self.sources = siteurl, number_paragraphs, sources
        self.unavailable = unavailable  # keys of sources whose files failed to load
        self.state = _State()
        self.entity_matcher = None  # set once the entities' names are known

    def reset(self, namespace: str = "", notebook: dict | None = None, quoted_field: bool = False):
        self.state = _State(namespace, notebook, quoted_field)

    def extendMarkdown(self, md):
        md.registerExtension(self)
        md.treeprocessors.register(LinkRules(md, self), "link_rules", AFTER_INLINE)
        if self.number_paragraphs:
            md.treeprocessors.register(ParagraphAnchors(md, self), "paragraph_anchors", AFTER_INLINE - 1)
        md.treeprocessors.register(EntityLinks(md, self), "entity_links", AFTER_INLINE - 2)
        if self.sources is not None:
            md.inlinePatterns.register(CitationInline(md, self), "citation", CITATION_PRIORITY)
            md.treeprocessors.register(CitationNotes(md, self), "citation_notes", AFTER_INLINE + 1)
            md.treeprocessors.register(MarkerSlots(md, self), "marker_slots", MARKER_SLOTS_PRIORITY)


class MarkdownRenderer:
    """One configured Python-Markdown instance, reset between documents."""

    def __init__(
        self,
        siteurl: str,
        number_paragraphs: bool = False,
        sources: dict | None = None,
        entity_matcher=None,
        unavailable: frozenset[str] = frozenset(),
    ):
        self._rules = ContentExtension(siteurl, number_paragraphs, sources, unavailable)
        self._rules.entity_matcher = entity_matcher
        self.sources = sources
        # Everything besides the text that decides the output, for the render cache.
        names = entity_matcher.fingerprint if entity_matcher else ""
        broken = ",".join(sorted(unavailable))
        # What a cached rendering depends on besides its text (model/cache_keys.py); the cited
        # sources' paragraphs are checked apart, by the render cache.
        self.cache_fingerprint = f"{siteurl}\0{number_paragraphs}\0{sources is not None}\0{names}\0{broken}"
        self._md = markdown.Markdown(
            extensions=["tables", "sane_lists", "toc", self._rules], output_format="html"
        )

    def render(
        self,
        text: str,
        namespace: str = "",
        notebook: dict | None = None,
        self_entity: str | None = None,
        quoted_field: bool = False,
        keep_paragraphs: frozenset[int] | None = None,
    ) -> Rendered:
        """Render one document. Snippets of one item pass the same notebook to share note numbers.

        A quoted field is '“words”[@cite]': the words between the outer marks are one quotation.
        With `keep_paragraphs`, a source's other paragraphs are left out (excerpt.py).
        """
        self._md.reset()
        self._rules.reset(namespace, notebook, quoted_field)
        self._rules.state.self_entity = self_entity
        self._rules.state.keep = keep_paragraphs
        try:
            html = self._md.convert(text)
        except RecursionError:  # a last guard: content/frontmatter.py refuses deep nesting before this
            problem = Problem("", "the text is nested too deeply to read", "write plain paragraphs and lists")
            return Rendered("", problems=[problem])
        state = self._rules.state
        problems = state.problems + self._raw_html_problems()
        return Rendered(
            html,
            state.paragraphs,
            state.internal_links,
            problems,
            state.citations,
            state.notes,
            state.mentions,
            state.unavailable_cited,
        )

    def _raw_html_problems(self) -> list[Problem]:
        # Python-Markdown stashes raw HTML (and character entities) instead of escaping it.
        problems, opened = [], set()
        for raw in self._md.htmlStash.rawHtmlBlocks:
            raw = str(raw)
            tag = _TAG_NAME.match(raw.strip())
            if tag and tag["closing"] and tag["name"].lower() in opened:
                continue  # '</script>' after '<script>': one mistake, one error
            if tag:
                opened.add(tag["name"].lower())
            if not _ENTITY.fullmatch(raw.strip()):
                problems.append(
                    Problem(
                        raw.strip()[:40],
                        f"raw HTML is not allowed in content ({raw.strip()[:40]!r})",
                        "write it in Markdown; links and emphasis need no HTML",
                    )
                )
        return problems
