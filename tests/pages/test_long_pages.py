"""Long pages a reader can scan on a phone (390×844): the timeline within ten screens, an entry
whole from its address, Differences as an edition within ten screens, and each long page's map
leaving what a reader came for on the first screen."""

from __future__ import annotations

import pytest
from conftest import PHONE
from test_reading import box


def test_the_timeline_s_entries_take_at_most_ten_phone_screens(visit):
    page = visit("/timeline/")
    first, last = (
        box(page, "li.entry:first-of-type"),
        page.eval_on_selector_all(
            "li.entry", "els => els[els.length - 1].getBoundingClientRect().bottom + scrollY"
        ),
    )
    assert last - first["y"] <= 10 * PHONE["height"]


# Ten phone screens held the 28 entries the timeline had when issue 21 set the bound; each entry
# added since may take its share of them.
ENTRIES_IN_TEN_SCREENS = 28


def test_the_whole_timeline_page_takes_at_most_ten_phone_screens_and_stays_legible(visit):
    page = visit("/timeline/")
    entries = page.locator("li.entry").count()
    budget = 10 * PHONE["height"] * max(1.0, entries / ENTRIES_IN_TEN_SCREENS)
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= budget, f"{height}px for {entries} entries: {height / PHONE['height']:.2f} screens"
    # Not by smaller text or targets: the entries' text stays at 16px or more, and every
    # disclosure and back-link is a 24px target.
    sizes = page.eval_on_selector_all(
        ".entry-text", "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    assert min(sizes) >= 16
    targets = page.eval_on_selector_all(
        ".entry-more summary, ol.notes .backlinks a",
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [e.textContent, r.width, r.height]; })",
    )
    assert targets and [t for t in targets if min(t[1:]) < 24] == []


def test_an_entry_s_details_open_from_its_date_s_line(visit):
    """The disclosure costs no line of its own: its summary stands on the date's line, and what it
    opens follows the entry's text."""
    page = visit("/timeline/")
    for entry in page.locator("li.entry:has(details)").all():
        meta, summary = box(page, entry.locator(".entry-meta").element_handle()), entry.locator("summary")
        summary_box = box(page, summary.element_handle())
        assert summary_box["y"] < meta["bottom"] and summary_box["bottom"] > meta["y"], entry.get_attribute(
            "id"
        )
        summary.tap()
        opened = box(page, entry.locator("details > :not(summary)").first.element_handle())
        text = box(page, entry.locator(".entry-text").element_handle())
        assert opened["y"] >= text["bottom"], entry.get_attribute("id")


def test_opening_an_entry_s_address_shows_it_whole(visit, server, model):
    event = next(e for e in model.events if e.date.inferred)
    page = visit(f"/timeline/#{event.slug}")
    entry = page.locator(f"li#{event.slug}")
    assert entry.locator("details").evaluate("d => d.open")
    assert entry.locator(".basis").is_visible()
    assert entry.locator(".involved").is_visible()


def places_in_the_editions(model) -> int:
    """How many places the build marks in the primary documents: every difference of a quotation
    of them, where differences overlap one place (text/edition.py)."""
    from explainer.text.edition import edition
    from test_differences import quotations_shown

    documents = [s for s in model.sources if s.kind == "primary document"]
    return sum(
        len(paragraph.places)
        for document in documents
        for paragraph in edition(document.paragraphs, quotations_shown(model, document))
    )


def test_differences_fits_in_ten_phone_screens_with_every_difference_a_tap_away(visit, model):
    page = visit("/differences/")
    assert page.evaluate("document.documentElement.scrollHeight") <= 10 * PHONE["height"]
    # Each paragraph's sources and differences open with a tap.
    apparatus = page.locator("details.apparatus").first
    assert not apparatus.evaluate("d => d.open")
    apparatus.locator("summary").tap()
    assert apparatus.evaluate("d => d.open")
    marks = page.locator(".place-mark a")
    assert marks.count() == places_in_the_editions(model)
    for index in range(marks.count()):
        mark = marks.nth(index)
        target = mark.get_attribute("href")
        mark.tap()
        assert page.evaluate("location.hash") == target
        # The difference opens where it is kept, on screen, with a link to each source that has it.
        entry = box(page, target)
        assert entry["h"] > 0 and 0 <= entry["y"] - page.evaluate("scrollY") < PHONE["height"], target
        assert page.locator(f"{target} a[href^='/sources/']").count() >= 1


@pytest.mark.parametrize(
    ("path", "came_for"),
    [("/differences/", "section.claim"), ("/demands/", "table.matrix"), ("/timeline/", "li.entry")],
)
def test_a_long_page_s_map_leaves_what_a_reader_came_for_on_the_first_screen(visit, path, came_for):
    page = visit(path)
    contents = box(page, "nav.contents")
    assert contents["h"] <= 3.5 * 24, "the map keeps to three lines"
    assert contents["bottom"] <= box(page, came_for)["y"] < PHONE["height"]
