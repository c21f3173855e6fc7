"""What only a real browser shows: accessibility, keyboard use, layout, requests, highlighting."""

from __future__ import annotations

import pytest
from test_site import PAGE_TYPES

pytestmark = pytest.mark.browser


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


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_axe_finds_no_violation(open_page, path, color_scheme):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(open_page(path, color_scheme=color_scheme))
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


def test_a_targeted_paragraph_is_highlighted(open_page):
    page = open_page("/sources/wsws-2018-06-25/#p4")
    style = "id => getComputedStyle(document.getElementById(id)).backgroundColor"
    assert page.evaluate(style, "p4") != page.evaluate(style, "p3")


def test_print_hides_navigation_and_prints_link_addresses(open_page):
    page = open_page("/sources/wsws-2018-06-25/", media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header nav')).display") == "none"
    assert page.evaluate("getComputedStyle(document.querySelector('.edit-links')).display") == "none"


def test_a_missing_address_shows_the_404_page(open_page):
    page = open_page("/no/such/page/")
    assert page.title().startswith("Page not found")
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui")
