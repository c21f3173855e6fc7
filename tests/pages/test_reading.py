"""Reading first, evidence in two taps: what a reader notices on a phone (390×844, touch) and on a
wide screen (1400×900). Every expectation comes from the content's model."""

from __future__ import annotations

import re

import pytest
from conftest import PHONE, WIDE
from explainer.text.quotes import occurs_in
from test_site import PAGE_TYPES

CITING_PAGES = ["/", "/timeline/", "/demands/", "/differences/"]


def box(page, selector_or_handle):
    handle = (
        page.query_selector(selector_or_handle) if isinstance(selector_or_handle, str) else selector_or_handle
    )
    return handle.evaluate(
        "e => { const r = e.getBoundingClientRect(); return {x: r.x, y: r.y + scrollY, w: r.width, h: r.height,"
        " right: r.right, bottom: r.bottom + scrollY}; }"
    )


# Issue 16: reading first.


def test_every_source_page_starts_its_text_on_the_first_phone_screen(visit, model):
    for source in model.sources:
        page = visit(f"/{source.url}")
        assert box(page, "#p1")["y"] < PHONE["height"], source.slug


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["390", "1400"])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_the_header_is_at_most_100px_tall(visit, path, viewport):
    page = visit(path, viewport)
    assert box(page, ".site-header")["h"] <= 100


@pytest.mark.parametrize("width", [1024, 1400])
def test_the_header_is_one_line_from_1024px_with_every_section(visit, width):
    from conftest import ROOT

    page = visit("/timeline/", {"width": width, "height": 900})
    tops = page.eval_on_selector_all(
        ".site-name, .menu-wide a", "els => els.map(e => Math.round(e.getBoundingClientRect().bottom))"
    )
    assert max(tops) - min(tops) <= 4, tops
    inside = page.evaluate(
        "() => { const h = document.querySelector('.site-header'), pad = parseFloat(getComputedStyle(h).paddingRight);"
        " const last = [...document.querySelectorAll('.menu-wide a')].pop();"
        " return last.getBoundingClientRect().right <= h.getBoundingClientRect().right - pad + 0.5; }"
    )
    assert inside, "the menu runs past the header's edge"
    import runpy

    menu = runpy.run_path(str(ROOT / "pelicanconf.py"))["MENU"]
    shown = page.eval_on_selector_all(
        ".site-name, .menu-wide a", "els => els.map(e => e.getAttribute('href'))"
    )
    assert set(shown) == {f"/{path}" for _, path in menu}


def test_on_a_phone_every_section_is_reachable_without_javascript(browser, server, model):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/demands/")
    assert "Demands" in page.inner_text(".menu-narrow summary")
    page.tap(".menu-narrow summary")
    with page.expect_navigation():
        page.tap(".menu-narrow a[href='/timeline/']")
    assert page.url == server + "/timeline/"
    context.close()


def test_the_demands_matrix_fits_in_three_phone_screens(visit, model):
    page = visit("/demands/")
    matrix = box(page, "table.matrix")
    assert matrix["h"] <= 3 * PHONE["height"]
    assert matrix["y"] < PHONE["height"], "the matrix starts on the first screen"
    assert matrix["w"] <= PHONE["width"]


