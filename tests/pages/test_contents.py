"""Long pages open with a map: a short list of their sections, each a link to its heading."""

from __future__ import annotations

import pytest
from reading import text_of

LONG_PAGES = ["/differences/", "/demands/", "/timeline/"]


def sections_after(nav) -> list:
    """The page's section headings after its map, up to the citation every page ends with."""
    main = nav.find_parent("main")
    return [
        h
        for h in nav.find_all_next("h2")
        if h.find_parent("main") is main and h["id"] != "cite-this-page-heading"
    ]


@pytest.mark.parametrize("path", LONG_PAGES)
def test_a_long_page_opens_with_a_map_of_its_sections(any_site, path):
    soup = any_site.soup(path)
    nav = soup.select_one("main nav.contents")
    assert nav is not None
    assert text_of(soup.find(id=nav["aria-labelledby"])) == "On this page"
    # Near the top: before any section; and each link leads to a section, in the page's order.
    assert nav.find_previous("h2") is None or nav.find_previous("h2").find_parent("main") is None
    headings = sections_after(nav)
    assert [(a["href"], text_of(a)) for a in nav.select("a")] == [
        (f"#{h['id']}", text_of(h)) for h in headings
    ]
    assert "#references-heading" in [a["href"] for a in nav.select("a")]


def test_each_filtered_timeline_with_more_than_one_era_has_its_map(any_site):
    """A group's or an entity's timeline lists its own eras; one of a single era needs no map."""
    for file in any_site.html_files():
        path = any_site.url_of(file)
        if not path.startswith("/timeline/"):
            continue
        soup = any_site.soup(path)
        eras = soup.select("section.era > h2")
        nav = soup.select_one("main nav.contents")
        assert (nav is not None) == (len(eras) > 1), path
        if nav is not None:
            notes = ["#references-heading"] if soup.find(id="references-heading") else []
            assert [a["href"] for a in nav.select("a")] == [f"#{h['id']}" for h in eras] + notes, path
