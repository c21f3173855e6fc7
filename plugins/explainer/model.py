"""The one in-memory model of the site's content, loaded and validated once per build.

Each collection is a folder of Markdown files with a YAML metadata block; the file name is
the item's slug (and, for sources, its citation key). Every cross-reference is resolved
here, and every problem is reported with its file and line before anything is written.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from .answers import distinct_answers, figures_missing_from_quotation, is_known
from .collections import (
    CAMPAIGN_FIELDS,
    CLAIM_FIELDS,
    DEMAND_CATEGORIES,
    ENTITY_FIELDS,
    EVENT_FIELDS,
    EVENT_GROUPS,
    PAGE_FIELDS,
    RELATIONSHIP_VERBS,
    SLUG,
    SOURCE_FIELDS,
    RelativeDate,
)
from .content_files import irregular_entries, irregular_entry_error, read_content_file
from .dates import WEEKDAYS
from .errors import ContentError, ErrorCollector
from .frontmatter import Document, parse_document
from .mentions import EntityMatcher
from .relative_dates import KNOWN_FORMS, UnresolvablePhrase, resolve
from .render import MarkdownRenderer, Rendered
from .render_cache import RenderCache
from .schema import read_fields
from .textnorm import normalise

# Site paths the generators write whatever the content (contract in DESIGN.md).
FIXED_PATHS = {
    "/sources/": "the sources list",
    "/timeline/": "the timeline",
    "/entities/": "the list of people and organisations",
    "/search/": "the search page",
    "/data/sources.json": "the bibliography (CSL-JSON)",
    "/data/timeline.json": "the timeline export",
    "/data/timeline.timelinejs.json": "the TimelineJS export",
    "/demands/": "the demands compared",
    "/data/demands.json": "the demands export",
    "/data/demands.csv": "the demands export (CSV)",
    "/differences/": "where the reports differ",
    "/data/claims.json": "the claims export",
    "/data/entities.json": "the entities export",
    **{f"/timeline/group/{group}/": f"the timeline of {label}" for group, label in EVENT_GROUPS.items()},
}


@dataclass(repr=False)  # the model is a graph: see Item.__repr__
class Item:
    slug: str
    path: str
    document: Document
    rendered: Rendered

    def __repr__(self) -> str:
        # Items refer to each other (cited by, named with…): a field-by-field repr would never end.
        return f"<{type(self).__name__} {self.slug}>"

    @property
    def html(self) -> str:
        return self.rendered.html

    @property
    def paragraphs(self) -> list[str]:
        return self.rendered.paragraphs

    @property
    def citations(self) -> list:
        return self.rendered.citations


@dataclass(repr=False)
class Source(Item):
    fields: dict = field(default_factory=dict)
    relative_dates: list[RelativeDate] = field(default_factory=list)
    reproduced_in: list[Source] = field(default_factory=list)
    cited_by: list[CitingItem] = field(default_factory=list)
    named: list[tuple[Entity, int]] = field(default_factory=list)  # entities in the text, with counts
    related: list[tuple[Source, int]] = field(default_factory=list)  # sources sharing most entities

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
    def events(self) -> list[Event]:
        """The timeline events that cite this source, in order."""
        return [c.item for c in self.cited_by if isinstance(c.item, Event)]

    @property
    def campaigns(self) -> list[Campaign]:
        """The campaigns whose figures, demands or outcome cite this source."""
        return [c.item for c in self.cited_by if isinstance(c.item, Campaign)]

    @property
    def claims(self) -> list[Claim]:
        """The claims this source answers."""
        return [c.item for c in self.cited_by if isinstance(c.item, Claim)]

    @property
    def text_source(self) -> Source | None:
        return self.fields.get("text_from_source")


@dataclass(repr=False)
class Page(Item):
    title: str = ""
    description: str = ""

    @property
    def url(self) -> str:
        return {"index": "", "404": "404.html"}.get(self.slug, f"{self.slug}/")

    @property
    def save_as(self) -> str:
        return self.url if self.url.endswith(".html") else f"{self.url}index.html"


@dataclass(repr=False)
class Entity(Item):
    """A company, agency, organisation, person, product or programme the sources name."""

    name: str = ""
    type: str = ""
    aliases: tuple[str, ...] = ()
    events: list[Event] = field(default_factory=list)
    campaigns_led: list[Campaign] = field(default_factory=list)
    campaigns_targeting: list[Campaign] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    relationships: tuple = ()  # specs from the file: {verb, object, cite, index}
    mentions: list[EntityMention] = field(default_factory=list)
    named_with: list[tuple[Entity, int]] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.name

    @property
    def url(self) -> str:
        return f"entities/{self.slug}/"

    @property
    def timeline_url(self) -> str:
        return f"timeline/entity/{self.slug}/"

    @property
    def mentions_by_item(self) -> list[tuple[Item, list[EntityMention]]]:
        grouped: dict[int, tuple[Item, list]] = {}
        for mention in self.mentions:
            grouped.setdefault(id(mention.item), (mention.item, []))[1].append(mention)
        return list(grouped.values())

    @property
    def save_as(self) -> str:
        return f"{self.url}index.html"


@dataclass(repr=False)
class Relationship:
    """Subject verb object, as a cited statement: 'Amazon Web Services hosts Palantir.'"""

    subject: Entity
    verb: str
    object: Entity
    html: str  # the statement rendered with its citation marker
    citation: object

    @property
    def phrase(self) -> str:
        return RELATIONSHIP_VERBS[self.verb]


@dataclass(repr=False)
class EntityMention:
    """One place an entity is named: the item, its paragraph anchor (if any) and the sentence."""

    item: Item
    anchor: str | None
    sentence: str

    @property
    def link(self) -> str:
        # A source paragraph (#p4), else the item's own place on its page (#employees-letter).
        anchor = self.anchor or getattr(self.item, "anchor", None)
        return self.item.url + (f"#{anchor}" if anchor else "")


@dataclass(repr=False)
class Event(Item):
    """Something that happened, dated at the precision the sources allow, with citations."""

    title: str = ""
    date: object = None  # facts.Fact holding a PartialDate
    end: object = None
    group: str = ""
    expected: bool = False  # the sources foresee it; it had not happened when they were published
    entity_slugs: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    @property
    def url(self) -> str:
        return "timeline/"

    @property
    def anchor(self) -> str:
        return self.slug

    @property
    def group_label(self) -> str:
        return EVENT_GROUPS[self.group]


@dataclass
class Quoted:
    """A source's own words with their citation, rendered and checked like any quotation."""

    quote: str
    cite: str
    html: str
    citation: object  # citations.Citation
    category: str | None = None
    value: str | None = None  # a claim's answer, as the source states it
    reckoning: str | None = None  # how the project worked out a value the quotation does not state

    @property
    def category_label(self) -> str:
        return DEMAND_CATEGORIES.get(self.category, "")


