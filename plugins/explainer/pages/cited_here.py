"""A source's text as its page shows it: in each paragraph the words the site quotes from it are
marked, and a paragraph that a note leads to lists the places that cite it.

That list is hidden until a reader arrives at the paragraph (the stylesheet shows it for the
paragraph in the address, `#p4`), so the way back to the sentence needs neither JavaScript nor
the browser's Back button; theme/static/js/came-from.js narrows it to the one sentence the
reader came from, when the preview's link says which.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..markup.marker_slots import without_markers
from ..markup.paragraph_marks import mark_paragraphs
from ..model.items import Page
from ..text.highlight import folded_spaces, quoted_ranges


@dataclass(frozen=True)
class Spot:
    """One marker on the site that cites paragraphs of a source."""

    page_url: str  # the page it stands on, below SITEURL: "timeline/"
    label: str  # how the list names it: "Timeline: DHS begins sending…"
    ref_id: str
    first: int
    last: int
    quotations: tuple[str, ...]


def citing_spots(model, menu) -> dict[str, list[Spot]]:
    """Source slug -> every marker citing some of its paragraphs, in the order of the model.

    `menu` (the MENU setting) names the section each marker stands in: an event's is the
    timeline, an entity's page is under "Who's who". The project's own pages go by their titles.
    """
    sections = sorted(((path, label) for label, path in menu if path), key=lambda p: -len(p[0]))
    spots: dict[str, list[Spot]] = defaultdict(list)

    def label(title: str, url: str) -> str:
        where = next((name for path, name in sections if url.startswith(path)), None)
        return f"{where}: {title}" if where else title

    for item in model.items():
        title = getattr(item, "title", "") or getattr(item, "name", "") or item.slug
        _add(spots, item.citations, item.url, title if isinstance(item, Page) else label(title, item.url))
    for relationship in model.relationships:
        # The statement as the page words it, without its marker: "Amazon Web Services hosts Palantir."
        text = Markup(without_markers(relationship.html)).striptags().rstrip(".")
        _add(spots, relationship.citations, "entities/", label(text, "entities/"))
    return spots


def _add(spots, citations, url: str, label: str) -> None:
    for citation in citations:
        if citation.pinpoint and citation.ref_id:
            first, last = citation.pinpoint.first, citation.pinpoint.last
            spot = Spot(url, label, citation.ref_id, first, last, tuple(citation.quotations))
            spots[citation.key].append(spot)


def source_text(source, spots: list[Spot], siteurl: str) -> Markup:
    """The source's published text: its quoted words marked, its cited paragraphs listing who cites them."""
    quoted: dict[int, list[str]] = defaultdict(list)
    landing: dict[int, list[Spot]] = defaultdict(list)
    for spot in spots:
        landing[spot.first].append(spot)
        for number in range(spot.first, spot.last + 1):
            quoted[number] += [q for q in spot.quotations if q not in quoted[number]]
    marks = {n: _finder(source.paragraphs[n - 1], tuple(q)) for n, q in quoted.items() if q}
    lists = {n: _came_from(here, siteurl) for n, here in landing.items()}
    return Markup(mark_paragraphs(source.published_html, marks, lists))


def _finder(kept: str, quotations: tuple[str, ...]):
    """Where the quotations stand in a paragraph's text as its HTML holds it. They are found in
    the text as the model keeps it, whose normal form the previews have already made (and cached),
    then carried back over the white space the model folds."""

    def find(text: str) -> list[tuple[int, int]]:
        folded, origins = folded_spaces(text)
        if folded != kept:
            return quoted_ranges(text, quotations)
        return [(origins[start], origins[end - 1] + 1) for start, end in quoted_ranges(kept, quotations)]

    return find


def _came_from(spots: list[Spot], siteurl: str) -> str:
    """'Cited here by: <title> 2 3 · <title>': one link per marker, the first named by its place."""
    by_label: dict[str, list[Spot]] = {}
    for spot in spots:
        by_label.setdefault(spot.label, []).append(spot)
    groups = []
    for label, same in by_label.items():
        label = escape(label)
        links = [
            f'<a href="{escape(f"{siteurl}/{spot.page_url}#{spot.ref_id}")}" data-last="{spot.last}"'
            + (f' aria-label="citation {index} in {label}">{index}</a>' if index > 1 else f">{label}</a>")
            for index, spot in enumerate(same, 1)
        ]
        groups.append(" ".join(links))
    return f'<span class="came-from" data-pagefind-ignore>Cited here by: {" · ".join(groups)}.</span>'