def test_a_matrix_mark_leads_to_the_campaign_s_words(visit):
    page = visit("/demands/")
    mark = page.locator("td.asked a").first
    target = mark.get_attribute("href")
    mark.tap()
    assert page.evaluate("location.hash") == target
    assert page.locator(f"{target} a.cite-ref").count() >= 1


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["390", "1400"])
def test_the_diagram_s_labels_do_not_overlap_and_fit_the_column(visit, model, viewport):
    if not model.relationships:
        pytest.skip("no relationships to draw")
    page = visit("/entities/", viewport)
    shown = page.eval_on_selector_all(
        "svg.diagram", "els => els.filter(e => e.getBoundingClientRect().width > 0).length"
    )
    assert shown == 1, "one drawing fits each width"
    svg = page.evaluate_handle(
        "[...document.querySelectorAll('svg.diagram')].find(e => e.getBoundingClientRect().width > 0)"
    )
    svg = box(page, svg)
    column = box(page, ".relationships")
    assert svg["x"] >= column["x"] - 1 and svg["right"] <= column["right"] + 1, "the diagram is clipped"
    labels = page.eval_on_selector_all(
        "svg.diagram text",
        "els => els.map(e => { const r = e.getBoundingClientRect();"
        " return {t: e.textContent, x: r.x, y: r.y, r: r.right, b: r.bottom, h: r.height,"
        " font: parseFloat(getComputedStyle(e).fontSize) * e.getScreenCTM().a}; }).filter(l => l.h > 0)",
    )
    nodes = page.eval_on_selector_all(
        "svg.diagram rect.node",
        "els => els.map(e => { const r = e.getBoundingClientRect(); return {x: r.x, y: r.y, r: r.right, b: r.bottom}; })",
    )
    assert labels
    assert all(label["font"] >= 10 for label in labels), "labels must be at least 10px high"

    def overlap(a, b):
        return (
            min(a["r"], b["r"]) - max(a["x"], b["x"]) > 0.5
            and min(a["b"], b["b"]) - max(a["y"], b["y"]) > 0.5
        )

    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            assert not overlap(a, b), (a["t"], b["t"])
    edge_labels = page.eval_on_selector_all(
        "svg.diagram text.edge-label",
        "els => els.map(e => { const r = e.getBoundingClientRect(); return {t: e.textContent, x: r.x, y: r.y, r: r.right, b: r.bottom}; })",
    )
    for label in edge_labels:
        for node in nodes:
            assert not overlap(label, node), label["t"]
    spills = page.eval_on_selector_all(
        "svg.diagram text.node-label",
        "els => els.filter(e => e.getBoundingClientRect().height > 0).map(e => {"
        " const t = e.getBoundingClientRect(), n = e.previousElementSibling.getBoundingClientRect();"
        " return {t: e.textContent, out: Math.max(n.x - t.x, t.right - n.right, n.y - t.y, t.bottom - n.bottom)}; })"
        ".filter(l => l.out > 0.5)",
    )
    assert not spills, f"names that spill out of their boxes: {spills}"


def test_at_1400px_the_home_page_s_first_notes_stand_beside_their_paragraphs(visit):
    page = visit("/", WIDE)
    groups = page.query_selector_all("article.prose sup.cites")[:3]
    assert groups
    for group in groups:
        side = group.evaluate_handle("g => g.nextElementSibling")
        assert side.evaluate("s => s.classList.contains('sidenote') && s.offsetParent !== null")
        paragraph = group.evaluate_handle("g => g.closest('p, li, blockquote')")
        text, note = box(page, paragraph), box(page, side)
        assert note["x"] >= text["right"], "the note stands in the margin"
        assert text["y"] - 4 <= note["y"] <= text["bottom"], "the note stands beside its paragraph"
        numbers = side.evaluate("s => [...s.querySelectorAll('.sidenote-number')].map(n => n.textContent)")
        markers = group.evaluate(
            "g => [...g.querySelectorAll('a.cite-ref')].map(a => a.textContent.slice(1, -1))"
        )
        assert set(numbers) <= set(markers)
    # A click shows the cited passage itself, in the margin over the sidenote (issue 28).
    marker = page.locator("article.prose a.cite-ref").first
    marker.click()
    preview = page.locator(".cite-preview")
    preview.wait_for(state="visible")
    paragraph = marker.evaluate_handle("m => m.closest('p, li, blockquote')")
    assert box(page, preview.element_handle())["x"] >= box(page, paragraph)["right"]


def test_below_the_margin_width_sidenotes_give_way_to_the_list(visit):
    page = visit("/")
    assert page.eval_on_selector_all(".sidenote", "els => els.every(e => e.offsetParent === null)")
    assert page.is_visible(".references ol.notes")