@dataclass(repr=False)
class Campaign(Item):
    """A letter, petition, resignation or threat: who asked whom for what, and what came of it."""

    title: str = ""
    actor_slug: str = ""
    target_slugs: list[str] = field(default_factory=list)
    date: object = None
    form: str = ""
    participants: list[Quoted] = field(default_factory=list)
    demands: list[Quoted] = field(default_factory=list)
    outcome: list[Quoted] = field(default_factory=list)
    notes: list = field(default_factory=list)
    actor: Entity | None = None
    targets: list[Entity] = field(default_factory=list)

    @property
    def url(self) -> str:
        return "demands/"

    @property
    def anchor(self) -> str:
        return f"campaign-{self.slug}"

    @property
    def citations(self) -> list:
        quoted = [q.citation for q in (*self.participants, *self.demands, *self.outcome) if q.citation]
        return [*quoted, *self.rendered.citations]

    def demands_in(self, category: str) -> list[Quoted]:
        return [demand for demand in self.demands if demand.category == category]


@dataclass(repr=False)
class Claim(Item):
    """A question of fact, and each source's answer in its own words."""

    question: str = ""
    entity_slugs: list[str] = field(default_factory=list)
    disputed: bool = False
    answers: list[Quoted] = field(default_factory=list)
    notes: list = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.question

    @property
    def url(self) -> str:
        return "differences/"

    @property
    def anchor(self) -> str:
        return f"claim-{self.slug}"

    @property
    def values(self) -> list[str]:
        """The different answers, each in the first wording given for it."""
        return distinct_answers([answer.value for answer in self.answers])

    @property
    def known_values(self) -> list[str]:
        return [value for value in self.values if is_known(value)]

    @property
    def sources_differ(self) -> bool:
        """Two sources give different figures; one that does not know contradicts nobody."""
        return len(self.known_values) > 1

    @property
    def citations(self) -> list:
        return [answer.citation for answer in self.answers if answer.citation]


