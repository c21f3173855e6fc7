"""The explainer's plugin for Pelican: one checked content model, and the generators that write it.

The build, stage by stage (ARCHITECTURE.md tells it in full):

    content/  read and check each file  ->  markup/  render Markdown, check quotations
    -> model/  load, link and cache the one model  ->  pages/ and exports/  write the site
    -> builder/  command line, site folder swap, search index

register() only wires Pelican's signals.
"""

import gc

from pelican import signals

from .builder.site_folder import SiteWriter
from .exports.generators import DataGenerator, FeedsAndImagesGenerator
from .model.generator import ModelGenerator, RenderCacheWriter
from .pages.demands import DemandsGenerator
from .pages.differences import DifferencesGenerator
from .pages.entities import EntityPagesGenerator
from .pages.prose import ProsePagesGenerator
from .pages.search import SearchPageGenerator
from .pages.sources import SourcePagesGenerator
from .pages.timeline import TimelineGenerator


def _generators(pelican):
    # The model generator comes first: the others read what it gathered. The cache is kept last.
    return [
        ModelGenerator,
        SourcePagesGenerator,
        ProsePagesGenerator,
        TimelineGenerator,
        DemandsGenerator,
        DifferencesGenerator,
        EntityPagesGenerator,
        SearchPageGenerator,
        FeedsAndImagesGenerator,
        DataGenerator,
        RenderCacheWriter,
    ]


def _writer(pelican):
    return SiteWriter


def _release_model(pelican):
    gc.unfreeze()  # the model was set aside from the collector while pages were written


def register():
    signals.get_generators.connect(_generators)
    signals.get_writer.connect(_writer)
    signals.finalized.connect(_release_model)
