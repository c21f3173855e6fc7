"""/data/timeline.timelinejs.json: what the file says of each date and where each slide links,
then the file loaded in Chromium by TimelineJS 3.9.11 (tests/fixtures/timelinejs/), served here.

Every expectation comes from the model of the content the site was built from.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from explainer.content.phrasing import date_order
from explainer.model.timeline import entries
from reading import value_text

TIMELINEJS = Path(__file__).resolve().parent.parent / "fixtures" / "timelinejs"


def export(site) -> dict:
    return json.loads((site.root / "data" / "timeline.timelinejs.json").read_text(encoding="utf-8"))


def hedged(fact) -> bool:
    """A date the site does not show as firm: inferred, worded vaguer, or known within bounds."""
    return fact.inferred or bool(fact.display or fact.earliest or fact.latest)


def parts(date) -> dict:
    found = {"year": date.year, "month": date.month, "day": date.day}
    return {key: str(value) for key, value in found.items() if value}


def test_every_slide_starts_where_its_date_allows_and_hedges_as_the_site_does(any_site):
    by_anchor = {entry.anchor: entry for entry in entries(any_site.model)}
    slides = export(any_site)["events"]
    assert [slide["unique_id"] for slide in slides] == list(by_anchor)
    for slide in slides:
        entry = by_anchor[slide["unique_id"]]
        date, start = entry.date, slide["start_date"]
        # A date known within bounds starts at its earliest bound, never on 1 January of its year.
        assert {k: v for k, v in start.items() if k != "display_date"} == parts(date.earliest or date.value)
        # TimelineJS sets display_date as HTML: the site's own wording, escaped.
        assert start.get("display_date") == (value_text(date).replace("&", "&amp;") if hedged(date) else None)
        event = entry.event
        assert ("end_date" in slide) is bool(event and event.end), slide["unique_id"]


def test_every_slide_links_to_its_entry_and_its_sources(any_site):
    by_anchor = {entry.anchor: entry for entry in entries(any_site.model)}
    for slide in export(any_site)["events"]:
        entry = by_anchor[slide["unique_id"]]
        text = BeautifulSoup(slide["text"]["text"], "html.parser")
        links = [a["href"] for a in text.find_all("a")]
        expected = [f"{any_site.siteurl}/timeline/#{entry.anchor}"]
        if entry.event:
            expected += [
                f"{any_site.siteurl}/{note.source.url}"
                + (f"#{note.pinpoint.anchor}" if note.pinpoint else "")
                for note in entry.event.rendered.notes
            ]
        else:
            expected.append(f"{any_site.siteurl}/{entry.source.url}")
        assert links == expected, entry.anchor
        if entry.date.inferred:
            assert f"Date inferred: {entry.date.basis}" in text.get_text()


@pytest.fixture(scope="module")
def timelinejs_page(tmp_path_factory, site):
    """A page that loads the export with TimelineJS, both served from this machine."""
    from explainer.builder.serve import serve_in_background

    root = tmp_path_factory.mktemp("timelinejs")
    for name in ("timeline.js", "timeline.css"):
        shutil.copy(TIMELINEJS / name, root / name)
    shutil.copy(site.root / "data" / "timeline.timelinejs.json", root / "timeline.json")
    (root / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>TimelineJS</title>'
        '<link rel="stylesheet" href="timeline.css"><script src="timeline.js"></script></head><body>'
        '<div id="timeline" style="width: 1000px; height: 600px"></div><script>'
        "fetch('timeline.json').then(r => r.json()).then(data => {"
        " window.timeline = new TL.Timeline('timeline', data,"
        " {font: null, language: 'en', script_path: new URL('.', location.href).href}); });"
        "</script></body></html>",
        encoding="utf-8",
    )
    server, url = serve_in_background(root)
    yield url + "/index.html"
    server.shutdown()


def test_timelinejs_shows_every_entry_in_date_order_with_hedged_dates(browser, timelinejs_page, site):
    ordered = entries(site.model)
    by_anchor = {entry.anchor: entry for entry in ordered}
    page = browser.new_page()
    outside, errors = [], []
    page.route(
        lambda url: not url.startswith(timelinejs_page.rsplit("/", 1)[0]),
        lambda route: (outside.append(route.request.url), route.abort()),
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(timelinejs_page)
    page.wait_for_function(f"document.querySelectorAll('.tl-slide').length === {len(ordered) + 1}")
    shown = page.eval_on_selector_all(
        ".tl-slide",
        "slides => slides.map(s => [s.id, (s.querySelector('.tl-headline-date') || {}).textContent || ''])",
    )
    page.close()
    assert outside == [] and errors == []
    title, *slides = shown  # TimelineJS's own title slide comes first
    # Every entry, once. (Where dates overlap the site puts a report after what it reports;
    # TimelineJS knows only starts, so only the order of starts is compared below.)
    assert sorted(anchor for anchor, _ in slides) == sorted(by_anchor)
    # TimelineJS orders slides by the start it was given: a bounded date sits after everything
    # that ends before its earliest bound ("between May and 25 June 2018" after 19 April).
    starts = [date_order(by_anchor[anchor].date)[:3] for anchor, _ in slides]
    assert starts == sorted(starts)
    hedges = {anchor: text for anchor, text in slides if hedged(by_anchor[anchor].date)}
    assert hedges, "the content has no inferred or vague date to show"
    for anchor, text in hedges.items():
        assert text == value_text(by_anchor[anchor].date), anchor
