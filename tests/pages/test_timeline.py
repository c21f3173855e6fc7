"""The timeline as built: the page, the filter pages and the exports (events as content: tests/model/test_event_files.py)."""

from __future__ import annotations

import json
import re

from explainer.content.dates import MONTHS, read_span
from explainer.content.fields import EVENT_GROUPS
from explainer.model.timeline import ERAS
from reading import note_href, text_of, value_text

# Every check reads what to expect from the model of the content the site was built from.


def timeline_items(soup):
    return soup.select("li.entry")


def dated(model) -> dict:
    """Each entry the timeline must show, by anchor, with its date: every event, and the date each
    source was published where it is known (a primary document's date is an event of its own)."""
    events = {event.slug: event.date for event in model.events}
    reports = {
        f"report-{source.slug}": source.date
        for source in model.sources
        if source.date.known and source.kind != "primary document"
    }
    return {**events, **reports}


def in_order(site, anchors) -> list[str]:
    """The anchors in the order of the full timeline (whose order the tests check against dates)."""
    wanted = set(anchors)
    return [li["id"] for li in timeline_items(site.soup("/timeline/")) if li["id"] in wanted]


def test_every_event_and_every_dated_report_is_on_the_timeline(any_site):
    exported = json.loads((any_site.root / "data" / "timeline.json").read_text())["entries"]
    items = timeline_items(any_site.soup("/timeline/"))
    assert [li["id"] for li in items] == [entry["id"] for entry in exported]
    assert sorted(li["id"] for li in items) == sorted(dated(any_site.model))
    for li in items:
        kind = "report" if li["id"].startswith("report-") else "event"
        assert f"entry-{kind}" in li["class"], li["id"]


def _span(fact):
    """The first and last days a date allows (its bounds where it has them)."""
    return (fact.earliest or fact.value).earliest(), (fact.latest or fact.value).latest()


def _first_moment(fact):
    """The first day a date allows (its earliest bound where it has one); less precise first."""
    start = fact.earliest or fact.value
    return (start.year, start.month or 1, start.day or 1, bool(fact.value.month) + bool(fact.value.day))


