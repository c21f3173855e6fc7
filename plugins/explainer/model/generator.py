"""The first generator loads the model for all the others; the last keeps the render cache."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from pathlib import Path

from pelican.generators import Generator

from ..content.history import read_history, require_whole
from .loader import load_model
from .published import text_mode
from .render_cache import RenderCache

MODEL_KEY = "explainer_model"
HISTORY_KEY = "explainer_history"
CACHE_KEY = "explainer_cache"


@contextmanager
def collector_paused():
    """Build the model without Python's cycle collector, then set the model aside from it.

    Every page reads the model until the build ends. Collections while it loads only walk it
    again as it grows, and once frozen (gc.freeze) it is not walked again for every page
    written: together about a fifth of a rebuild's time. The loading's own garbage (some
    50,000 objects, under 10 MB at 1,000 sources) is frozen with it: collecting it first
    would cost as much again. Pelican's `finalized` signal unfreezes everything (explainer/__init__.py),
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


class ModelGenerator(Generator):
    """Loads and validates all content once; fails before any page is written."""

    def generate_context(self):
        cache = self.context[CACHE_KEY] = RenderCache.from_settings(self.settings)
        with collector_paused():
            self.context[MODEL_KEY] = load_model(
                Path(self.path),
                siteurl=self.settings["SITEURL"],
                cache=cache,
                text_mode=text_mode(self.settings),
                site_name=self.settings["SITENAME"],
            )
        history = self.context[HISTORY_KEY] = read_history(Path(self.path))
        # Feeds (the production build) date what they publish from the history: it must be whole.
        if self.settings.get("EXPLAINER_FEEDS"):
            require_whole(history, [item.path for item in self.context[MODEL_KEY].items()])


class RenderCacheWriter(Generator):
    """Keeps this build's cached work for the next build, once every page is written."""

    def generate_output(self, writer):
        self.context[CACHE_KEY].save()
