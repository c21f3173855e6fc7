"""/sources/ and one page per source."""

from __future__ import annotations

from . import jsonld
from .base import ThemedGenerator


class SourcePagesGenerator(ThemedGenerator):
    """/sources/ and one page per source."""

    def generate_output(self, writer):
        self.write(
            writer,
            "sources/index.html",
            "sources",
            sources=self.model.sources,
            page_url="sources/",
            jsonld=jsonld.collection("Sources", "sources/", self.settings),
        )
        for source in self.model.sources:
            self.write(
                writer,
                source,
                "source",
                source=source,
                page_url=source.url,
                jsonld=jsonld.source_work(source, self.settings),
            )
