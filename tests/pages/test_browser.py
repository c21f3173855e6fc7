"""What only a real browser shows: accessibility, keyboard use, layout, requests, highlighting."""

from __future__ import annotations

from itertools import pairwise

import pytest
from explainer.content.fields import EVENT_GROUPS
from explainer.content.phrasing import date_order
from test_site import PAGE_TYPES

pytestmark = pytest.mark.browser


def first_source_with_paragraphs(model, count: int):
    return next(source for source in model.sources if len(source.paragraphs) >= count)


def a_group_of_some_entries(model) -> str:
    """A timeline group that holds some of the entries, not none and not all."""
    return next(g for g in EVENT_GROUPS if 0 < sum(e.group == g for e in model.events) < len(model.events))


@pytest.fixture
def open_page(browser, server):
    """Open a site path in a fresh page, recording every request and console error."""
    contexts = []

    def open_(path: str, width: int = 1280, color_scheme: str = "light", media: str = "screen"):
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=color_scheme)
        contexts.append(context)
        page = context.new_page()
        page.requests, page.console_errors = [], []
        page.on("request", lambda request: page.requests.append(request.url))
        page.on(
            "console", lambda message: message.type == "error" and page.console_errors.append(message.text)
        )
        page.emulate_media(media=media)
        response = page.goto(server + path)
        assert response is not None
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.mark.parametrize("width", [320, 390, 1400])
@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_axe_finds_no_violation(open_page, path, color_scheme, width):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(open_page(path, width=width, color_scheme=color_scheme))
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_the_first_tab_reaches_a_visible_skip_link_that_moves_focus_to_main(open_page, path):
    page = open_page(path)
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "(el => ({text: el.textContent, top: el.getBoundingClientRect().top}))(document.activeElement)"
    )
    assert focused["text"] == "Skip to main content"
    assert focused["top"] >= 0, "the skip link must be on screen when focused"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_nothing_scrolls_sideways_on_a_phone(open_page, path, width):
    page = open_page(path, width=width)
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_request_leaves_the_local_server_and_nothing_is_blocked(open_page, server, path):
    page = open_page(path)
    page.wait_for_load_state("networkidle")
    assert page.requests, "the page made no request at all"
    assert [url for url in page.requests if not url.startswith(server + "/")] == []
    assert page.console_errors == []


def test_a_targeted_paragraph_is_highlighted(open_page, model):
    page = open_page(f"/{first_source_with_paragraphs(model, 2).url}#p2")
    style = "id => getComputedStyle(document.getElementById(id)).backgroundColor"
    assert page.evaluate(style, "p2") != page.evaluate(style, "p1")


