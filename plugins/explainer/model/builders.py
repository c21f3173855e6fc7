"""One item from one document: its fields read, its text rendered and checked, per kind."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from ..content.errors import ErrorCollector
from ..content.fields import (
    CAMPAIGN_FIELDS,
    CLAIM_FIELDS,
    ENTITY_FIELDS,
    EVENT_FIELDS,
    PAGE_FIELDS,
    SOURCE_FIELDS,
)
from ..content.frontmatter import Document
from ..content.schema import read_fields, valid_fields
from ..markup.mentions import EntityMatcher
from ..markup.render import MarkdownRenderer, Rendered
from ..text.answers import figures_missing_from_quotation
from .items import Campaign, Claim, Entity, Event, Page, Quoted, Source

# What a source's name in lists rests on: its title, else its label.
NAMING_FIELDS = [spec for spec in SOURCE_FIELDS if spec.name in ("title", "label")]


def _line_of_name(document: Document, name: str) -> int:
    """The line where an entity file gives `name`: its name, or the alias."""
    aliases = document.meta.get("aliases")
    if isinstance(aliases, list) and name in aliases:
        return document.line_of("aliases", aliases.index(name))
    return document.line_of("name")


class ItemBuilder:
    """Builds items from the documents `reader` read, reporting each problem to `errors`."""

    def __init__(self, reader, errors: ErrorCollector, cache):
        self.reader, self.errors, self.cache = reader, errors, cache
        self.source_renderer: MarkdownRenderer | None = None
        self.writing_renderer: MarkdownRenderer | None = None
        self.citing_failed: dict[str, set[str]] = {}  # source key -> paths of files citing it

    def collection(self, name, load_one, required=False):
        return self.loaded(name, self.reader.documents(name, required), load_one)

    def loaded(self, name, documents, load_one) -> list:
        """load_one(slug, document) for each document; None (and a failure noted) where it fails."""
        loaded = []
        for slug, document in documents:
            item = load_one(slug, document)
            if item is None:
                self.reader.failed[name].add(slug)
            loaded.append(item)
        return loaded

    def _note_citing(self, document: Document, rendered: Rendered) -> None:
        for key in rendered.unavailable_cited:
            self.citing_failed.setdefault(key, set()).add(document.path)

    def entity_matcher(self, entity_documents, site_name: str = "") -> EntityMatcher:
        """Every entity's name and aliases; an alias two entities claim is reported. The site's
        own name is a title: the names inside it are not mentions."""
        quiet = ErrorCollector()  # field errors are reported when the entities load
        names = {}
        for slug, document in entity_documents:
            fields = read_fields(document, ENTITY_FIELDS, quiet)
            if fields:
                names[slug] = [fields["name"], *fields["aliases"]]
        matcher = EntityMatcher(names, titles=(site_name,))
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
        # Checks that need only the title and label, or only the text, are made whatever is wrong
        # elsewhere in the file: a new source's missing summary must not hide its missing label.
        naming = fields or valid_fields(document, NAMING_FIELDS)
        if {"title", "label"} <= naming.keys() and not naming["title"].known and not naming["label"]:
            self.errors.add(
                document.path,
                document.line_of("label" if "label" in document.meta else "title"),
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
        if fields is None or not rendered.paragraphs:  # citing it would only repeat the error
            return None
        published, accessed = fields["date"], fields["accessed"]
        if published.known and accessed.known and accessed.value.latest() < published.value.earliest():
            self.errors.add(
                document.path,
                document.line_of("accessed"),
                f"the copy is said to be accessed on {accessed.value.text()}, before the source was "
                f"published ({published.value.text()})",
                "correct 'accessed' or 'date'",
            )
        return made(Source, slug, document, rendered, fields)

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
        return made(cls, slug, document, rendered, fields)

    def entity(self, slug, document):
        return self._writing(slug, document, ENTITY_FIELDS, Entity, require_citation=True, self_entity=slug)

    def event(self, slug, document):
        event = self._writing(slug, document, EVENT_FIELDS, Event, require_citation=True)
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
        quoted, rendered = self._quoted_fields(slug, document, fields, ("participants", "demands", "outcome"))
        return made(Campaign, slug, document, rendered, fields, **quoted)

    def claim(self, slug, document):
        fields = read_fields(document, CLAIM_FIELDS, self.errors)
        if fields is None:
            return None
        quoted, rendered = self._quoted_fields(slug, document, fields, ("answers",))
        claim = made(Claim, slug, document, rendered, fields, **quoted)
        answers = claim.answers
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
        """Render each {quote, cite} of the named fields, then the body, one notebook for all."""
        entries = [(name, index, entry) for name in names for index, entry in enumerate(fields[name])]
        renderer = self.writing_renderer
        result = self.cache.memo(
            "quoted fields",
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
        return result.quoted, result.rendered

    def page(self, slug, document):
        # One page, one set of notes: plain ids such as #cite-note-1.
        return self._writing(slug, document, PAGE_FIELDS, Page, require_citation=False, namespace="")


@dataclass
class _QuotedFields:
    quoted: dict[str, list[Quoted]]
    rendered: Rendered
    notes: list  # every note of the fields and the body: what the cache checks the result against
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


def made(cls, slug: str, document: Document, rendered: Rendered, fields: dict, **worked_out):
    """An item of any kind, made the one way: the fields read from its file, under its class's
    names for them (FIELD_ATTRIBUTES), with what the builder worked out from some of them (a
    campaign's demands as checked quotations) in their place."""
    named = {cls.FIELD_ATTRIBUTES.get(name, name): value for name, value in fields.items()}
    return cls(slug, document.path, document, rendered, **(named | worked_out))
