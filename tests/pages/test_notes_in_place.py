"""A note where the reader is (issue 28): at 390 and 1400 px, by touch, mouse and keyboard alike, a
marker opens its passage on screen with the quoted words marked and focus inside, Escape gives
focus back to the marker, and the source's page leads back to the sentence. Every kind of marker
the site writes is tried, one of each, found in the built pages and the model."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import PHONE, WIDE
from explainer.text.normal import normalise
from explainer.text.quotes import occurs_in, pieces
from test_site_citations import cited, citing_pages

WAYS = ["tap", "click", "keyboard"]


def citations_by_marker(model) -> dict:
    """(The page it stands on, marker id) -> the citation it stands for, for everything the site
    cites; ids repeat from item to item (an event and a campaign may share a slug)."""
    found = {(item.url, c.ref_id): c for item in model.items() for c in item.citations}
    found.update({("entities/", r.citation.ref_id): r.citation for r in model.relationships if r.citation})
    return found


def citation_at(citations: dict, path: str, marker_id: str):
    """The citation behind a marker on a page. An item shows on pages besides its own (an event on
    filtered timelines, an entity's description on its timeline), and where two items share a
    marker id, the one whose page holds or contains this one is meant."""
    homes = [url for url, ref_id in citations if ref_id == marker_id]
    if len(homes) > 1:
        homes = [url for url in homes if path.lstrip("/").startswith(url)]
    return citations[(max(homes, key=len), marker_id)]


def family(path: str) -> str:
    """Pages of one template are one family: /entities/aclu/ and /entities/ice/ are /entities/*/."""
    return re.sub(r"[^/]+/$", "*/", path) if path.count("/") > 2 else path


def marker_kinds(site, model) -> dict[str, list[str]]:
    """Page -> the markers to try: the first of each kind, a kind being the page's family, the
    block the marker stands in, whether a sidenote follows it, how much it cites and whether its
    sentence quotes the source."""
    citations, chosen = citations_by_marker(model), {}
    for path in citing_pages(site):
        soup = site.soup(path)
        for marker in soup.select("main a.cite-ref"):
            group = marker.find_parent("sup")
            beside = group.next_sibling
            sidenote = getattr(beside, "get", lambda *_: None)("class") == ["sidenote"]
            _, pinpoint = cited(site, soup.find(id=marker["href"][1:]))
            span = "source" if not pinpoint else "paragraph" if pinpoint[0] == pinpoint[1] else "range"
            block = marker.find_parent(["td", "dd", "li", "p", "blockquote"]).name
            quoted = bool(citation_at(citations, path, marker["id"]).quotations)
            chosen.setdefault((family(path), block, sidenote, span, quoted), (path, marker["id"]))
    by_page: dict[str, list[str]] = {}
    for path, ref_id in chosen.values():
        by_page.setdefault(path, []).append(ref_id)
    return by_page


def rect(locator) -> dict:
    return locator.evaluate(
        "e => { const r = e.getBoundingClientRect(); return {x: r.x, y: r.y, right: r.right, bottom: r.bottom}; }"
    )


def overlap(a: dict, b: dict) -> bool:
    return a["x"] < b["right"] and b["x"] < a["right"] and a["y"] < b["bottom"] and b["y"] < a["bottom"]


def open_with(page, marker, way: str) -> None:
    # The marker near the foot of the screen, where a preview below it, or a sheet, would cover it.
    marker.scroll_into_view_if_needed()
    page.evaluate(
        "m => scrollBy(0, m.getBoundingClientRect().bottom - innerHeight + 30)", marker.element_handle()
    )
    if way == "tap":
        marker.tap()
    elif way == "click":
        marker.click()
    else:
        marker.focus()
        page.keyboard.press("Enter")


def expected_passage(site, soup, marker_id: str):
    """The source and paragraphs (first, last) the marker's note cites."""
    marker = soup.find(id=marker_id)
    return cited(site, soup.find(id=marker["href"][1:]))


def check_placed(page, preview, marker, viewport) -> None:
    box, spot = rect(preview), rect(marker)
    assert box["x"] >= 0 and box["y"] >= 0, box
    assert box["right"] <= viewport["width"] and box["bottom"] <= viewport["height"], box
    assert spot["y"] >= 0 and spot["bottom"] <= viewport["height"], "the marker stays on screen"
    assert not overlap(box, spot), "the preview covers the marker's line"
    if marker.evaluate(
        "m => { const s = m.parentElement.nextElementSibling;"
        " return !!s && s.classList.contains('sidenote') && s.offsetParent !== null; }"
    ):
        text = marker.evaluate_handle("m => m.closest('p, li, blockquote')")
        assert box["x"] >= rect(text)["right"], (
            "where sidenotes are shown, the preview stands beside the text"
        )


def check_passage(page, preview, source, pinpoint, citation) -> None:
    quote = preview.locator("blockquote")
    if not pinpoint:
        assert quote.count() == 0
        return
    first, last = pinpoint
    shown = [" ".join(t.split()) for t in quote.locator("p").all_inner_texts()]
    expected = [" ".join(source.paragraphs[n - 1].split()) for n in range(first, last + 1)]
    if last > first:
        expected = [f"\u00b6 {n} {text}" for n, text in zip(range(first, last + 1), expected, strict=True)]
    assert shown == expected
    marks = quote.locator("mark").all_inner_texts()
    paragraphs = " ".join(source.paragraphs[first - 1 : last])
    for mark in marks:
        assert occurs_in(mark, paragraphs), mark
    marked = normalise(" ".join(marks))
    for quotation in citation.quotations:
        if occurs_in(quotation, paragraphs):
            assert pieces(quotation)[0].text in marked, f"the quoted words are not marked: {quotation}"


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["390", "1400"])
def test_every_kind_of_marker_opens_its_passage_where_the_reader_is(visit, site, model, viewport, way):
    citations, tried = citations_by_marker(model), 0
    for path, marker_ids in marker_kinds(site, model).items():
        page, soup = visit(path, viewport, touch=way == "tap"), site.soup(path)
        for marker_id in marker_ids:
            marker = page.locator(f"[id='{marker_id}']")
            open_with(page, marker, way)
            preview = page.locator(".cite-preview")
            preview.wait_for(state="visible")
            assert preview.get_attribute("role") == "dialog"
            check_placed(page, preview, marker, viewport)
            source, pinpoint = expected_passage(site, soup, marker_id)
            check_passage(page, preview, source, pinpoint, citation_at(citations, path, marker_id))
            # The reference reads as the note's does: "¶ 4" stays whole across a line's end.
            note = soup.find(id=soup.find(id=marker_id)["href"][1:]).select_one(".note-link")
            expected_reference = " ".join(note.get_text().replace("\u00a0", "\x00").split()).replace(
                "\x00", "\u00a0"
            )
            assert preview.locator(".preview-ref").inner_text() == expected_reference
            assert page.evaluate("document.activeElement.closest('.cite-preview') !== null"), (
                path,
                marker_id,
            )
            link = urlsplit(page.evaluate("document.activeElement.href"))
            note_link = soup.find(id=soup.find(id=marker_id)["href"][1:]).select_one(".note-link")["href"]
            assert link.path + (f"#{link.fragment}" if link.fragment else "") == note_link
            assert parse_qs(link.query)["from"] == [path.lstrip("/") + "#" + marker_id]
            page.keyboard.press("Escape")
            assert preview.count() == 0
            assert page.evaluate("document.activeElement.id") == marker_id, (path, marker_id)
            tried += 1
    assert tried >= len(citing_pages(site)) // 10


