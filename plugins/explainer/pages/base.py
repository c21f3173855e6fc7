"""What every page generator shares: the model, the theme's filters, compiled templates, and
each page's JSON-LD and "last changed" date."""

from __future__ import annotations

from functools import partial

from markupsafe import Markup
from pelican.generators import Generator

from ..exports.page_citation import page_citation, source_citation
from ..exports.sitemap import NOT_CONTENT
from ..model.generator import CACHE_KEY, HISTORY_KEY, MODEL_KEY
from . import jsonld
from .notes import PageNotes
from .present import FILTERS
from .template_cache import SharedBytecode

BYTECODE_KEY = "explainer_template_bytecode"
NOTE_BODIES_KEY = "explainer_note_bodies"  # each note's reference and paragraph, made once a build


def is_source(item) -> bool:
    return hasattr(item, "display_title")


def name_of(item) -> str:
    """An item page's name as its heading shows it: a title the project wrote stays in brackets."""
    if is_source(item):
        return item.heading
    return item.title


class ThemedGenerator(Generator):
    """A generator that writes pages through the theme, with the site's filters and shared templates."""

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

    def page_notes(self, items) -> PageNotes:
        """One numbering for the notes of the items a page shows, in the order it shows them."""
        notes = PageNotes(self.settings["SITEURL"], self.context.setdefault(NOTE_BODIES_KEY, {}))
        for item in items:
            notes.add(item.citations)
        return notes

    def found_in_each_source(self, kind: str, find, exclude=None) -> list:
        """find(source) over every source but `exclude`, each answer kept between builds under
        the call (a finder's method, and the source; model/cache_keys.py)."""
        cache, found = self.context[CACHE_KEY], []
        for source in self.model.sources:
            if source is not exclude:
                found += cache.memo(kind, partial(find, source), {source.slug: source})
        return found

    def write(self, writer, item_or_path, template, **values):
        save_as = getattr(item_or_path, "save_as", item_or_path)
        # A generated page names itself (page_name); an item's page is named by its title.
        values.setdefault("page_name", name_of(item_or_path))
        # Pages without a more specific schema.org type are described as collections of content.
        values.setdefault("jsonld", jsonld.collection(values["page_name"], values["page_url"], self.settings))
        # Item pages show their own file's last commit; generated pages the latest in content/.
        values.setdefault("changed_file", getattr(item_or_path, "path", None))
        values.setdefault("changed", self.context[HISTORY_KEY].changed_on(values["changed_file"]))
        # Every page of content ends with how to cite it; the search page and 404 are not content.
        # A source's page holds someone else's text: it is cited as that source, not as ours.
        if save_as not in NOT_CONTENT:
            values.setdefault(
                "cite",
                source_citation(item_or_path, self.settings)
                if is_source(item_or_path)
                else page_citation(values["page_name"], values["page_url"], values["changed"], self.settings),
            )
        writer.write_page(save_as, self.get_template(template), self.context, **values)
