"""Search as a reader uses it (issue 28): result snippets are the pages' own words, without the
note markers and sidenotes around them, and a query whose words no one page holds still lists
the pages that hold most of them, saying so."""

from __future__ import annotations

import copy
import re

import pytest
from reading import all_pages

pytestmark = pytest.mark.browser


@pytest.fixture
def search(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(server + "/search/")

    def search_(query: str) -> list[dict]:
        before = page.inner_text(".search-status")
        page.fill("#search-query", query)
        # Poll: the page's CSP (rightly) refuses the string evaluation wait_for_function uses.
        for _ in range(60):
            page.wait_for_timeout(100)
            if page.inner_text(".search-status").strip() not in ("", before):
                break
        return page.eval_on_selector_all(
            ".search-results li",
            "items => items.map(li => ({href: li.querySelector('a').getAttribute('href'),"
            " passage: (li.querySelector('.search-passage') || {}).href || null,"
            " excerpt: li.querySelector('p').textContent}))",
        )

    search_.status = lambda: page.inner_text(".search-status")
    yield search_
    context.close()


def words_before(element, count: int) -> str:
    text = ""
    for node in element.previous_elements:
        if isinstance(node, str) and not node.find_parent("sup"):
            text = node + text
            if len(text.split()) > count:
                break
    return " ".join(text.split()[-count:])


def test_a_snippet_carries_no_note_markers_or_sidenotes(search, site):
    home = site.soup("/")
    marker_group = home.select_one("article.prose sup.cites")
    sidenote = marker_group.find_next_sibling(class_="sidenote")
    query = re.sub(r"[^\w\s]", "", words_before(marker_group, 4))
    results = search(query)
    found = next(r for r in results if r["href"] == "/")
    assert not re.search(r"\[\d+\]", found["excerpt"]), found["excerpt"]
    for line in sidenote.select(".sidenote-line a"):
        assert line.get_text() not in found["excerpt"], found["excerpt"]


def test_a_passage_with_a_heading_of_its_own_is_linked_to(search, site):
    """Where the words stand in a section with a heading, the result leads to that section too."""
    results = search("Palantir")
    passages = [r["passage"] for r in results if r["passage"]]
    assert passages
    for passage in passages:
        path, _, anchor = passage.partition("#")
        page = site.soup(re.sub(r"^https?://[^/]+", "", path))
        assert page.find(id=anchor) is not None, passage


def indexed_words(site) -> dict[str, set[str]]:
    """Each page's words as the index holds them: its search body, less what it ignores."""
    words = {}
    for path in all_pages(site):
        body = copy.copy(site.soup(path).find(attrs={"data-pagefind-body": True}))
        if body is None:
            continue
        for ignored in body.select("[data-pagefind-ignore]"):
            ignored.decompose()
        words[path] = set(re.findall(r"[a-z]+", body.get_text(" ").lower()))
    return words


def two_words_no_page_holds_together(site) -> tuple[str, str]:
    """A word only one page holds and a word many others hold, no forms of either on the other's
    pages (Pagefind matches stems and prefixes: six letters stand for a word's forms here)."""
    words = indexed_words(site)

    def pages_with(stem: str) -> set[str]:
        return {path for path, held in words.items() if any(w.startswith(stem) for w in held)}

    everywhere = sorted({w for held in words.values() for w in held if len(w) >= 8})
    rare = next(w for w in everywhere if len(pages_with(w[:6])) == 1)
    (alone,) = pages_with(rare[:6])
    common = max(
        (w for w in everywhere if alone not in pages_with(w[:6])), key=lambda w: (len(pages_with(w[:6])), w)
    )
    return rare, common


def test_words_no_page_holds_together_still_find_the_pages_that_hold_most(search, site):
    rare, common = two_words_no_page_holds_together(site)
    results = search(f"{rare} {common}")
    assert results
    assert search.status().startswith("No page holds all of these words."), search.status()
    alone = next(
        path for path, held in indexed_words(site).items() if any(w.startswith(rare[:6]) for w in held)
    )
    assert alone in [r["href"] for r in results]
    search(common)
    assert re.fullmatch(r"\d+ pages? found\.", search.status())


def test_the_query_a_reader_tried_finds_pages(search):
    """'Amazon statement response' found nothing: no page held all three words."""
    assert search("Amazon statement response")
