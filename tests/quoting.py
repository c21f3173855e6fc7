"""A document's quotations in other sources, found as the Differences page finds them."""

from __future__ import annotations

from explainer.text.letter_quotes import QuoteFinder


def quoted_passages(document, sources, skipped=None) -> list:
    """Every quotation of `document` in the other `sources`, as the Differences page finds them."""
    finder = QuoteFinder(document, skipped or {})
    return [passage for source in sources if source is not document for passage in finder.in_source(source)]