@dataclass(repr=False)
class CitingItem:
    """One page or item that cites a source, and the ids of its markers (the citing spots)."""

    item: Item
    ref_ids: list[str]

    @property
    def title(self) -> str:
        return getattr(self.item, "title", "") or self.item.slug

    @property
    def kind(self) -> str:
        return type(self.item).__name__.lower()


@dataclass(repr=False)
class Model:
    sources: list[Source]
    pages: dict[str, Page]
    entities: dict[str, Entity] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    campaigns: list[Campaign] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)
    relationship_notes: list = field(default_factory=list)

    @property
    def sources_by_slug(self) -> dict[str, Source]:
        return {s.slug: s for s in self.sources}

    def items(self) -> list[Item]:
        return [
            *self.sources,
            *self.pages.values(),
            *self.entities.values(),
            *self.events,
            *self.campaigns,
            *self.claims,
        ]

    def pages_of_their_own(self) -> list[Item]:
        """Items written to an address of their own (events live on the timeline)."""
        return [*self.sources, *self.pages.values(), *self.entities.values()]

    def site_paths(self) -> set[str]:
        filters = {"/" + entity.timeline_url for entity in self.entities.values()}
        return set(FIXED_PATHS) | filters | {"/" + item.url for item in self.pages_of_their_own()}


def load_model(content_dir: Path, siteurl: str = "", cache: RenderCache | None = None) -> Model:
    errors = ErrorCollector()
    loader = _Loader(content_dir, siteurl, errors, cache or RenderCache())
    # Names come first: every text is rendered with its mentions of entities linked.
    entity_documents = loader.documents("entities")
    matcher = loader.entity_matcher(entity_documents)
    loader.source_renderer = MarkdownRenderer(siteurl, number_paragraphs=True, entity_matcher=matcher)
    sources = [s for s in loader.collection("sources", loader.source, required=True) if s]
    # The project's own writing is rendered once the sources it cites are known. A source that
    # failed to load has its own error; citing it is not another one.
    loader.writing_renderer = MarkdownRenderer(
        siteurl,
        sources={s.slug: s for s in sources},
        entity_matcher=matcher,
        unavailable=frozenset(loader.failed["sources"]),
    )
    entities = [e for e in loader.loaded("entities", entity_documents, loader.entity) if e]
    events = [e for e in loader.collection("events", loader.event) if e]
    campaigns = [c for c in loader.collection("campaigns", loader.campaign) if c]
    claims = [c for c in loader.collection("claims", loader.claim) if c]
    pages = [p for p in loader.collection("pages", loader.page, required=True) if p]
    loader.count_citing_files()
    errors.raise_if_any()
    model = Model(
        sorted(sources, key=_chronological),
        {p.slug: p for p in pages},
        {e.slug: e for e in entities},
        sorted(events, key=lambda e: (e.date.value.sort_key(), e.slug)),
        sorted(campaigns, key=lambda c: (c.date.value.sort_key(), c.slug)),
        claims,
    )
    _check_addresses(model, errors)
    errors.raise_if_any()
    _resolve(model, errors, loader)
    errors.raise_if_any()
    return model


