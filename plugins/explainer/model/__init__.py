"""The one model of the site's content: loaded, checked and linked once per build.

loader.py reads every collection (documents.py) into items (builders.py, items.py), then links
them (links.py) into one graph (graph.py); a file that fails is reported once (failures.py).
The render cache keeps work between builds, beside what it caches.
"""

from .graph import Model
from .items import (
    Campaign,
    CitingItem,
    Claim,
    Entity,
    EntityMention,
    Event,
    Item,
    Page,
    Quoted,
    Relationship,
    Source,
)
from .loader import load_model

__all__ = [
    "Campaign",
    "CitingItem",
    "Claim",
    "Entity",
    "EntityMention",
    "Event",
    "Item",
    "Model",
    "Page",
    "Quoted",
    "Relationship",
    "Source",
    "load_model",
]