def a_marker_of_each_reach(site) -> list[tuple[str, str]]:
    """On the home page, the first marker citing one paragraph and the first citing a range."""
    soup, found = site.soup("/"), {}
    for marker in soup.select("main a.cite-ref"):
        _, pinpoint = cited(site, soup.find(id=marker["href"][1:]))
        if pinpoint:
            found.setdefault(pinpoint[0] == pinpoint[1], ("/", marker["id"]))
    return list(found.values())


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["390", "1400"])
def test_the_source_page_marks_the_passage_and_leads_back_to_the_sentence(
    visit, site, model, server, viewport
):
    citations = citations_by_marker(model)
    for path, marker_id in a_marker_of_each_reach(site):
        touch = viewport is PHONE
        page = visit(path, viewport, touch=touch)
        open_with(page, page.locator(f"[id='{marker_id}']"), "tap" if touch else "click")
        link = page.locator(".cite-preview a")
        with page.expect_navigation():
            link.tap() if touch else link.click()
        source, (first, last) = expected_passage(site, site.soup(path), marker_id)
        assert urlsplit(page.url).path == f"/{source.url}"
        outlined = "n => getComputedStyle(document.getElementById('p' + n)).outlineStyle"
        for number in range(first, last + 1):
            assert page.evaluate(outlined, number) != "none", f"paragraph {number} of the range is not marked"
        if last < len(source.paragraphs):
            assert page.evaluate(outlined, last + 1) == "none"
        marks = page.locator(f"#p{first} mark.quoted")
        if citation_at(citations, path, marker_id).quotations:
            assert marks.count()
            background = "e => getComputedStyle(e).backgroundColor"
            assert marks.first.evaluate(background) != page.locator(f"#p{first}").evaluate(background)
        back = page.get_by_role("link", name="Back to where you were reading")
        assert back.is_visible()
        assert back.get_attribute("href") == f"{path}#{marker_id}"
        back.tap() if touch else back.click()
        page.wait_for_url(f"{server}{path}#{marker_id}")
        spot = rect(page.locator(f"[id='{marker_id}']"))
        assert 0 <= spot["y"] < viewport["height"], "the sentence is on screen again"