def test_entries_are_in_date_order_with_datetime_at_true_precision(any_site):
    """By first moment; an entry moves later only after one whose dates overlap its own, and
    never after an entry its dates say is wholly later."""
    dates = dated(any_site.model)
    items = timeline_items(any_site.soup("/timeline/"))
    times = [li.select_one(".entry-meta time")["datetime"] for li in items]
    assert times == [dates[li["id"]].value.iso() for li in items]
    assert all(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", t) for t in times)
    spans = [_span(dates[li["id"]]) for li in items]
    for index, (first, _) in enumerate(spans):
        for _, later_last in spans[index + 1 :]:
            assert not later_last < first, f"{items[index]['id']} stands before an entry wholly earlier"
    moments = [_first_moment(dates[li["id"]]) for li in items]
    out_of_order = [i for i in range(1, len(moments)) if moments[i] < moments[i - 1]]
    for i in out_of_order:
        assert _span(dates[items[i]["id"]])[0] <= spans[i - 1][1], "only overlapping dates trade places"


def stated_order(model) -> list[tuple[str, str, object]]:
    """(later, earlier, explaining claim or None): each event after what it follows, each report
    after every event that reports from it."""
    pairs = [(e.slug, f["event"], f["explained_by"]) for e in model.events for f in e.follows]
    for source in model.sources:
        if source.date.known and source.kind != "primary document":
            pairs += [
                (f"report-{source.slug}", e.slug, None)
                for e in model.events
                if not e.expected
                and source.slug in {c.key for c in e.citations}
                and not _span(e.date)[0] > _span(source.date)[1]
            ]
    return pairs


def test_nothing_stands_before_what_it_follows_without_saying_why(any_site):
    soup = any_site.soup("/timeline/")
    order = [li["id"] for li in timeline_items(soup)]
    claims = {c.slug: c for c in any_site.model.claims}
    for later, earlier, claim in stated_order(any_site.model):
        if order.index(later) > order.index(earlier):
            assert claim is None, f"{later} names a conflict its dates do not have"
            continue
        assert claim, f"{later} stands before {earlier}, which it follows, and does not say why"
        for anchor in (later, earlier):
            said = [text_of(p) for p in soup.find(id=anchor).select(".conflict")]
            links = [a["href"] for a in soup.find(id=anchor).select(".conflict a")]
            assert said and f"/differences/#{claims[claim].anchor}" in links, anchor
            assert soup.find(id=later).h4.get_text() in " ".join(said) or anchor == later
            # Each says where the later entry stands: before, as the page shows it.
            assert any(", so it stands before " in sentence for sentence in said), said
            assert not any("follows this" in sentence for sentence in said), said


def test_entries_have_anchors_permalinks_and_text_group_labels(any_site):
    for li in timeline_items(any_site.soup("/timeline/")):
        assert li.h4.a["href"] == f"/timeline/#{li['id']}"
        tag = li.select_one(".group-tag").get_text()
        assert tag == (EVENT_GROUPS.get(li["data-group"]) or "Reported")


def test_vague_and_inferred_dates_read_as_such(any_site):
    model = any_site.model
    soup = any_site.soup("/timeline/")
    ends = {event.slug: event.end for event in model.events}
    for anchor, date in dated(model).items():
        li = soup.find(id=anchor)
        times = li.select(".entry-meta time")
        assert times[0].get_text() == value_text(date), anchor
        basis = f"Date inferred: {' '.join(date.basis.split())}" if date.inferred else "Date inferred:"
        assert (basis in text_of(li)) is date.inferred, anchor
        end = ends.get(anchor)
        assert len(times) == (2 if end else 1)
        if end:
            assert times[1]["datetime"] == end.value.iso() and times[1].get_text() == value_text(end)


def test_each_event_cites_source_paragraphs_in_the_page_s_one_list_of_notes(any_site):
    soup = any_site.soup("/timeline/")
    for event in any_site.model.events:
        li = soup.find(id=event.slug)
        assert li.select(".references") == []
        markers = li.select("a.cite-ref")
        notes = [soup.select_one(f".references {marker['href']}") for marker in markers]
        links = list(dict.fromkeys(note.select_one(".note-link")["href"] for note in notes))
        assert links == [note_href(note) for note in event.rendered.notes], event.slug
        assert {note.source.slug for note in event.rendered.notes} == {c.key for c in event.citations}


def period_heading(dates) -> str:
    """A period is a month, or a year, where its first entry starts (a date within bounds starts
    at its earliest); a period whose dates all read one way, other than a plain date ('the 1940s',
    'late 2016'), is headed by that wording."""
    wordings = {value_text(date).removesuffix(" (inferred)") for date in dates}
    if len(wordings) == 1 and not wordings & {date.value.text() for date in dates}:
        shared = wordings.pop()
        return shared[0].upper() + shared[1:]
    first = dates[0].earliest or dates[0].value
    return f"{MONTHS[first.month - 1]} {first.year}" if first.month else str(first.year)


def test_periods_are_headed_by_year_or_month_or_a_shared_vague_wording(any_site):
    dates = dated(any_site.model)
    starts = []
    for period in any_site.soup("/timeline/").select(".period"):
        in_period = [dates[li["id"]] for li in timeline_items(period)]
        assert period.h3.get_text() == period_heading(in_period)
        first = in_period[0].earliest or in_period[0].value
        starts.append((first.year, first.month or 0))
        for date in in_period:  # every entry of the period can fall within it or after its start
            assert _span(date)[1] >= (first.earliest() if first.month else first.earliest())
    assert starts == sorted(starts), "section headings follow the entries' order"


def era_of(date) -> int:
    start = _span(date)[0]
    return [i for i, (_, first) in enumerate(ERAS) if first is None or start >= first.earliest()][-1]


def test_eras_divide_the_page_in_order(any_site):
    dates = dated(any_site.model)
    eras = any_site.soup("/timeline/").select(".era")
    titles = [title for title, _ in ERAS]
    headings = [titles.index(era.h2.get_text()) for era in eras]
    assert headings == sorted(set(headings))
    for era, index in zip(eras, headings, strict=True):
        # An entry stands in its own era, or a later one where the stated order moved it.
        assert all(era_of(dates[li["id"]]) <= index for li in timeline_items(era))


def test_source_pages_list_the_events_they_report(any_site):
    model = any_site.model
    for source in model.sources:
        listed = [a["href"] for a in any_site.soup(f"/{source.url}").select(".events-reported a")]
        reporting = [e for e in model.events if source.slug in {c.key for c in e.citations}]
        assert listed == [f"/timeline/#{event.slug}" for event in reporting], source.slug


def test_group_pages_hold_only_their_group(any_site):
    model = any_site.model
    for group, label in EVENT_GROUPS.items():
        soup = any_site.soup(f"/timeline/group/{group}/")
        in_group = [event.slug for event in model.events if event.group == group]
        assert [li["id"] for li in timeline_items(soup)] == in_order(any_site, in_group), group
        assert soup.h1.get_text() == f"Timeline: {label}"


def test_entity_pages_hold_its_events_and_its_description(any_site):
    model = any_site.model
    for entity in model.entities.values():
        soup = any_site.soup(f"/{entity.timeline_url}")
        involved = [event.slug for event in model.events if entity.slug in event.entity_slugs]
        assert [li["id"] for li in timeline_items(soup)] == in_order(any_site, involved), entity.slug
        summary = soup.select_one(".entity-summary")
        assert summary.h2.get_text().startswith(entity.name)
        assert len(summary.select("a.cite-ref")) == len(entity.citations)


def test_filters_are_links_that_work_without_javascript(any_site):
    model = any_site.model
    nav = any_site.soup("/timeline/").select_one("nav.timeline-filters")
    counts = {
        a["href"]: a.parent.get_text() if a.parent.name == "li" else a.get_text() for a in nav.select("a")
    }
    assert f"Everything ({len(dated(model))})" in counts["/timeline/"]
    for group, label in EVENT_GROUPS.items():
        count = sum(event.group == group for event in model.events)
        assert f"{label} ({count})" in counts[f"/timeline/group/{group}/"]
    for entity in model.entities.values():
        count = sum(entity.slug in event.entity_slugs for event in model.events)
        assert f"{entity.name} ({count})" in counts[f"/{entity.timeline_url}"]


def test_entity_filter_pages_link_back_to_the_list_instead_of_repeating_it(any_site):
    assert any_site.soup("/timeline/").select("details ul#entity-filters a")
    for entity in any_site.model.entities.values():
        soup = any_site.soup(f"/{entity.timeline_url}")
        assert not soup.select(".entity-filters")
        assert soup.select_one('nav.timeline-filters a[href="/timeline/#entity-filters"]')


def date_record(fact) -> dict:
    value = fact.value
    return {
        "iso": value.iso(),
        "precision": value.precision,
        "text": value.text(),
        "display": fact.display,
        "earliest": fact.earliest.iso() if fact.earliest else None,
        "latest": fact.latest.iso() if fact.latest else None,
        "wording": value_text(fact),
        "status": fact.status,
        "basis": fact.basis,
    }


def test_timeline_json_export(any_site):
    model = any_site.model
    data = json.loads((any_site.root / "data" / "timeline.json").read_text())
    assert set(data["fields"]) == set(data["entries"][0])
    dates = dated(model)
    events = {event.slug: event for event in model.events}
    for entry in data["entries"]:
        assert entry["date"] == date_record(dates[entry["id"]])
        assert "[@" not in entry["text"] and entry["url"] == f"/timeline/#{entry['id']}"
        event = events.get(entry["id"])
        if event is None:
            assert entry["kind"] == "report" and entry["citations"] == [] and entry["entities"] == []
            continue
        assert entry["kind"] == "event" and entry["entities"] == event.entity_slugs
        assert entry["end"] == (date_record(event.end) if event.end else None)
        assert [(c["source"], c["paragraphs"], c["url"]) for c in entry["citations"]] == [
            (
                c.key,
                [c.pinpoint.first, c.pinpoint.last] if c.pinpoint else None,
                f"/sources/{c.key}/" + (f"#{c.pinpoint.anchor}" if c.pinpoint else ""),
            )
            for c in event.citations
        ]


def test_each_entry_s_wording_names_the_days_it_is_placed_by(any_site):
    """What a reader sees of a date ('late 2017', 'between 11 and 25 June 2018') reads back as
    the days the entry is placed by, so no entry stands where its wording says it should not. A
    decade, which a value cannot say, is placed at its first year."""
    dates = dated(any_site.model)
    for li in timeline_items(any_site.soup("/timeline/")):
        wording = li.select_one(".entry-meta time").get_text().removesuffix(" (inferred)")
        read = read_span(wording)
        assert read, f"{li['id']}: '{wording}' names no days"
        first, last, form = read
        placed = _span(dates[li["id"]])
        assert first == placed[0], f"{li['id']}: '{wording}' starts on {first}, placed at {placed[0]}"
        assert (first, last) == placed or form == "decade", li["id"]
