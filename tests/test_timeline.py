"""The timeline: events as content, their errors, the page, the filter pages and the exports."""

from __future__ import annotations

import json
import re

import pytest
from contenttree import event_text
from explainer.collections import EVENT_GROUPS
from explainer.timeline import entries

# Errors a contributor can make in an event file, each pointing at its line.


@pytest.mark.parametrize(
    ("kwargs", "line", "message"),
    [
        ({"date": "2018-02-30"}, 3, "date: '2018-02-30' is not a day of the calendar"),
        ({"date": "June 2018"}, 3, "date: 'June 2018' is not a date — write YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"date": "unknown"}, 3, "date: an event needs a date — give at least the year"),
        ({"group": "martians"}, 4, "group: 'martians' is not a known value — write one of: amazon"),
        ({"entities": "[example-news, nobody]"}, 5, "no entity has the slug 'nobody'"),
        ({"entities": "[]"}, 5, "entities: this field must be a list of slugs"),
        (
            {"body": "It happened, trust us."},
            7,
            "the description cites no source — end each factual sentence",
        ),
        ({"extra": "end: 2018-06-01\n"}, 6, "the event ends (2018-06-01) before it starts (2018-06-21)"),
        ({"body": "It happened.[@no-such-source]"}, 7, "no source has the key 'no-such-source'"),
    ],
)
def test_event_errors_name_file_and_line(tree, kwargs, line, message):
    tree.write("events/bad-event.md", event_text(**kwargs))
    tree.error_at("events/bad-event.md", line, message)


def test_inferred_event_dates_need_a_basis(tree):
    tree.write("events/bad-event.md", event_text(date="{value: 2018-06, status: inferred}"))
    assert "date: an inferred value has no basis" in tree.only_error()


def test_mixed_precisions_order_year_then_month_then_day_then_reports(tree):
    for slug, date in (("on-the-day", "2018-06-25"), ("in-the-month", "2018-06"), ("in-the-year", "2018")):
        tree.write(f"events/{slug}.md", event_text(date=date))
    tree.write("events/the-day-before.md", event_text(date="2018-06-24"))
    ordered = [entry.anchor for entry in entries(tree.model())]
    # The good source is dated 2018-06-25: its report comes after the event of that day.
    assert ordered == ["in-the-year", "in-the-month", "the-day-before", "on-the-day", "report-good-source"]


# The built site.


def timeline_items(soup):
    return soup.select("li.entry")


def test_every_event_and_every_dated_report_is_on_the_timeline(site):
    exported = json.loads((site.root / "data" / "timeline.json").read_text())["entries"]
    items = timeline_items(site.soup("/timeline/"))
    assert [li["id"] for li in items] == [entry["id"] for entry in exported]
    events = [li for li in items if "entry-event" in li["class"]]
    reports = [li for li in items if "entry-report" in li["class"]]
    assert len(events) >= 20
    assert {li["id"] for li in reports} == {
        "report-itwire-2018-06-25",
        "report-antimedia-wedler-2018-06",
        "report-aclu-rekognition-findings-2018-05",
        "report-zdnet-aclu-letter",
        "report-wsws-2018-06-25",
    }


def _key(iso: str):
    parts = [int(p) for p in iso.split("-")] + [0, 0]
    return tuple(parts[:3])


def test_entries_are_in_date_order_with_datetime_at_true_precision(site):
    times = [li.select_one(".entry-meta time")["datetime"] for li in timeline_items(site.soup("/timeline/"))]
    assert times == sorted(times, key=_key)
    assert all(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", t) for t in times)
    assert {"1940", "2016", "2016-11", "2018-05", "2018-06-21"} <= set(times)


def test_entries_have_anchors_permalinks_and_text_group_labels(site):
    for li in timeline_items(site.soup("/timeline/")):
        assert li.h4.a["href"] == f"/timeline/#{li['id']}"
        tag = li.select_one(".group-tag").get_text()
        assert tag == (EVENT_GROUPS.get(li["data-group"]) or "Reported")


def test_vague_and_inferred_dates_read_as_such(site):
    soup = site.soup("/timeline/")
    launch = soup.find(id="rekognition-launch")
    assert launch.time.get_text() == "late 2016" and launch.time["datetime"] == "2016"
    letter = soup.find(id="employees-letter")
    assert letter.time.get_text() == "21 June 2018 (inferred)"
    assert (
        'Date inferred: The WSWS report, dated Monday 25 June 2018, says "Last Thursday".'
        in letter.get_text()
    )


def test_each_event_cites_source_paragraphs(site):
    soup = site.soup("/timeline/")
    for li in soup.select("li.entry-event"):
        links = [a["href"] for a in li.select(".cite-links a")]
        assert links and all(re.fullmatch(r"/sources/[a-z0-9-]+/(#p\d+)?", href) for href in links), li["id"]


def test_periods_are_headed_by_year_or_month_or_a_shared_vague_wording(site):
    headings = [h.get_text() for h in site.soup("/timeline/").select(".period > h3")]
    assert headings[:3] == ["The 1940s", "2013", "2014"]
    assert "November 2016" in headings and "June 2018" in headings and "1940" not in headings


def test_eras_divide_the_page(site):
    assert [h.get_text() for h in site.soup("/timeline/").select(".era > h2")] == [
        "Before the letter",
        "The week of the letter",
        "The reports that followed",
    ]


def test_source_pages_list_the_events_they_report(site):
    soup = site.soup("/sources/wsws-2018-06-25/")
    listed = {a["href"] for a in soup.select(".events-reported a")}
    assert "/timeline/#employees-letter" in listed and "/timeline/#palantir-ice-contract-2014" in listed
    timeline = site.soup("/timeline/")
    for href in listed:
        assert timeline.find(id=href.split("#")[1]) is not None


@pytest.mark.parametrize("group", ["google", "civil-society"])
def test_group_pages_hold_only_their_group(site, group):
    items = timeline_items(site.soup(f"/timeline/group/{group}/"))
    assert items and {li["data-group"] for li in items} == {group}
    assert site.soup(f"/timeline/group/{group}/").h1.get_text() == f"Timeline: {EVENT_GROUPS[group]}"


def test_entity_pages_hold_its_events_and_its_description(site):
    soup = site.soup("/timeline/entity/aclu/")
    items = timeline_items(soup)
    assert items and all("aclu" in li["data-entities"].split() for li in items)
    assert "American Civil Liberties Union" in soup.select_one(".entity-summary").get_text()
    assert soup.select(".entity-summary a.cite-ref")


def test_filters_are_links_that_work_without_javascript(site):
    nav = site.soup("/timeline/").select_one("nav.timeline-filters")
    hrefs = {a["href"] for a in nav.select("a")}
    assert {f"/timeline/group/{g}/" for g in EVENT_GROUPS} <= hrefs
    assert "/timeline/entity/palantir/" in hrefs


def test_entity_filter_pages_link_back_to_the_list_instead_of_repeating_it(site):
    assert site.soup("/timeline/").select("details ul#entity-filters a")
    soup = site.soup("/timeline/entity/aclu/")
    assert not soup.select(".entity-filters")
    assert soup.select_one('nav.timeline-filters a[href="/timeline/#entity-filters"]')


def test_timeline_json_export(site):
    data = json.loads((site.root / "data" / "timeline.json").read_text())
    assert set(data["fields"]) == set(data["entries"][0])
    letter = next(e for e in data["entries"] if e["id"] == "employees-letter")
    assert letter["date"] == {
        "iso": "2018-06-21",
        "precision": "day",
        "text": "21 June 2018",
        "display": None,
        "status": "inferred",
        "basis": 'The WSWS report, dated Monday 25 June 2018, says "Last Thursday".',
    }
    assert "[@" not in letter["text"] and letter["entities"][0] == "amazon-employees"
    assert {
        "source": "wsws-2018-06-25",
        "paragraphs": [1, 1],
        "url": "/sources/wsws-2018-06-25/#p1",
    } in letter["citations"]


def test_timelinejs_export_has_what_timelinejs_requires(site):
    data = json.loads((site.root / "data" / "timeline.timelinejs.json").read_text())
    assert data["title"]["text"]["headline"]
    ids = [event["unique_id"] for event in data["events"]]
    assert len(ids) == len(set(ids)) >= 25
    for event in data["events"]:
        start = event["start_date"]
        assert re.fullmatch(r"\d{4}", start["year"])
        assert 1 <= int(start.get("month", 1)) <= 12 and 1 <= int(start.get("day", 1)) <= 31
        assert set(start) <= {"year", "month", "day", "display_date"}
        assert event["text"]["headline"] and event["text"]["text"].startswith("<p>")
        assert isinstance(event["group"], str)
    launch = next(e for e in data["events"] if e["unique_id"] == "rekognition-launch")
    assert launch["start_date"] == {"year": "2016", "display_date": "late 2016"}