def _line_of_name(document: Document, name: str) -> int:
    """The line where an entity file gives `name`: its name, or the alias."""
    aliases = document.meta.get("aliases")
    if isinstance(aliases, list) and name in aliases:
        return document.line_of("aliases", aliases.index(name))
    return document.line_of("name")


def _entity_slugs_named(meta: dict) -> set[str]:
    """The entity slugs a file's metadata names (entities, actor, targets, relationships)."""
    named = set()
    for key in ("entities", "targets"):
        if isinstance(meta.get(key), list):
            named.update(value for value in meta[key] if isinstance(value, str))
    if isinstance(meta.get("actor"), str):
        named.add(meta["actor"])
    for relationship in meta.get("relationships") or []:
        if isinstance(relationship, dict) and isinstance(relationship.get("object"), str):
            named.add(relationship["object"])
    return named


def _error_order(error: ContentError):
    return (error.line, error.problem)


def _chronological(source: Source):
    date = source.fields["date"]
    return (not date.known, date.value.sort_key() if date.known else (0, 0, 0), source.slug)


class _Loader:
    def __init__(self, content_dir: Path, siteurl: str, errors: ErrorCollector, cache: RenderCache):
        self.content_dir, self.errors, self.cache = content_dir, errors, cache
        self.display_root = content_dir.parent
        self.source_renderer: MarkdownRenderer | None = None
        self.writing_renderer: MarkdownRenderer | None = None
        self.failed: dict[str, set[str]] = {}  # collection -> slugs of files that did not load
        self.citing_failed: dict[str, set[str]] = {}  # source key -> paths of files citing it
        self.read: list[Document] = []  # every document read, of every collection
        # Links, devices and pipes are reported once, here, and never opened.
        self.irregular = set()
        for path, kind in irregular_entries(content_dir):
            self.irregular.add(path)
            self.errors.errors.append(irregular_entry_error(self._display(path), kind))

    def collection(self, name, load_one, required=False):
        return self.loaded(name, self.documents(name, required), load_one)

    def loaded(self, name, documents, load_one) -> list:
        """load_one(slug, document) for each document; None (and a failure noted) where it fails."""
        loaded = []
        for slug, document in documents:
            item = load_one(slug, document)
            if item is None:
                self.failed[name].add(slug)
            loaded.append(item)
        return loaded

    def _note_citing(self, document: Document, rendered: Rendered) -> None:
        for key in rendered.unavailable_cited:
            self.citing_failed.setdefault(key, set()).add(document.path)

    def count_citing_files(self) -> None:
        """A source or entity that failed to load says, in its first error, how many files need it.

        Those files report nothing of their own about it: one mistake, one error.
        """
        for key, paths in self.citing_failed.items():
            self._count_in_first_error(f"sources/{key}.md", paths, "cite")
        for slug in self.failed["entities"]:
            naming = {d.path for d in self.read if slug in _entity_slugs_named(d.meta)}
            self._count_in_first_error(f"entities/{slug}.md", naming, "name")

    def _count_in_first_error(self, relative: str, paths: set[str], verb: str) -> None:
        path = self._display(self.content_dir / relative)
        first = next((e for e in sorted(self.errors.errors, key=_error_order) if e.path == path), None)
        if first is None or not paths:
            return
        count = f"1 file {verb}s it" if len(paths) == 1 else f"{len(paths)} files {verb} it"
        self.errors.errors[self.errors.errors.index(first)] = replace(
            first, problem=f"{first.problem} ({count})"
        )

    def entity_matcher(self, entity_documents) -> EntityMatcher:
        """Every entity's name and aliases; an alias two entities claim is reported."""
        quiet = ErrorCollector()  # field errors are reported when the entities load
        names = {}
        for slug, document in entity_documents:
            fields = read_fields(document, ENTITY_FIELDS, quiet)
            if fields:
                names[slug] = [fields["name"], *fields["aliases"]]
        matcher = EntityMatcher(names)
        documents = dict(entity_documents)
        for clash in matcher.clashes:
            second, first = documents[clash.second], documents[clash.first]
            where = f"{first.path}:{_line_of_name(first, clash.alias)}"
            self.errors.add(
                second.path,
                _line_of_name(second, clash.alias),
                f"the name '{clash.alias}' is also claimed by {where}",
                "give each name to one entity only: remove it from one of the two files",
            )
        return matcher

    def documents(self, name, required=False) -> list[tuple[str, Document]]:
        self.failed.setdefault(name, set())
        folder = self.content_dir / name
        if self.irregular & {self.content_dir, folder}:
            return []
        if not folder.is_dir() and not required:
            return []  # git keeps no empty folders: an absent optional collection is empty
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
            if file.name.startswith(".") or file in self.irregular or file.is_dir():
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
                raw = read_content_file(file, display)
                document = self.cache.memo("document", (display, raw), partial(parse_document, raw, display))
            except ContentError as exc:
                self.errors.errors.append(exc)
                self.failed[name].add(file.stem)
                continue
            items.append((file.stem, document))
            self.read.append(document)
        return items

    def _display(self, file: Path) -> str:
        return file.relative_to(self.display_root).as_posix()

    def _render(self, renderer, document: Document, namespace: str = "", self_entity=None) -> Rendered:
        rendered = self.cache.render(renderer, document.body, namespace, self_entity)
        self._note_citing(document, rendered)
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
        published, accessed = fields["date"], fields["accessed"]
        if published.known and accessed.known and accessed.value.latest() < published.value.earliest():
            self.errors.add(
                document.path,
                document.line_of("accessed"),
                f"the copy is said to be accessed on {accessed.value.text()}, before the source was "
                f"published ({published.value.text()})",
                "correct 'accessed' or 'date'",
            )
        return Source(slug, document.path, document, rendered, fields)

    def _writing(self, slug, document, fields_spec, cls, require_citation, namespace=None, self_entity=None):
        """Project-written items (entities, events, pages): fields plus cited Markdown.

        Note ids get the slug as a prefix, as several items may share a page.
        """
        fields = read_fields(document, fields_spec, self.errors)
        prefix = f"{slug}-" if namespace is None else namespace
        rendered = self._render(self.writing_renderer, document, prefix, self_entity=self_entity)
        if fields is None:
            return None
        if require_citation and not rendered.citations:
            self.errors.add(
                document.path,
                document.body_line,
                "the description cites no source",
                "end each factual sentence with a citation such as [@wsws-2018-06-25, para. 3]",
            )
        return cls(slug, document.path, document, rendered, **fields)

    def entity(self, slug, document):
        return self._writing(slug, document, ENTITY_FIELDS, Entity, require_citation=True, self_entity=slug)

    def event(self, slug, document):
        event = self._writing(slug, document, EVENT_FIELDS, _event_from_fields, require_citation=True)
        if event and event.end and event.end.value.sort_key() < event.date.value.sort_key():
            self.errors.add(
                document.path,
                document.line_of("end"),
                f"the event ends ({event.end.value.iso()}) before it starts ({event.date.value.iso()})",
                "swap the dates, or correct the end date",
            )
        if event and not event.expected:
            self._check_reported_before(event)
        return event

    def _check_reported_before(self, event) -> None:
        """An event cannot start after every source that reports it was published."""
        published = [
            c.note.source.date.value
            for c in event.citations
            if c.note and c.note.source and c.note.source.date.known
        ]
        if published and event.date.value.earliest() > max(date.latest() for date in published):
            last = max(published, key=lambda date: date.latest())
            self.errors.add(
                event.path,
                event.document.line_of("date"),
                f"the event is dated {event.date.value.text()}, after every source that reports it "
                f"(the latest is dated {last.text()})",
                "correct the date; or, for something the sources expect to happen, add 'expected: true'",
            )

    def campaign(self, slug, document):
        fields = read_fields(document, CAMPAIGN_FIELDS, self.errors)
        if fields is None:
            return None
        quoted, rendered, notes = self._quoted_fields(
            slug, document, fields, ("participants", "demands", "outcome")
        )
        campaign = Campaign(
            slug,
            document.path,
            document,
            rendered,
            title=fields["title"],
            actor_slug=fields["actor"],
            target_slugs=fields["targets"],
            date=fields["date"],
            form=fields["form"],
            notes=notes,
            **quoted,
        )
        return campaign

    def claim(self, slug, document):
        fields = read_fields(document, CLAIM_FIELDS, self.errors)
        if fields is None:
            return None
        quoted, rendered, notes = self._quoted_fields(slug, document, fields, ("answers",))
        answers = quoted["answers"]
        claim = Claim(
            slug,
            document.path,
            document,
            rendered,
            question=fields["question"],
            entity_slugs=list(fields["entities"]),
            disputed=fields["disputed"],
            answers=answers,
            notes=notes,
        )
        for index, answer in enumerate(answers):
            missing = figures_missing_from_quotation(answer.value, answer.quote)
            if missing and not answer.reckoning:
                self.errors.add(
                    document.path,
                    document.line_of("answers", index, "value"),
                    f"the value '{answer.value}' states {missing[0]}, which its quotation does not",
                    "give the figure as the quotation states it, or add 'reckoning:' saying how "
                    "this site worked it out",
                )
        cited = {answer.citation.key for answer in answers if answer.citation}
        if claim.disputed and len(cited) < 2:
            self.errors.add(
                document.path,
                document.line_of("disputed"),
                "the claim is marked disputed but only one source answers it",
                "add another source's answer, or remove 'disputed: true'",
            )
        elif claim.disputed and not claim.sources_differ:
            self.errors.add(
                document.path,
                document.line_of("disputed"),
                "the claim is marked disputed but every answer gives the same value",
                "remove 'disputed: true', or correct the values",
            )
        return claim

    def _quoted_fields(self, slug, document, fields, names):
        """Render each {quote, cite} of the named fields, then the body, numbering notes together."""
        entries = [(name, index, entry) for name in names for index, entry in enumerate(fields[name])]
        used = [(key, sorted(e.items())) for *key, e in entries]
        renderer = self.writing_renderer
        result = self.cache.memo(
            "quoted fields",
            (renderer.fingerprint, slug, document.body, repr(used)),
            partial(_render_quoted_fields, renderer, f"{slug}-", document.body, names, entries),
            renderer.sources,
            checked_against=lambda done: [note.source for note in done.notes],
            keep=lambda done: not done.problems,
        )
        self._note_citing(document, result.rendered)
        for key, problem in result.problems:
            field_name = "cite" if problem.about == "citation" else "quote"
            line = document.line_of(*key, field_name) if key else document.body_line_of(problem.needle)
            self.errors.add(document.path, line, problem.problem, problem.fix)
        return result.quoted, result.rendered, result.notes

    def page(self, slug, document):
        # One page, one set of notes: plain ids such as #cite-note-1.
        return self._writing(slug, document, PAGE_FIELDS, Page, require_citation=False, namespace="")


