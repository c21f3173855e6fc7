"""/search/: the search form, usable without JavaScript."""

from __future__ import annotations

from .base import ThemedGenerator


class SearchPageGenerator(ThemedGenerator):
    """/search/: a form over the Pagefind index, and links to every index without JavaScript."""

    def generate_output(self, writer):
        self.write(writer, "search/index.html", "search", page_url="search/", page_name="Search")