def test_print_hides_navigation_and_prints_link_addresses(open_page, model):
    page = open_page(f"/{model.sources[0].url}", media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header nav')).display") == "none"
    assert page.evaluate("getComputedStyle(document.querySelector('.edit-links')).display") == "none"


def test_a_missing_address_shows_the_404_page(open_page):
    page = open_page("/no/such/page/")
    assert page.title().startswith("Page not found")
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui")


def test_without_javascript_markers_and_backlinks_still_jump(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/")
    marker = page.locator("a.cite-ref").first
    href = marker.get_attribute("href")
    marker.click()
    assert page.evaluate("location.hash") == href
    page.locator(f"{href} .backlinks a").first.click()
    assert page.evaluate("location.hash") == "#" + marker.get_attribute("id")
    context.close()


def test_in_print_notes_are_endnotes_with_full_addresses(open_page):
    page = open_page("/", media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.backlinks')).display") == "none"
    for selector in (".cite-links a", ".note-link"):  # each source in full, and each short note
        link = f"document.querySelector('{selector}')"
        after = page.evaluate(f"getComputedStyle({link}, '::after').content")
        assert page.evaluate(f"{link}.getAttribute('href')") in after
    assert page.evaluate("getComputedStyle(document.querySelector('.references')).display") != "none"


def visible_entries(page) -> list[str]:
    return page.eval_on_selector_all(
        "li.entry", "items => items.filter(i => !i.closest('[hidden]')).map(i => i.id)"
    )


@pytest.mark.parametrize("width", [375, 1280])
def test_timeline_filters_in_place_with_javascript(open_page, server, model, width):
    group = a_group_of_some_entries(model)
    entity = next(entity for entity in model.entities.values() if entity.events)
    page = open_page("/timeline/", width=width)
    everything = visible_entries(page)
    page.click(f"a[data-filter-group='{group}']")
    shown = visible_entries(page)
    assert page.url == server + "/timeline/"  # no page load
    assert set(shown) == {event.slug for event in model.events if event.group == group}
    groups = page.eval_on_selector_all("li.entry:not([hidden])", "items => items.map(i => i.dataset.group)")
    assert set(groups) == {group}
    status = f"Showing {len(shown)} of {len(everything)} entries: {EVENT_GROUPS[group]}."
    assert page.inner_text(".filter-status") == status
    assert page.get_attribute(f"a[data-filter-group='{group}']", "aria-current") == "true"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # The page's map lists the eras still shown, and the notes.
    listed = page.eval_on_selector_all(
        ".contents li:not([hidden]) a", "links => links.map(a => a.getAttribute('href'))"
    )
    shown_eras = page.eval_on_selector_all(".era:not([hidden]) > h2", "hs => hs.map(h => '#' + h.id)")
    assert listed == [*shown_eras, "#references-heading"]
    page.click(".timeline-filters summary")
    page.click(f"a[data-filter-entity='{entity.slug}']")
    assert set(visible_entries(page)) == {event.slug for event in entity.events}
    page.click("a[data-filter='all']")
    assert visible_entries(page) == everything


def test_a_timeline_filter_survives_leaving_the_page_and_coming_back(open_page, server, model):
    """Back from a page the filtered timeline links to shows the same filter, not everything."""
    group = a_group_of_some_entries(model)
    page = open_page("/timeline/", width=390)
    everything = visible_entries(page)
    page.click(f"a[data-filter-group='{group}']")
    shown, status = visible_entries(page), page.inner_text(".filter-status")
    page.click("li.entry:not([hidden]) .entry-more summary")
    page.click("li.entry:not([hidden]) .entry-more a")  # who was involved: another page
    assert not page.url.startswith(server + "/timeline/")
    page.go_back()
    page.wait_for_selector(".filter-status:not(:empty)")
    assert visible_entries(page) == shown
    assert page.inner_text(".filter-status") == status
    assert page.get_attribute(f"a[data-filter-group='{group}']", "aria-current") == "true"
    page.click("a[data-filter='all']")
    page.reload()
    assert visible_entries(page) == everything


def test_timeline_filters_are_pages_without_javascript(browser, server, model):
    group = a_group_of_some_entries(model)
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(server + "/timeline/")
    page.click(f"a[data-filter-group='{group}']")
    assert page.url == server + f"/timeline/group/{group}/"
    groups = page.eval_on_selector_all("li.entry", "items => items.map(i => i.dataset.group)")
    assert groups and set(groups) == {group}
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()


def a_name_few_pages_use(model):
    """An entity whose own name (not only an alias) is in a source, named by the fewest texts: all
    the pages that name it fit in the results shown."""
    named = [
        e for e in model.entities.values() if any(e.name in " ".join(s.paragraphs) for s in model.sources)
    ]
    return min(named, key=lambda e: (len({id(m.item) for m in e.mentions}), e.slug))


def test_typing_a_name_into_search_lists_the_pages_that_name_it(browser, subpath_site, model):
    from axe_playwright_python.sync_playwright import Axe

    entity = a_name_few_pages_use(model)
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(subpath_site + "/search/")
    assert page.is_hidden(".search-needs-js")
    page.fill("#search-query", entity.name)
    page.wait_for_selector(".search-results li")
    hrefs = page.eval_on_selector_all(".search-results a", "links => links.map(a => a.getAttribute('href'))")
    assert f"/repo/{entity.url}" in hrefs and any(h.startswith("/repo/sources/") for h in hrefs)
    assert "found" in page.inner_text(".search-status")
    assert [url for url in requests if not url.startswith(subpath_site)] == [] and errors == []
    page.select_option("#search-kind", "Source")
    # Poll from here: the page's CSP (rightly) refuses the string evaluation wait_for_function uses.
    for _ in range(50):
        hrefs = page.eval_on_selector_all(
            ".search-results a", "links => links.map(a => a.getAttribute('href'))"
        )
        if hrefs and all(h.startswith("/repo/sources/") for h in hrefs):
            break
        page.wait_for_timeout(100)
    assert hrefs and all(h.startswith("/repo/sources/") for h in hrefs)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()


@pytest.mark.parametrize("width", [390, 1400])
def test_demand_cards_stand_one_below_the_other_with_no_gaps(open_page, model, width):
    """Each campaign's card spans the column, in date order, each right below the last: no card
    leaves an empty space beside a taller neighbour."""
    page = open_page("/demands/", width=width)
    boxes = page.eval_on_selector_all(
        ".campaign-card",
        "cards => cards.map(c => { const r = c.getBoundingClientRect(); return [c.id, r.left, r.width, r.top, r.bottom]; })",
    )
    column = page.eval_on_selector(".campaign-cards", "e => e.getBoundingClientRect().width")
    assert [box[0] for box in boxes] == [
        c.anchor for c in sorted(model.campaigns, key=lambda c: date_order(c.date))
    ]
    for (_, left, card_width, _, bottom), (_, next_left, _, next_top, _) in pairwise(boxes):
        assert card_width == column and next_left == left
        assert 0 <= next_top - bottom <= 24


def test_on_a_phone_each_answer_card_s_cells_span_the_card(open_page):
    """Each answer of /differences/ is a card on a phone: its value, words and source (and the
    rules between them) run the card's full width."""
    page = open_page("/differences/", width=390)
    rows = page.eval_on_selector_all(
        "table.answers tbody tr",
        "rows => rows.map(r => [r.clientWidth, ...[...r.children].map(c => c.getBoundingClientRect().width)])",
    )
    assert rows
    for row, *cells in rows:
        assert all(abs(cell - row) <= 1 for cell in cells), (row, cells)


def test_the_differences_page_prints_what_it_keeps_behind_disclosures(open_page):
    page = open_page("/differences/", media="print")
    closed = "() => document.querySelectorAll('.claim-more:not([open]), .apparatus:not([open])').length"
    assert page.evaluate(closed) > 0
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate(closed) == 0
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate(closed) > 0, "on screen they close again"
