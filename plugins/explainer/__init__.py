"""The explainer's core plugin: one validated content model, and the generators that write it."""

from pelican import signals

from .generators import (
    DataGenerator,
    DemandsGenerator,
    DifferencesGenerator,
    EntityPagesGenerator,
    FeedsAndImagesGenerator,
    ModelGenerator,
    ProsePagesGenerator,
    SearchPageGenerator,
    SourcePagesGenerator,
    TimelineGenerator,
)


def _generators(pelican):
    # The model generator comes first: the others read what it gathered.
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
    ]


def register():
    signals.get_generators.connect(_generators)
