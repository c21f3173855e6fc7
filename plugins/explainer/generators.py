"""Pelican generators: gather the model (generate_context), then write pages (generate_output)."""

from __future__ import annotations

import gc
import json
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from markupsafe import Markup
from pelican.generators import Generator

from . import jsonld
from .claims_export import claims_json
from .collections import DEMAND_CATEGORIES, ENTITY_TYPES, EVENT_GROUPS
from .csl import csl_items
from .demands_export import demands_csv, demands_json
from .diagram import relationship_svg
from .entities_export import entities_json
from .feeds import sources_feed, timeline_feed
from .history import LATEST, last_changed
from .letter_quotes import QuoteFinder
from .model import load_model
from .present import FILTERS
from .render_cache import RenderCache
from .share_image import share_png
from .site_folder import SiteFolder
from .template_cache import SharedBytecode
from .textnorm import normalise
from .timeline import entries, eras
from .timeline_export import timeline_json, timelinejs
from .wording import WordingFinder

MODEL_KEY = "explainer_model"
CHANGED_KEY = "explainer_last_changed"
BYTECODE_KEY = "explainer_template_bytecode"
CACHE_KEY = "explainer_cache"


def write_output(output: Path, relative: str, content: str | bytes) -> None:
    """Write a file the theme does not render (data, feeds, images) into the output folder."""
    SiteFolder.writing_to(output).write(output / relative, content)


@contextmanager
def collector_paused():
    """Build the model without Python's cycle collector, then set the model aside from it.

    Every page reads the model until the build ends. Collections while it loads only walk it
    again as it grows, and once frozen (gc.freeze) it is not walked again for every page
    written: together about a fifth of a rebuild's time. The loading's own garbage (some
    50,000 objects, under 10 MB at 1,000 sources) is frozen with it: collecting it first
    would cost as much again. Pelican's `finalized` signal unfreezes everything (__init__.py),
    and so does the next load, should a build have stopped before that signal.
    """
    gc.unfreeze()  # one build's model at most stays set aside, however many run in a process
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        gc.freeze()
    finally:
        if was_enabled:
            gc.enable()


class _ThemedGenerator(Generator):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.env.filters.update(FILTERS)
        self.env.filters["html"] = Markup  # rendered Markdown is already safe
        # One compilation of each template for all generators (Pelican gives each its own Jinja).
        if BYTECODE_KEY not in self.context:
            self.context[BYTECODE_KEY] = SharedBytecode.from_settings(self.settings)
        self.env.bytecode_cache = self.context[BYTECODE_KEY]

    @property
    def model(self):
        return self.context[MODEL_KEY]

    def found_in_each_source(self, kind: str, subject: str, find, exclude=None) -> list:
        """find(source) over every source but `exclude`, each answer kept between builds.

        `subject` must stand for everything find reads besides the source's paragraphs.
        """
        cache, found = self.context[CACHE_KEY], []
        for source in self.model.sources:
            if source is not exclude:
                inputs = (subject, cache.paragraphs_digest(source))
                found += cache.memo(kind, inputs, partial(find, source), {source.slug: source})
        return found

    def write(self, writer, item_or_path, template, **values):
        save_as = getattr(item_or_path, "save_as", item_or_path)
        # Pages without a more specific schema.org type are described as collections of content.
        values.setdefault(
            "jsonld", jsonld.collection(self.settings["SITENAME"], values["page_url"], self.settings)
        )
        # Item pages show their own file's last commit; generated pages the latest in content/.
        changed = self.context[CHANGED_KEY]
        values.setdefault("changed_file", getattr(item_or_path, "path", None))
        values.setdefault("changed", changed.get(values["changed_file"]) or changed.get(LATEST))
        writer.write_file(save_as, self.get_template(template), self.context, relative_urls=False, **values)


class ModelGenerator(Generator):
    """Loads and validates all content once; fails before any page is written."""

    def generate_context(self):
        cache = self.context[CACHE_KEY] = RenderCache.from_settings(self.settings)
        with collector_paused():
            self.context[MODEL_KEY] = load_model(
                Path(self.path), siteurl=self.settings["SITEURL"], cache=cache
            )
        self.context[CHANGED_KEY] = last_changed(Path(self.path))