@dataclass
class _QuotedFields:
    quoted: dict[str, list[Quoted]]
    rendered: Rendered
    notes: list
    problems: list[tuple[tuple | None, object]]  # (field key, or None for the body; problem)


def _render_quoted_fields(renderer, namespace: str, body: str, names, entries) -> _QuotedFields:
    """Each {quote, cite} entry as “quote”[@cite], so the quotation check applies, then the body."""
    notebook, problems, unavailable = {}, [], set()
    quoted: dict[str, list[Quoted]] = {name: [] for name in names}
    for name, index, entry in entries:
        quote, cite = entry["quote"], entry["cite"]
        rendered = renderer.render(f"\u201c{quote}\u201d[@{cite}]", namespace, notebook, quoted_field=True)
        problems += [((name, index), problem) for problem in rendered.problems]
        unavailable |= rendered.unavailable_cited
        citation = rendered.citations[0] if rendered.citations else None
        quoted[name].append(
            Quoted(
                quote,
                cite,
                rendered.html,
                citation,
                entry.get("category"),
                entry.get("value"),
                entry.get("reckoning"),
            )
        )
    body_rendered = renderer.render(body, namespace, notebook)
    body_rendered.unavailable_cited |= unavailable
    problems += [(None, problem) for problem in body_rendered.problems]
    return _QuotedFields(quoted, body_rendered, list(notebook.values()), problems)


