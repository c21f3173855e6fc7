"""Events as content: the errors a contributor can make in an event file, each at its line, and
dates worked out from one another, ordered by the model as the timeline will show them."""

from __future__ import annotations

import pytest
from contenttree import event_text
from explainer.model.timeline import entries


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


def test_an_event_dated_before_what_it_follows_fails_unless_a_claim_explains_it(tree):
    from contenttree import claim_text

    tree.write("events/the-letter.md", event_text(date="2018-06-21"))
    follows = "follows:\n- event: the-letter\n"
    tree.write("events/the-report.md", event_text(date="2018-06-20", extra=follows))
    tree.error_at(
        "events/the-report.md",
        7,
        "the event is dated 20 June 2018, before the-letter, which it follows, dated 21 June 2018 — correct "
        "one of the dates; or, where the sources disagree, add a claim",
    )
    tree.write(
        "claims/when.md", claim_text([("something happened", "something happened", "good-source, para. 1")])
    )
    explained = follows + "  explained_by: when\n"
    tree.write("events/the-report.md", event_text(date="2018-06-20", extra=explained))
    assert tree.errors() == []
    ordered = entries(tree.model())
    report = next(e for e in ordered if e.anchor == "the-report")
    letter = next(e for e in ordered if e.anchor == "the-letter")
    assert [c.claim.slug for c in report.conflicts] == ["when"] == [c.claim.slug for c in letter.conflicts]
    # Dates that agree need no explanation, and may not claim one.
    tree.write("events/the-report.md", event_text(date="2018-06-22", extra=explained))
    tree.error_at("events/the-report.md", 8, "'explained_by' names when, but the dates agree")
    tree.write("events/the-report.md", event_text(date="2018-06-22", extra="follows: [no-such-event]\n"))
    tree.error_at("events/the-report.md", 6, "'follows' names 'no-such-event', which is not another event")


def test_a_date_that_rests_on_another_is_worked_out_again_from_it(tree):
    """The good source is dated 25 June 2018: its "Last Thursday" is 21 June, whose week runs
    from 18 to 24 June, whose Wednesday is 20 June. Change a link and the next one says so."""
    rests = "  status: inferred\n  basis: worked out\n  rests_on: {{{kind}: {slug}, phrase: {phrase}}}\n"

    def dated(value, kind, slug, phrase, bounds=""):
        return f"\n  value: {value}\n{bounds}" + rests.format(kind=kind, slug=slug, phrase=phrase)

    week = "  earliest: 2018-06-18\n  latest: 2018-06-24\n"
    tree.write(
        "events/letter.md", event_text(date=dated("2018-06-21", "source", "good-source", "Last Thursday"))
    )
    tree.write("events/week.md", event_text(date=dated("2018-06", "event", "letter", "this week", week)))
    tree.write("events/wednesday.md", event_text(date=dated("2018-06-20", "event", "week", "Wednesday")))
    assert tree.errors() == []
    tree.write(
        "events/letter.md", event_text(date=dated("2018-06-22", "source", "good-source", "Last Thursday"))
    )
    tree.error_at(
        "events/letter.md",
        7,
        "the date rests on good-source, dated 25 June 2018: “Last Thursday” makes it 21 June 2018, "
        "not 22 June 2018 — write value: 2018-06-21 (and no bounds)",
    )
    tree.write(
        "events/letter.md", event_text(date=dated("2018-06-14", "source", "good-source", "Last Thursday"))
    )
    errors = tree.errors()
    assert any(e.startswith("content/events/week.md:9: the date rests on letter") and
               "makes it 11 June 2018 to 17 June 2018" in e and
               "write value: 2018-06, earliest: 2018-06-11, latest: 2018-06-17" in e for e in errors), errors  # fmt: skip


def test_where_dates_overlap_the_stated_order_decides(tree):
    tree.write("events/the-letter.md", event_text(date="2018-06-21"))
    tree.write("events/the-reply.md", event_text(date="2018-06", extra="follows: [the-letter]\n"))
    ordered = [entry.anchor for entry in entries(tree.model())]
    # June 2018 would sort before 21 June; it follows the letter, so it stands after it.
    assert ordered.index("the-reply") == ordered.index("the-letter") + 1


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
