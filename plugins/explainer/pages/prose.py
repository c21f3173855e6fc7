"""The project's own pages: the home explainer, /about/ and /404.html."""

from __future__ import annotations

from . import jsonld
from .base import ThemedGenerator


class ProsePagesGenerator(ThemedGenerator):
    """The home explainer, /about/ and /404.html, written in content/pages/."""

    def generate_output(self, writer):
        for page in self.model.pages.values():
            data = jsonld.article(page, self.settings)
            notes = self.page_notes([page])
            self.write(writer, page, "page", page=page, notes=notes, page_url=page.url, jsonld=data)