def _event_from_fields(slug, path, document, rendered, entities, **fields):
    return Event(slug, path, document, rendered, entity_slugs=entities, **fields)


def _check_addresses(model: Model, errors: ErrorCollector) -> None:
    """Two items may not claim one address (a page named sources.md would hide the list)."""
    owners = dict(FIXED_PATHS)
    for item in model.pages_of_their_own():
        address = "/" + item.url
        if address in owners:
            errors.add(
                item.path,
                1,
                f"the address {address} is already used by {owners[address]}",
                "rename the file to give it another slug",
            )
        owners.setdefault(address, f"{item.path}:1")
    if "index" not in model.pages:
        errors.add("content/pages/index.md", 1, "the home page is missing", "restore content/pages/index.md")


def _link_relationships(model: Model, errors: ErrorCollector, loader) -> None:
    """Render each relationship as a cited sentence; one notebook numbers them for /entities/."""
    notebook = {}
    for subject in model.entities.values():
        for spec in subject.relationships:
            key = ("relationships", spec["index"])
            obj = _entity(model, subject, (*key, "object"), spec["object"], errors)
            if obj is None:
                continue
            if obj is subject:
                errors.add(
                    subject.path,
                    subject.document.line_of(*key, "object"),
                    f"{subject.slug} is given a relationship with itself",
                    "name another entity as the object",
                )
                continue
            sentence = f"{subject.name} {RELATIONSHIP_VERBS[spec['verb']]} {obj.name}.[@{spec['cite']}]"
            rendered = loader.writing_renderer.render(sentence, "relationships-", notebook, subject.slug)
            for problem in rendered.problems:
                errors.add(subject.path, subject.document.line_of(*key, "cite"), problem.problem, problem.fix)
            citation = rendered.citations[0] if rendered.citations else None
            model.relationships.append(Relationship(subject, spec["verb"], obj, rendered.html, citation))
    model.relationship_notes = list(notebook.values())