class SourcePagesGenerator(_ThemedGenerator):
    """/sources/ and one page per source."""

    def generate_output(self, writer):
        self.write(
            writer,
            "sources/index.html",
            "sources",
            sources=self.model.sources,
            page_url="sources/",
            jsonld=jsonld.collection("Sources", "sources/", self.settings),
        )
        for source in self.model.sources:
            self.write(
                writer,
                source,
                "source",
                source=source,
                page_url=source.url,
                jsonld=jsonld.source_work(source, self.settings),
            )


class ProsePagesGenerator(_ThemedGenerator):
    """The home explainer, /about/ and /404.html, written in content/pages/."""

    def generate_output(self, writer):
        for page in self.model.pages.values():
            data = (
                jsonld.website(self.settings) if page.slug == "index" else jsonld.article(page, self.settings)
            )
            self.write(
                writer, page, "page", page=page, sources=self.model.sources, page_url=page.url, jsonld=data
            )


class TimelineGenerator(_ThemedGenerator):
    """/timeline/, and the same timeline filtered to one group or one entity (no script needed)."""

    def generate_output(self, writer):
        ordered = entries(self.model)
        groups = [
            (slug, label, sum(e.group == slug for e in ordered)) for slug, label in EVENT_GROUPS.items()
        ]
        involved = sorted(
            (entity for entity in self.model.entities.values()), key=lambda entity: entity.name.casefold()
        )
        # Each entry appears on the full timeline, its group's and its entities' pages: rendered once.
        entry_template = self.get_template("_timeline_entry")
        siteurl = self.settings["SITEURL"]
        entry_html = {e.anchor: Markup(entry_template.render(SITEURL=siteurl, entry=e)) for e in ordered}
        common = {"groups": groups, "involved": involved, "all_count": len(ordered), "entry_html": entry_html}
        events = jsonld.timeline_events(ordered, self.settings)
        self.write(
            writer,
            "timeline/index.html",
            "timeline",
            eras=eras(ordered),
            page_url="timeline/",
            jsonld=events,
            **common,
        )
        for slug, label, _ in groups:
            chosen = [e for e in ordered if e.group == slug]
            path = f"timeline/group/{slug}/"
            self.write(writer, path + "index.html", "timeline", eras=eras(chosen), page_url=path,
                       filter_label=label, filter_group=slug, **common)  # fmt: skip
        # One pass over the entries, not one per entity: the pages stay linear in the content.
        by_entity: dict[str, list] = {slug: [] for slug in self.model.entities}
        for entry in ordered:
            for slug in dict.fromkeys(entry.entity_slugs):
                by_entity[slug].append(entry)
        for entity in self.model.entities.values():
            path = entity.timeline_url
            self.write(writer, path + "index.html", "timeline", eras=eras(by_entity[entity.slug]),
                       page_url=path, filter_label=entity.name, entity=entity, **common)  # fmt: skip


class DemandsGenerator(_ThemedGenerator):
    """/demands/: every campaign's demands side by side, and how sources word the letter's."""

    def generate_output(self, writer):
        campaigns = self.model.campaigns
        rows = [
            (slug, label)
            for slug, label in DEMAND_CATEGORIES.items()
            if any(c.demands_in(slug) for c in campaigns)
        ]
        self.write(
            writer,
            "demands/index.html",
            "demands",
            campaigns=campaigns,
            categories=rows,
            comparisons=self._comparisons(),
            page_url="demands/",
        )

    def _comparisons(self):
        """For demands quoted from a primary document, every other source's wording, aligned."""
        compared, aligned = [], {}
        for campaign in self.model.campaigns:
            for demand in campaign.demands:
                source = demand.citation.note.source
                if source.kind != "primary document" or not demand.citation.pinpoint:
                    continue
                # Each paragraph is compared with every source once, however many demands cite it.
                number = demand.citation.pinpoint.first
                if (source.slug, number) not in aligned:
                    finder = WordingFinder(source.paragraphs[number - 1])
                    aligned[source.slug, number] = self.found_in_each_source(
                        "wordings", finder.original, finder.in_source, exclude=source
                    )
                compared.append((campaign, demand, source, aligned[source.slug, number]))
        return compared