def test_without_javascript_the_paragraph_lists_the_places_that_cite_it(visit, site, model):
    source = next(s for s in model.sources if s.cited_by)
    soup = site.soup(f"/{source.url}")
    landing = soup.select_one(".source-text .came-from").find_parent(class_="para")
    page = visit(f"/{source.url}#{landing['id']}", WIDE, javascript=False)
    listed = page.locator(f"#{landing['id']} > .came-from")
    assert listed.is_visible()
    others = page.locator(f".source-text .came-from:not(#{landing['id']} > .came-from)")
    assert all(not others.nth(i).is_visible() for i in range(others.count()))
    first = listed.locator("a").first
    href = first.get_attribute("href")
    first.click()
    page.wait_for_load_state()
    assert page.evaluate("location.pathname + location.hash") == href


def test_each_cited_paragraph_lists_every_marker_that_leads_to_it(any_site):
    """The list on a source's paragraph names each marker whose note leads there, and each link
    lands on a marker whose note cites that source and paragraph."""
    model = any_site.model
    landing: dict[tuple[str, int], set[str]] = {}
    for (url, ref_id), citation in citations_by_marker(model).items():
        if citation.pinpoint and ref_id:
            landing.setdefault((citation.key, citation.pinpoint.first), set()).add(f"/{url}#{ref_id}")
    for source in model.sources:
        soup = any_site.soup(f"/{source.url}")
        for paragraph in soup.select(".source-text .para"):
            number = int(paragraph["id"][1:])
            listed = paragraph.select(":scope > .came-from a")
            assert {a["href"] for a in listed} == landing.get((source.slug, number), set())
            for link in listed:
                path, _, ref_id = link["href"].partition("#")
                page = any_site.soup(path)
                marker = page.find(id=ref_id)
                note_source, pinpoint = cited(any_site, page.find(id=marker["href"][1:]))
                assert note_source is source and pinpoint[0] == number, link["href"]


def test_a_source_page_marks_the_words_the_site_quotes_from_each_paragraph(any_site):
    model = any_site.model
    quoting: dict[tuple[str, int], list[str]] = {}
    for citation in citations_by_marker(model).values():
        if citation.pinpoint:
            for number in range(citation.pinpoint.first, citation.pinpoint.last + 1):
                quoting.setdefault((citation.key, number), []).extend(citation.quotations)
    checked = 0
    for source in model.sources:
        soup = any_site.soup(f"/{source.url}")
        for number, text in enumerate(source.paragraphs, 1):
            paragraph = soup.find(id=f"p{number}")
            marked = normalise("".join(m.get_text() for m in paragraph.select("mark.quoted")))
            quotations = [q for q in quoting.get((source.slug, number), []) if occurs_in(q, text)]
            if not quotations:
                assert not marked, (source.slug, number)
            for quotation in quotations:
                assert pieces(quotation)[0].text in marked, (source.slug, number, quotation)
                checked += 1
    assert checked
