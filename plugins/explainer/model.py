"""The one in-memory model of the site's content, loaded and validated once per build.

Each collection is a folder of Markdown files with a YAML metadata block; the file name is
the item's slug (and, for sources, its citation key). Every cross-reference is resolved
here, and every problem is reported with its file and line before anything is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .collections import PAGE_FIELDS, SLUG, SOURCE_FIELDS, RelativeDate
from .dates import WEEKDAYS
from .errors import ContentError, ErrorCollector
from .frontmatter import Document, read_document
from .relative_dates import KNOWN_FORMS, UnresolvablePhrase, resolve
from .render import MarkdownRenderer, Rendered
from .schema import read_fields
from .textnorm import normalise

# Site paths the generators write whatever the content (contract in DESIGN.md).
FIXED_PATHS = {"/sources/": "the sources list", "/data/sources.json": "the bibliography (CSL-JSON)"}


@dataclass
class Item:
    slug: str
    path: str
    document: Document
    rendered: Rendered

    @property
    def html(self) -> str:
        return self.rendered.html

    @property
    def paragraphs(self) -> list[str]:
        return self.rendered.paragraphs


@dataclass
class Source(Item):
    fields: dict = field(default_factory=dict)
    relative_dates: list[RelativeDate] = field(default_factory=list)
    reproduced_in: list[Source] = field(default_factory=list)
    cited_by: list[CitingItem] = field(default_factory=list)

    def __getattr__(self, name):
        # Metadata fields read as attributes in templates: source.publication, source.date…
        fields = self.__dict__.get("fields", {})
        if name in fields:
            return fields[name]
        raise AttributeError(name)

    @property
    def url(self) -> str:
        return f"sources/{self.slug}/"

    @property
    def save_as(self) -> str:
        return f"{self.url}index.html"

    @property
    def display_title(self) -> str:
        title = self.fields["title"]
        return title.value if title.known else self.fields["label"]

    @property
    def text_source(self) -> Source | None:
        return self.fields.get("text_from_source")


@dataclass
class Page(Item):
    title: str = ""
    description: str = ""

    @property
    def url(self) -> str:
        return {"index": "", "404": "404.html"}.get(self.slug, f"{self.slug}/")

    @property
    def save_as(self) -> str:
        return self.url if self.url.endswith(".html") else f"{self.url}index.html"


@dataclass
class CitingItem:
    """One page or item that cites a source, and the ids of its markers (the citing spots)."""

    item: Item
    ref_ids: list[str]

    @property
    def title(self) -> str:
        return getattr(self.item, "title", "") or self.item.slug


@dataclass
class Model:
    sources: list[Source]
    pages: dict[str, Page]

    @property
    def sources_by_slug(self) -> dict[str, Source]:
        return {s.slug: s for s in self.sources}

    def items(self) -> list[Item]:
        return [*self.sources, *self.pages.values()]

    def site_paths(self) -> set[str]:
        return set(FIXED_PATHS) | {"/" + item.url for item in self.items()}


def load_model(content_dir: Path, siteurl: str = "") -> Model:
    errors = ErrorCollector()
    loader = _Loader(content_dir, siteurl, errors)
    sources = [s for s in loader.collection("sources", loader.source) if s]
    # The project's own writing is rendered once the sources it cites are known.
    loader.writing_renderer = MarkdownRenderer(siteurl, sources={s.slug: s for s in sources})
    pages = [p for p in loader.collection("pages", loader.page) if p]
    errors.raise_if_any()
    model = Model(sorted(sources, key=_chronological), {p.slug: p for p in pages})
    _check_addresses(model, errors)
    errors.raise_if_any()
    _resolve(model, errors)
    errors.raise_if_any()
    return model


def _chronological(source: Source):
    date = source.fields["date"]
    return (not date.known, date.value.sort_key() if date.known else (0, 0, 0), source.slug)


class _Loader:
    def __init__(self, content_dir: Path, siteurl: str, errors: ErrorCollector):
        self.content_dir, self.errors = content_dir, errors
        self.display_root = content_dir.parent
        self.source_renderer = MarkdownRenderer(siteurl, number_paragraphs=True)
        self.writing_renderer: MarkdownRenderer | None = None

    def collection(self, name, load_one):
        folder = self.content_dir / name
        if not folder.is_dir():
            self.errors.add(
                self._display(folder),
                1,
                f"the folder content/{name}/ is missing",
                "restore it from the repository",
            )
            return []
        items = []
        for file in sorted(folder.iterdir()):
            display = self._display(file)
            if file.name.startswith(".") or file.is_dir():
                continue
            if file.suffix != ".md":
                self.errors.add(
                    display, 1, "only Markdown files belong here", "rename it to end in .md, or move it"
                )
                continue
            if not SLUG.fullmatch(file.stem):
                self.errors.add(
                    display,
                    1,
                    f"the file name '{file.stem}' is not a valid slug",
                    "use lower-case letters, digits and single hyphens, e.g. itwire-2018-06-25.md",
                )
                continue
            try:
                document = read_document(file, display)
            except ContentError as exc:
                self.errors.errors.append(exc)
                continue
            items.append(load_one(file.stem, document))
        return items

    def _display(self, file: Path) -> str:
        return file.relative_to(self.display_root).as_posix()

    def _render(self, renderer, document: Document) -> Rendered:
        rendered = renderer.render(document.body)
        for problem in rendered.problems:
            self.errors.add(
                document.path, document.body_line_of(problem.needle), problem.problem, problem.fix
            )
        return rendered

    def source(self, slug, document):
        fields = read_fields(document, SOURCE_FIELDS, self.errors)
        rendered = self._render(self.source_renderer, document)
        if fields is None:
            return None
        if not fields["title"].known and not fields["label"]:
            self.errors.add(
                document.path,
                document.line_of("title"),
                "the title is unknown and no label is given",
                "add 'label:' with a short description for lists, e.g. 'Report on the ACLU findings'",
            )
        if not rendered.paragraphs:
            self.errors.add(
                document.path,
                document.body_line,
                "the source has no text",
                "paste the article's text below the metadata block",
            )
        return Source(slug, document.path, document, rendered, fields)

    def page(self, slug, document):
        fields = read_fields(document, PAGE_FIELDS, self.errors)
        rendered = self._render(self.writing_renderer, document)
        if fields is None:
            return None
        return Page(slug, document.path, document, rendered, **fields)


def _check_addresses(model: Model, errors: ErrorCollector) -> None:
    """Two items may not claim one address (a page named sources.md would hide the list)."""
    owners = dict(FIXED_PATHS)
    for item in model.items():
        address = "/" + item.url
        if address in owners:
            errors.add(
                item.path,
                1,
                f"the address {address} is already used by {owners[address]}",
                "rename the file to give it another slug",
            )
        owners.setdefault(address, item.path)
    if "index" not in model.pages:
        errors.add("content/pages/index.md", 1, "the home page is missing", "restore content/pages/index.md")


def _resolve(model: Model, errors: ErrorCollector) -> None:
    by_slug = model.sources_by_slug
    for source in model.sources:
        _resolve_text_from(source, by_slug, errors)
        source.relative_dates = [
            _resolve_relative_date(source, entry, errors) for entry in source.fields["relative_dates"]
        ]
    _collect_cited_by(model)
    site_paths = model.site_paths()
    for item in [*model.sources, *model.pages.values()]:
        for link in item.rendered.internal_links:
            _check_internal_link(item, link, site_paths, by_slug, errors)


def _collect_cited_by(model: Model) -> None:
    by_slug = model.sources_by_slug
    for item in model.items():
        spots: dict[str, list[str]] = {}
        for citation in item.rendered.citations:
            if citation.key in by_slug:
                spots.setdefault(citation.key, []).append(citation.ref_id)
        for key, ref_ids in spots.items():
            by_slug[key].cited_by.append(CitingItem(item, ref_ids))


def _resolve_text_from(source: Source, by_slug: dict[str, Source], errors: ErrorCollector) -> None:
    slug = source.fields["text_from"]
    if not slug:
        return
    doc = source.document
    origin = by_slug.get(slug)
    if origin is None or origin is source:
        errors.add(
            doc.path,
            doc.line_of("text_from"),
            f"text_from names '{slug}', which is not another source",
            "give the slug of the source file the text was taken from",
        )
        return
    whole = normalise(" ".join(origin.paragraphs))
    for number, paragraph in enumerate(source.paragraphs, 1):
        if normalise(paragraph) not in whole:
            errors.add(
                doc.path,
                doc.body_line_of(paragraph[:30]),
                f"paragraph {number} does not occur in {slug}, which text_from says the text comes from",
                f"copy the paragraph exactly as content/sources/{slug}.md has it",
            )
    source.fields["text_from_source"] = origin
    origin.reproduced_in.append(source)


def _resolve_relative_date(source: Source, entry: dict, errors: ErrorCollector) -> RelativeDate:
    doc, index = source.document, entry["index"]
    line = doc.line_of("relative_dates", index)
    phrase, number = entry["phrase"], entry["paragraph"]
    result = RelativeDate(phrase, number)
    if number > len(source.paragraphs):
        errors.add(
            doc.path,
            line,
            f"paragraph {number} does not exist",
            f"the text has {len(source.paragraphs)} paragraphs",
        )
        return result
    if phrase.casefold() not in source.paragraphs[number - 1].casefold():
        errors.add(
            doc.path,
            line,
            f"'{phrase}' does not occur in paragraph {number}",
            "copy the phrase exactly as the text has it, or correct the paragraph number",
        )
        return result
    date = source.fields["date"]
    if not (date.known and date.value.precision == "day"):
        return result
    article_day = date.value.as_date()
    try:
        result.resolved, rule = resolve(phrase, article_day)
    except UnresolvablePhrase:
        errors.add(
            doc.path,
            line,
            f"the build cannot resolve '{phrase}'",
            f"list only phrases of these forms: {KNOWN_FORMS}",
        )
        return result
    weekday = WEEKDAYS[article_day.weekday()]
    result.basis = f"{rule} {weekday} {date.value.text()}, the article's own date"
    return result


def _check_internal_link(item, link, site_paths, by_slug, errors) -> None:
    doc = item.document
    line = doc.body_line_of(link.needle)
    if link.path not in site_paths:
        hint = link.path + "/" if link.path + "/" in site_paths else None
        errors.add(
            doc.path,
            line,
            f"the link '{link.needle}' points to no page of the site",
            f"did you mean '{hint}'?" if hint else "link to an existing page, e.g. /sources/<slug>/",
        )
        return
    match = re.fullmatch(r"p(\d+)", link.fragment)
    target = by_slug.get(link.path.removeprefix("/sources/").rstrip("/"))
    if match and target and not 1 <= int(match.group(1)) <= len(target.paragraphs):
        errors.add(
            doc.path,
            line,
            f"the link '{link.needle}' names a paragraph that does not exist",
            f"{target.slug} has paragraphs 1 to {len(target.paragraphs)}",
        )
