"""/entities/ and one page per entity."""

from __future__ import annotations

from markupsafe import Markup

from ..content.fields import ENTITY_TYPES
from . import jsonld
from .base import ThemedGenerator
from .diagram import relationship_svg


class EntityPagesGenerator(ThemedGenerator):
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
            page_name="People and organisations",
            diagram=diagram,
            relationships=self.model.relationships,
            notes=self.page_notes(self.model.relationships),
        )
        for entity in entities:
            self.write(
                writer,
                entity,
                "entity",
                entity=entity,
                notes=self.page_notes([entity]),
                page_url=entity.url,
                jsonld=jsonld.entity_thing(entity, self.settings),
            )
