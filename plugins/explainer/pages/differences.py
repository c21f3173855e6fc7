"""/differences/: the figures the sources disagree on, and how each quotes a primary document."""

from __future__ import annotations

from ..model.published import NOT_REPRODUCED
from ..text.edition import edition
from ..text.letter_quotes import QuoteFinder
from ..text.normal import normalise
from .base import ThemedGenerator
from .contents import contents

DISPUTED = ("differ", "Figures in dispute")
UNDISPUTED = ("agree", "Figures not in dispute")


class DifferencesGenerator(ThemedGenerator):
    """/differences/: where the sources' figures differ, and how each quotes primary documents."""

    def generate_output(self, writer):
        claims = sorted(self.model.claims, key=lambda c: (not c.sources_differ, c.question.casefold()))
        differing = [c for c in claims if c.sources_differ]
        agreeing = [c for c in claims if not c.sources_differ]
        documents = [self._edited(d) for d in self.model.sources if d.kind == "primary document"]
        notes = self.page_notes(differing + agreeing)
        sections = [DISPUTED, UNDISPUTED] + [(anchor, heading) for anchor, heading, _, _ in documents]
        self.write(
            writer,
            "differences/index.html",
            "differences",
            differing=differing,
            agreeing=agreeing,
            headings=dict(sections),
            notes=notes,
            documents=documents,
            contents=contents(sections, notes),
            page_url="differences/",
            page_name="Where the reports differ",
        )

    def _edited(self, document):
        """The document's paragraphs once, each with the quotations of it and where they differ."""
        finder = QuoteFinder(document, self._reproductions(document))
        passages = self.found_in_each_source("quotations", finder.in_source, exclude=document)
        # A deployment may publish only the cited paragraphs of some sources (model/published.py):
        # a paragraph not reproduced keeps its quotations and their differences, not its text.
        passages = [p for p in passages if p.source.shows(p.paragraph)]
        paragraphs = edition(document.paragraphs, passages)
        for paragraph in paragraphs:
            if not document.shows(paragraph.number):
                paragraph.text, paragraph.pieces = NOT_REPRODUCED, []
        heading = f"{document.display_title}, as quoted"
        return f"document-{document.slug}", heading, document, paragraphs

    @staticmethod
    def _reproductions(document):
        """Paragraphs of the source a document was copied from that are the copy itself."""
        origin = document.text_source
        if origin is None:
            return {}
        own = {normalise(p) for p in document.paragraphs}
        return {origin.slug: frozenset(n for n, p in enumerate(origin.paragraphs, 1) if normalise(p) in own)}
