"""/timeline/, filtered by group and by entity."""

from __future__ import annotations

from markupsafe import Markup

from ..content.fields import EVENT_GROUPS
from ..model.timeline import entries, eras
from . import jsonld
from .base import ThemedGenerator
from .contents import contents


class TimelineGenerator(ThemedGenerator):
    """/timeline/, and the same timeline filtered to one group or one entity (no script needed)."""

    def generate_output(self, writer):
        ordered = entries(self.model)
        groups = [
            (slug, label, sum(e.group == slug for e in ordered)) for slug, label in EVENT_GROUPS.items()
        ]
        involved = sorted(
            (entity for entity in self.model.entities.values()), key=lambda entity: entity.name.casefold()
        )
        # Each entry appears on the full timeline, its group's and its entities' pages: rendered once.
        entry_template = self.get_template("_timeline_entry")
        siteurl = self.settings["SITEURL"]
        entry_html = {e.anchor: Markup(entry_template.render(SITEURL=siteurl, entry=e)) for e in ordered}
        common = {"groups": groups, "involved": involved, "all_count": len(ordered), "entry_html": entry_html}
        self.write(
            writer,
            "timeline/index.html",
            "timeline",
            **self._sections(eras(ordered), self._notes(ordered)),
            page_url="timeline/",
            page_name="Timeline",
            jsonld=jsonld.timeline("Timeline", "timeline/", ordered, self.settings),
            **common,
        )
        for slug, label, _ in groups:
            chosen = [e for e in ordered if e.group == slug]
            path, name = f"timeline/group/{slug}/", f"Timeline: {label}"
            self.write(writer, path + "index.html", "timeline", page_url=path, page_name=name,
                       jsonld=jsonld.timeline(name, path, chosen, self.settings),
                       **self._sections(eras(chosen), self._notes(chosen)), filter_label=label,
                       filter_group=slug, **common)  # fmt: skip
        # One pass over the entries, not one per entity: the pages stay linear in the content.
        by_entity: dict[str, list] = {slug: [] for slug in self.model.entities}
        for entry in ordered:
            for slug in dict.fromkeys(entry.entity_slugs):
                by_entity[slug].append(entry)
        for entity in self.model.entities.values():
            path, name, chosen = entity.timeline_url, f"Timeline: {entity.name}", by_entity[entity.slug]
            self.write(writer, path + "index.html", "timeline", page_url=path, page_name=name,
                       jsonld=jsonld.timeline(name, path, chosen, self.settings),
                       **self._sections(eras(chosen), self._notes(chosen, entity)),
                       filter_label=entity.name, entity=entity, **common)  # fmt: skip

    @staticmethod
    def _sections(shown_eras, notes) -> dict:
        """The eras a page shows, its notes, and its map: one link to each era and to the notes."""
        return {
            "eras": shown_eras,
            "notes": notes,
            "contents": contents([(era.anchor, era.title) for era in shown_eras], notes),
        }

    def _notes(self, shown, entity=None):
        """The page's notes: the entity's description first, then each event in order."""
        return self.page_notes(([entity] if entity else []) + [e.event for e in shown if e.event])