def _resolve(model: Model, errors: ErrorCollector, loader) -> None:
    by_slug = model.sources_by_slug
    for source in model.sources:
        _resolve_text_from(source, by_slug, errors)
        source.relative_dates = [
            _resolve_relative_date(source, entry, errors) for entry in source.fields["relative_dates"]
        ]
    _collect_cited_by(model)
    _collect_mentions(model)
    _link_events_and_entities(model, errors)
    _link_campaigns(model, errors)
    _link_claims(model, errors)
    _link_relationships(model, errors, loader)
    site_paths = model.site_paths()
    for item in model.items():
        for link in item.rendered.internal_links:
            _check_internal_link(item, link, site_paths, by_slug, errors)


def _entity(model: Model, item: Item, key: tuple, slug: str, errors: ErrorCollector) -> Entity | None:
    """The entity a field names, or None after reporting the unknown slug at that field's line."""
    entity = model.entities.get(slug)
    if entity is None:
        errors.add(
            item.path,
            item.document.line_of(*key),
            f"no entity has the slug '{slug}'",
            "use a file name from content/entities/ without .md, or add the entity",
        )
    return entity


def _link_events_and_entities(model: Model, errors: ErrorCollector) -> None:
    for event in model.events:
        for index, slug in enumerate(event.entity_slugs):
            if entity := _entity(model, event, ("entities", index), slug, errors):
                event.entities.append(entity)
                entity.events.append(event)


