"""/sources/ and one page per source."""

from __future__ import annotations

from . import jsonld
from .base import ThemedGenerator, name_of


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
        for source in self.model.sources:
            self.write(
                writer,
                source,
                "source",
                source=source,
                page_url=source.url,
                jsonld=jsonld.source_work(source, name_of(source), self.settings),
            )
