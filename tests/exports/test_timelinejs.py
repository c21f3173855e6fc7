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


def wording(entry) -> str:
    """The entry's dates as the timeline page words them, expected or not."""
    event = entry.event
    text = value_text(entry.date) + (f" to {value_text(event.end)}" if event and event.end else "")
    return text + (" (expected, not yet happened when reported)" if event and event.expected else "")


def test_every_slide_starts_where_its_date_allows_and_shows_the_sites_wording(any_site):
    by_anchor = {entry.anchor: entry for entry in entries(any_site.model)}
    slides = export(any_site)["events"]
    assert [slide["unique_id"] for slide in slides] == list(by_anchor)
    for slide in slides:
        entry = by_anchor[slide["unique_id"]]
        # A date known within bounds starts at its earliest bound, never on 1 January of its year.
        assert slide["start_date"] == parts(entry.date.earliest or entry.date.value)
        # TimelineJS sets display_date as HTML: the site's own wording, escaped, for every date
        # (its own would be "June 25, 2018" beside the site's "21 June 2018 (inferred)").
        assert slide["display_date"] == wording(entry).replace("&", "&amp;"), entry.anchor
        event = entry.event
        assert ("end_date" in slide) is bool(event and event.end), slide["unique_id"]


def test_a_reports_headline_hedges_a_publication_the_project_worked_out(any_site):
    by_anchor = {entry.anchor: entry for entry in entries(any_site.model)}
    for slide in export(any_site)["events"]:
        source = by_anchor[slide["unique_id"]].source
        if source is None:
            continue
        publication, title = source.publication, source.title
        named = value_text(publication, "an unnamed publication")
        shown = source.display_title if title.known else f"[{source.display_title}]"
        assert slide["text"]["headline"] == f"Reported by {named}: {shown}".replace("&", "&amp;")


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


def test_timelinejs_shows_every_entry_in_date_order_in_the_sites_wording(browser, timelinejs_page, site):
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
    # Every date in the site's own words, hedged or not.
    assert {anchor: text for anchor, text in slides} == {a: wording(by_anchor[a]) for a, _ in slides}
    assert any(hedged(by_anchor[anchor].date) for anchor, _ in slides), "no inferred or vague date to show"