def _link_claims(model: Model, errors: ErrorCollector) -> None:
    for claim in model.claims:
        for index, slug in enumerate(claim.entity_slugs):
            if entity := _entity(model, claim, ("entities", index), slug, errors):
                claim.entities.append(entity)
                entity.claims.append(claim)


def _link_campaigns(model: Model, errors: ErrorCollector) -> None:
    for campaign in model.campaigns:
        if actor := _entity(model, campaign, ("actor",), campaign.actor_slug, errors):
            campaign.actor = actor
            actor.campaigns_led.append(campaign)
        for index, slug in enumerate(campaign.target_slugs):
            if target := _entity(model, campaign, ("targets", index), slug, errors):
                campaign.targets.append(target)
                target.campaigns_targeting.append(campaign)


def _collect_mentions(model: Model) -> None:
    """Each entity's mentions across the content, and the entities most often named with it."""
    together: dict[str, Counter] = {slug: Counter() for slug in model.entities}
    for item in model.items():
        by_place: dict[str | None, set[str]] = {}
        for mention in item.rendered.mentions:
            entity = model.entities[mention.slug]
            entity.mentions.append(EntityMention(item, mention.anchor, mention.sentence))
            by_place.setdefault(mention.anchor or item.slug, set()).add(mention.slug)
        for named in by_place.values():
            for slug in named:
                together[slug].update(named - {slug})
    for slug, counts in together.items():
        ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))[:6]
        model.entities[slug].named_with = [(model.entities[other], n) for other, n in ranked]
    for source in model.sources:
        counts = Counter(mention.slug for mention in source.rendered.mentions)
        source.named = [
            (model.entities[slug], n) for slug, n in sorted(counts.items(), key=lambda p: (-p[1], p[0]))
        ]
    _relate_sources(model.sources)


# An entity nearly every source names (Amazon, say) tells little about which sources belong
# together, and counting it would compare every source with every other: time would grow with
# the square of the number of sources. Such entities are left out of the comparison.
COMMON_ENTITY_SOURCES = 50


def _relate_sources(sources: list[Source]) -> None:
    """Each source's four closest sources: those that name most of the same entities."""
    by_slug = {source.slug: source for source in sources}
    naming: dict[str, list[Source]] = {}
    for source in sources:
        for entity, _ in source.named:
            naming.setdefault(entity.slug, []).append(source)
    for source in sources:
        shared = Counter()
        for entity, _ in source.named:
            others = naming[entity.slug]
            if len(others) <= COMMON_ENTITY_SOURCES:
                shared.update(other.slug for other in others if other is not source)
        ranked = sorted(shared.items(), key=lambda pair: (-pair[1], pair[0]))[:4]
        source.related = [(by_slug[slug], count) for slug, count in ranked]


def _collect_cited_by(model: Model) -> None:
    by_slug = model.sources_by_slug
    for item in model.items():
        spots: dict[str, list[str]] = {}
        for citation in item.citations:
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
    result = RelativeDate(phrase, number, unresolved=entry["unresolved"])
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
        resolved, rule = resolve(phrase, article_day)
    except UnresolvablePhrase:
        if not result.unresolved:
            errors.add(
                doc.path,
                line,
                f"the build cannot resolve '{phrase}'",
                f"list phrases of these forms: {KNOWN_FORMS}; or add 'unresolved:' saying why it names "
                "no single date",
            )
        return result
    if result.unresolved:
        errors.add(
            doc.path,
            doc.line_of("relative_dates", index, "unresolved"),
            f"'{phrase}' is marked unresolved, but the build resolves it to {resolved.text()}",
            "remove 'unresolved:'",
        )
        return result
    result.resolved = resolved
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
    # A number too long to be a paragraph's is not read as one (Python reads at most 4,300 digits).
    number = int(match.group(1)) if match and len(match.group(1)) <= 9 else 0
    if match and target and not 1 <= number <= len(target.paragraphs):
        errors.add(
            doc.path,
            line,
            f"the link '{link.needle}' names a paragraph that does not exist",
            f"{target.slug} has paragraphs 1 to {len(target.paragraphs)}",
        )