# Issue 21: the evidence one tap away.


def markers_on(page):
    return page.locator("main a.cite-ref")


def test_tapping_any_home_marker_shows_the_source_s_words_wholly_on_screen(visit, model):
    page = visit("/")
    markers = markers_on(page)
    count = markers.count()
    assert count
    for index in range(count):
        marker = markers.nth(index)
        marker.scroll_into_view_if_needed()
        # Put the marker near the bottom of the screen, where a preview below it would not fit.
        page.evaluate(
            "m => window.scrollBy(0, m.getBoundingClientRect().bottom - innerHeight + 30)",
            marker.element_handle(),
        )
        marker.tap()
        preview = page.locator(".cite-preview")
        preview.wait_for(state="visible")
        assert preview.get_attribute("role") == "dialog"
        r = preview.bounding_box()
        assert r["x"] >= 0 and r["y"] >= 0, index
        assert r["x"] + r["width"] <= PHONE["width"] and r["y"] + r["height"] <= PHONE["height"], index
        note = page.locator(marker.get_attribute("href"))
        link = preview.locator("a")
        # The link goes where the note does, and names the marker it came from (issue 28).
        target = re.sub(r"\?from=[^#]*", "", link.get_attribute("href"))
        assert target == note.locator(".note-link").get_attribute("href")
        assert page.evaluate("document.activeElement.closest('.cite-preview') !== null")
        slug = link.get_attribute("href").split("/")[2]
        source = model.sources_by_slug[slug]
        if "#p" in link.get_attribute("href"):
            number = int(link.get_attribute("href").split("#p")[1])
            shown = preview.locator("blockquote p")
            words = " ".join(re.sub(r"^\u00b6 \d+ ", "", shown.first.inner_text()).split())
            assert words.startswith(" ".join(source.paragraphs[number - 1].split())[:60])
            cited = " ".join(source.paragraphs[number - 1 : number - 1 + shown.count()])
            for mark in preview.locator("mark").all_inner_texts():
                assert occurs_in(mark, cited)
        page.keyboard.press("Escape")
        assert preview.count() == 0


def test_a_second_tap_lands_on_the_highlighted_paragraph(visit, server):
    page = visit("/")
    marker = markers_on(page).nth(2)
    marker.tap()
    link = page.locator(".cite-preview a")
    href = link.get_attribute("href")
    link.tap()
    page.wait_for_url(server + href)
    anchor = href.split("#")[1]
    style = "id => getComputedStyle(document.getElementById(id)).backgroundColor"
    assert page.evaluate(style, anchor) != page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert (
        0
        <= page.evaluate(f"document.getElementById('{anchor}').getBoundingClientRect().top")
        < PHONE["height"]
    )


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["390", "1400"])
@pytest.mark.parametrize("path", CITING_PAGES)
def test_a_marker_never_starts_a_line_or_splits_across_two(visit, path, viewport):
    page = visit(path, viewport)
    stranded = page.eval_on_selector_all(
        "main sup.cites",
        """groups => groups.filter(g => g.offsetParent !== null).filter(g => {
          const tops = [...g.getClientRects()].map(r => r.top);
          if (Math.max(...tops) - Math.min(...tops) > 12) return true;
          let node = g.previousSibling;
          while (node && node.nodeType !== Node.TEXT_NODE) node = node.lastChild || node.previousSibling;
          if (!node || !node.length) return false;
          const range = document.createRange();
          range.setStart(node, node.length - 1);
          range.setEnd(node, node.length);
          const before = range.getClientRects(), group = g.getBoundingClientRect();
          return before.length && Math.abs(before[before.length - 1].bottom - group.bottom) > 12;
        }).map(g => g.textContent)""",
    )
    assert not stranded, f"markers wrapped away from their words: {stranded}"


