"""The generators that write files the theme does not render: /data/*, feeds, the share image.

They write through Pelican's writer (the site's own, builder/site_folder.py), which they are
handed, so that exports never import the build stage above them.
"""

from __future__ import annotations

import json

from pelican.generators import Generator

from ..content.fields import EVENT_GROUPS
from ..model.generator import HISTORY_KEY, MODEL_KEY
from ..model.timeline import entries
from .claims import claims_json
from .csl import csl_items
from .demands import demands_csv, demands_json
from .entities import entities_json
from .feeds import sources_feed, timeline_feed
from .share_image import share_png
from .timeline import timeline_json, timelinejs


class FeedsAndImagesGenerator(Generator):
    """Atom feeds (production builds only: they need absolute addresses) and the share image."""

    def generate_output(self, writer):
        model, settings = self.context[MODEL_KEY], self.settings
        image = share_png(settings["SITENAME"], settings["SITE_DESCRIPTION"])
        writer.write_output("theme/share.png", image)
        if settings.get("EXPLAINER_FEEDS"):
            history = self.context[HISTORY_KEY]
            writer.write_output("feeds/sources.atom.xml", sources_feed(model.sources, settings, history))
            writer.write_output("feeds/timeline.atom.xml", timeline_feed(model.events, settings, history))


class DataGenerator(Generator):
    """/data/*.json: the content in formats others can reuse."""

    def generate_output(self, writer):
        self.writer = writer
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
        self.writer.write_output(relative, text)
