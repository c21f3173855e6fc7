"""/demands/: a matrix of who asked for what, each campaign's card, and the letter's wording."""

from __future__ import annotations

from ..content.fields import DEMAND_CATEGORIES, DEMAND_SHORT_LABELS
from ..text.wording import WordingFinder
from .base import ThemedGenerator
from .contents import contents

CAMPAIGNS = ("campaigns-heading", "Each campaign, in its own words")
WORDING = ("wording-heading", "How the sources word the letter's demands")


class DemandsGenerator(ThemedGenerator):
    """/demands/: a matrix to scan, one card per campaign with the words, and how sources word
    the letter's demands."""

    def generate_output(self, writer):
        campaigns = self.model.campaigns  # in date order, as the model holds them
        rows = [
            (slug, label, DEMAND_SHORT_LABELS.get(slug, label))
            for slug, label in DEMAND_CATEGORIES.items()
            if any(c.demands_in(slug) for c in campaigns)
        ]
        comparisons, notes = self._comparisons(), self.page_notes(campaigns)
        sections = [CAMPAIGNS, *([WORDING] if comparisons else [])]
        self.write(
            writer,
            "demands/index.html",
            "demands",
            campaigns=campaigns,
            categories=rows,
            comparisons=comparisons,
            headings=dict(sections),
            contents=contents(sections, notes),
            notes=notes,
            page_url="demands/",
            page_name="Demands compared",
        )

    def _comparisons(self):
        """For demands quoted from a primary document, every other source's wording, aligned."""
        compared, aligned = [], {}
        for campaign in self.model.campaigns:
            for demand in campaign.demands:
                source = demand.citation.note.source
                if source.kind != "primary document" or not demand.citation.pinpoint:
                    continue
                # Each paragraph is compared with every source once, however many demands cite it.
                number = demand.citation.pinpoint.first
                if (source.slug, number) not in aligned:
                    finder = WordingFinder(source.paragraphs[number - 1])
                    aligned[source.slug, number] = self.found_in_each_source(
                        "wordings", finder.in_source, exclude=source
                    )
                compared.append((campaign, demand, source, aligned[source.slug, number]))
        return compared
