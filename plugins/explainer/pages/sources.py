"""/sources/ and one page per source."""

from __future__ import annotations

from . import jsonld
from .base import ThemedGenerator, name_of
from .cited_here import citing_spots, source_text


class SourcePagesGenerator(ThemedGenerator):
    """/sources/ and one page per source."""

    def generate_output(self, writer):
        self.write(
            writer,
            "sources/index.html",
            "sources",
            sources=self.model.sources,
            page_url="sources/",
            page_name="Sources",
        )
        spots = citing_spots(self.model, self.settings.get("MENU", []))
        siteurl = self.settings["SITEURL"]
        for source in self.model.sources:
            self.write(
                writer,
                source,
                "source",
                source=source,
                text_html=source_text(source, spots.get(source.slug, []), siteurl),
                cited_here=bool(spots.get(source.slug)),
                page_url=source.url,
                jsonld=jsonld.source_work(source, name_of(source), self.settings),
            )