class DifferencesGenerator(_ThemedGenerator):
    """/differences/: where the sources' figures differ, and how each quotes primary documents."""

    def generate_output(self, writer):
        claims = sorted(self.model.claims, key=lambda c: (not c.sources_differ, c.question.casefold()))
        self.write(
            writer,
            "differences/index.html",
            "differences",
            differing=[c for c in claims if c.sources_differ],
            agreeing=[c for c in claims if not c.sources_differ],
            documents=[self._quoted(d) for d in self.model.sources if d.kind == "primary document"],
            page_url="differences/",
        )

    def _quoted(self, document):
        """The document's paragraphs, each with the passages of other sources that quote it."""
        finder, skip = QuoteFinder(document), self._reproductions(document)
        subject = repr((self.context[CACHE_KEY].paragraphs_digest(document), sorted(skip.items())))
        passages = self.found_in_each_source(
            "quotations", subject, lambda s: finder.in_source(s, skip.get(s.slug, set())), exclude=document
        )
        by_paragraph = [
            (number, text, [p for p in passages if p.first <= number <= p.last])
            for number, text in enumerate(document.paragraphs, 1)
        ]
        return document, by_paragraph

    @staticmethod
    def _reproductions(document):
        """Paragraphs of the source a document was copied from that are the copy itself."""
        origin = document.text_source
        if origin is None:
            return {}
        own = {normalise(p) for p in document.paragraphs}
        return {origin.slug: {n for n, p in enumerate(origin.paragraphs, 1) if normalise(p) in own}}


class EntityPagesGenerator(_ThemedGenerator):
    """/entities/, grouped by type, and one page per person, organisation, product or programme."""

    def generate_output(self, writer):
        entities = sorted(self.model.entities.values(), key=lambda e: e.name.casefold())
        by_type = [(kind, [e for e in entities if e.type == kind]) for kind in ENTITY_TYPES]
        diagram = Markup(relationship_svg(self.model.relationships))
        self.write(
            writer,
            "entities/index.html",
            "entities",
            by_type=[g for g in by_type if g[1]],
            page_url="entities/",
            diagram=diagram,
            relationships=self.model.relationships,
            notes=self.model.relationship_notes,
        )
        for entity in entities:
            self.write(
                writer,
                entity,
                "entity",
                entity=entity,
                page_url=entity.url,
                jsonld=jsonld.entity_thing(entity, self.settings),
            )


class FeedsAndImagesGenerator(Generator):
    """Atom feeds (production builds only: they need absolute addresses) and the share image."""

    def generate_output(self, writer):
        model, settings = self.context[MODEL_KEY], self.settings
        output = Path(self.output_path)
        image = share_png(settings["SITENAME"], settings["SITE_DESCRIPTION"])
        write_output(output, "theme/share.png", image)
        if settings.get("EXPLAINER_FEEDS"):
            write_output(output, "feeds/sources.atom.xml", sources_feed(model.sources, settings))
            write_output(output, "feeds/timeline.atom.xml", timeline_feed(model.events, settings))


class SearchPageGenerator(_ThemedGenerator):
    """/search/: a form over the Pagefind index, and links to every index without JavaScript."""

    def generate_output(self, writer):
        self.write(writer, "search/index.html", "search", page_url="search/")


class RenderCacheWriter(Generator):
    """Keeps this build's cached work for the next build, once every page is written."""

    def generate_output(self, writer):
        self.context[CACHE_KEY].save()


class DataGenerator(Generator):
    """/data/*.json: the content in formats others can reuse."""

    def generate_output(self, writer):
        model = self.context[MODEL_KEY]
        siteurl, sitename = self.settings["SITEURL"], self.settings["SITENAME"]
        self._write_json("data/sources.json", csl_items(model.sources, siteurl, sitename))
        ordered = entries(model)
        self._write_json("data/timeline.json", timeline_json(ordered, EVENT_GROUPS, siteurl))
        self._write_json(
            "data/timeline.timelinejs.json", timelinejs(ordered, f"{sitename}: timeline", siteurl)
        )
        self._write_json("data/demands.json", demands_json(model.campaigns))
        self._write_text("data/demands.csv", demands_csv(model.campaigns))
        self._write_json("data/claims.json", claims_json(model.claims))
        self._write_json(
            "data/entities.json", entities_json(model.entities.values(), model.relationships, siteurl)
        )

    def _write_json(self, relative: str, data) -> None:
        # Sorted keys and a fixed layout: the same content gives the same bytes.
        self._write_text(relative, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")

    def _write_text(self, relative: str, text: str) -> None:
        write_output(Path(self.output_path), relative, text)
