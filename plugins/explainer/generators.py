"""Pelican generators: gather the model (generate_context), then write pages (generate_output)."""

from __future__ import annotations

import json
from pathlib import Path

from markupsafe import Markup
from pelican.generators import Generator

from .csl import csl_items
from .model import load_model
from .present import FILTERS

MODEL_KEY = "explainer_model"


class _ThemedGenerator(Generator):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.env.filters.update(FILTERS)
        self.env.filters["html"] = Markup  # rendered Markdown is already safe

    @property
    def model(self):
        return self.context[MODEL_KEY]

    def write(self, writer, item_or_path, template, **values):
        save_as = getattr(item_or_path, "save_as", item_or_path)
        writer.write_file(save_as, self.get_template(template), self.context, relative_urls=False, **values)


class ModelGenerator(Generator):
    """Loads and validates all content once; fails before any page is written."""

    def generate_context(self):
        self.context[MODEL_KEY] = load_model(Path(self.path), siteurl=self.settings["SITEURL"])


class SourcePagesGenerator(_ThemedGenerator):
    """/sources/ and one page per source."""

    def generate_output(self, writer):
        self.write(writer, "sources/index.html", "sources", sources=self.model.sources, page_url="sources/")
        for source in self.model.sources:
            self.write(writer, source, "source", source=source, page_url=source.url)


class ProsePagesGenerator(_ThemedGenerator):
    """The home explainer, /about/ and /404.html, written in content/pages/."""

    def generate_output(self, writer):
        for page in self.model.pages.values():
            self.write(writer, page, "page", page=page, sources=self.model.sources, page_url=page.url)


class DataGenerator(Generator):
    """/data/*.json: the content in formats others can reuse."""

    def generate_output(self, writer):
        model = self.context[MODEL_KEY]
        bibliography = csl_items(model.sources, self.settings["SITEURL"], self.settings["SITENAME"])
        self._write_json("data/sources.json", bibliography)

    def _write_json(self, relative: str, data) -> None:
        # Sorted keys and a fixed layout: the same content gives the same bytes.
        target = Path(self.output_path) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