def test_a_preview_s_close_button_closes_it_and_returns_to_the_marker(visit):
    page = visit("/")
    marker = markers_on(page).nth(1)
    marker.tap()
    close = page.get_by_role("button", name="Close")
    box = close.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    close.tap()
    assert page.locator(".cite-preview").count() == 0
    assert page.evaluate("document.activeElement.id") == marker.get_attribute("id")


def test_quoted_words_are_highlighted_in_a_preview(visit):
    page = visit("/")
    highlighted = 0
    for marker in markers_on(page).all():
        note = page.locator(marker.get_attribute("href"))
        if note.locator("blockquote mark").count():
            marker.tap()
            highlighted += page.locator(".cite-preview mark").count()
            page.keyboard.press("Escape")
            break
    assert highlighted


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_an_open_preview_is_accessible_on_a_phone(visit, color_scheme):
    from axe_playwright_python.sync_playwright import Axe

    page = visit("/", color_scheme=color_scheme)
    markers_on(page).nth(2).tap()
    page.locator(".cite-preview").wait_for(state="visible")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_keyboard_opens_a_preview_moves_focus_in_and_escape_returns_it(visit):
    page = visit("/", WIDE, touch=False)
    page.set_viewport_size({"width": 900, "height": 900})  # below the margin: no sidenotes
    marker = markers_on(page).nth(1)
    marker.focus()
    page.keyboard.press("Enter")
    page.locator(".cite-preview").wait_for(state="visible")
    assert page.evaluate("document.activeElement.closest('.cite-preview') !== null")
    assert page.evaluate("document.activeElement.tagName") == "A"
    page.keyboard.press("Escape")
    assert page.locator(".cite-preview").count() == 0
    assert page.evaluate("document.activeElement.id") == marker.get_attribute("id")
    # A tap or click elsewhere closes it too, and focus goes back to the marker.
    page.keyboard.press("Enter")
    page.locator(".cite-preview").wait_for(state="visible")
    page.mouse.click(5, 880)
    assert page.locator(".cite-preview").count() == 0


def test_a_mouse_previews_on_hover(visit):
    page = visit("/", {"width": 900, "height": 900}, touch=False)
    markers_on(page).first.hover()
    page.locator(".cite-preview").wait_for(state="visible")


def test_screen_readers_hear_the_short_reference_at_the_marker(visit):
    page = visit("/")
    marker = markers_on(page).first
    described = page.locator(f"#{marker.get_attribute('aria-describedby')}")
    note = page.locator(marker.get_attribute("href"))
    assert described.inner_text() == note.locator(".note-link").inner_text()
    assert note.locator("blockquote").count() == 0 or not note.locator("blockquote").is_visible()


@pytest.mark.parametrize("path", CITING_PAGES)
def test_every_marker_is_a_target_a_finger_can_hit(visit, path):
    page = visit(path)
    rects = page.eval_on_selector_all(
        "main a.cite-ref, main .backlinks a",
        "els => els.map(e => { const r = e.getBoundingClientRect();"
        " return {id: e.id || e.getAttribute('href'), x: r.x, y: r.y, w: r.width, h: r.height}; })",
    )
    assert rects
    for r in rects:
        assert r["w"] >= 24 and r["h"] >= 24, r
    by_row: dict[int, list] = {}
    for r in rects:
        by_row.setdefault(round(r["y"] + scroll_y(page)), []).append(r)
    for row in by_row.values():
        row.sort(key=lambda r: r["x"])
        for a, b in zip(row, row[1:], strict=False):
            assert a["x"] + a["w"] <= b["x"] + 0.5, (a, b)


def scroll_y(page) -> float:
    return page.evaluate("scrollY")


def test_a_marker_s_centre_belongs_to_the_marker(visit):
    page = visit("/")
    missed = page.eval_on_selector_all(
        "main a.cite-ref",
        "els => els.filter(e => { e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
        " return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) !== e; }).map(e => e.id)",
    )
    assert missed == []
