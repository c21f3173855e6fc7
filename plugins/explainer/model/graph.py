"""The model: every item of the content by kind, linked into one graph, and the site's addresses."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..content.fields import EVENT_GROUPS
from .items import Campaign, Claim, Entity, Event, Item, Page, Relationship, Source

# Site paths the generators write whatever the content (README.md, "Site addresses").
FIXED_PATHS = {
    "/sources/": "the sources list",
    "/timeline/": "the timeline",
    "/entities/": "the list of people and organisations",
    "/search/": "the search page",
    "/data/sources.json": "the bibliography (CSL-JSON)",
    "/data/timeline.json": "the timeline export",
    "/data/timeline.timelinejs.json": "the TimelineJS export",
    "/demands/": "the demands compared",
    "/data/demands.json": "the demands export",
    "/data/demands.csv": "the demands export (CSV)",
    "/differences/": "where the reports differ",
    "/data/claims.json": "the claims export",
    "/data/entities.json": "the entities export",
    **{f"/timeline/group/{group}/": f"the timeline of {label}" for group, label in EVENT_GROUPS.items()},
}


@dataclass(repr=False)
class Model:
    sources: list[Source]
    pages: dict[str, Page]
    entities: dict[str, Entity] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    campaigns: list[Campaign] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)

    @property
    def sources_by_slug(self) -> dict[str, Source]:
        return {s.slug: s for s in self.sources}

    def items(self) -> list[Item]:
        return [
            *self.sources,
            *self.pages.values(),
            *self.entities.values(),
            *self.events,
            *self.campaigns,
            *self.claims,
        ]

    def pages_of_their_own(self) -> list[Item]:
        """Items written to an address of their own (events live on the timeline)."""
        return [*self.sources, *self.pages.values(), *self.entities.values()]

    def site_paths(self) -> set[str]:
        filters = {"/" + entity.timeline_url for entity in self.entities.values()}
        return set(FIXED_PATHS) | filters | {"/" + item.url for item in self.pages_of_their_own()}
