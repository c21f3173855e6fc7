"""The explainer's core plugin: one validated content model, and the generators that write it."""

import gc

from pelican import signals

from .generators import (
    DataGenerator,
    DemandsGenerator,
    DifferencesGenerator,
    EntityPagesGenerator,
    FeedsAndImagesGenerator,
    ModelGenerator,
    ProsePagesGenerator,
    RenderCacheWriter,
    SearchPageGenerator,
    SourcePagesGenerator,
    TimelineGenerator,
)
from .site_folder import SiteWriter


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
