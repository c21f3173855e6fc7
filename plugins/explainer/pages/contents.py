"""A long page's map: the list of its sections near the top, each a link to its heading."""

from __future__ import annotations

NOTES = ("references-heading", "Notes")  # the heading theme/templates/_references.html writes


def contents(sections: list[tuple[str, str]], notes) -> list[tuple[str, str]]:
    """(anchor, heading) of each section in order, then the page's notes when it has any."""
    return [*sections, *([NOTES] if notes.notes else [])]
