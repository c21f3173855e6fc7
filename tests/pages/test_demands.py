"""The demands comparison: campaigns as content, their errors, the table, the wording comparison."""

from __future__ import annotations

import csv
import io
import json

import pytest
from contenttree import campaign_text
from explainer.content.fields import DEMAND_CATEGORIES
from explainer.content.phrasing import capitalised, date_order
from explainer.text.wording import align
from reading import text_of, value_text


def test_a_valid_campaign(tree):
    tree.write("campaigns/good-campaign.md", campaign_text())
    assert tree.errors() == []
    campaign = tree.model().campaigns[0]
    assert campaign.demands[0].citation.key == "good-source"


@pytest.mark.parametrize(
    ("kwargs", "line", "message"),
    # An error in a citation points at its cite: line, one in the words at the quote: line.
    [
        ({"quote": "a misquotation"}, 10, "the quotation “a misquotation” is not in good-source, para. 2"),
        ({"cite": "no-such-source"}, 11, "no source has the key 'no-such-source'"),
        ({"cite": "good-source para 2"}, 11, "is not a citation"),
        ({"category": "world-peace"}, 9, "demands: 'world-peace' is not a demand category — write one of:"),
        ({"actor": "nobody"}, 3, "no entity has the slug 'nobody'"),
    ],
)
def test_campaign_errors_name_file_and_line(tree, kwargs, line, message):
    tree.write("campaigns/bad-campaign.md", campaign_text(**kwargs))
    tree.error_at("campaigns/bad-campaign.md", line, message)


def test_a_demand_without_a_citation_is_refused(tree):
    text = campaign_text().replace("    cite: good-source, para. 2\n", "")
    tree.write("campaigns/bad-campaign.md", text)
    assert "each entry needs 'quote' (the source's words) and 'cite' (key, para. N)" in tree.only_error()


# The wording comparison, on small texts.


@pytest.mark.parametrize(
    ("copy", "differences"),
    [
        ("Stop selling it to the police.", []),
        ("\u201cStop selling it to the police", ["adds an opening quotation mark", "leaves out a full stop"]),
        ("Stop selling it to the police, now.", ["adds the words \u201c, now\u201d"]),
        ("Stop selling it", ["stops before the words \u201cto the police.\u201d"]),
        ("Stop selling it to the polise.", ["spells \u201cpolice\u201d as \u201cpolise\u201d"]),
    ],
)
def test_align_names_each_difference(copy, differences):
    _, found = align("Stop selling it to the police.", copy)
    assert found == differences


# The built page: every check reads what to expect from the model of the content it was built from.

FACT_ROWS = ["Who asked", "Asked whom", "When", "Form", "How many took part", "What they asked"]
OUTCOME_ROW = "What came of it"


def by_date(site) -> list:
    """The campaigns in the page's order: by date, the first day each date allows first."""
    return sorted(site.model.campaigns, key=lambda c: date_order(c.date))


def kinds_asked(model) -> list[tuple[str, str]]:
    """The demand categories some campaign asks for, in the order of DEMAND_CATEGORIES."""
    return [
        (slug, label)
        for slug, label in DEMAND_CATEGORIES.items()
        if any(c.demands_in(slug) for c in model.campaigns)
    ]


def test_the_matrix_marks_who_asked_for_what_in_date_order(any_site):
    campaigns = by_date(any_site)
    table = any_site.soup("/demands/").select_one("table.matrix")
    assert text_of(table.caption) == f"What {len(campaigns)} campaigns of 2018 asked for"
    kinds = kinds_asked(any_site.model)
    headers = table.select("thead th[scope=col]")[1:]
    assert [th.abbr["title"] for th in headers] == [label for _, label in kinds]
    rows = table.select("tbody tr")
    assert [row.th.a["href"] for row in rows] == [f"#{c.anchor}" for c in campaigns]
    for row, campaign in zip(rows, campaigns, strict=True):
        for cell, (slug, label) in zip(row.select("td"), kinds, strict=True):
            if campaign.demands_in(slug):
                assert cell["class"] == ["asked"] and text_of(cell) == "✓ asked", (campaign.slug, slug)
                assert cell.a["href"] == f"#{campaign.anchor}-{slug}"
                assert cell.a["aria-label"] == f"Asked: {label}. Read the words"
            else:
                assert cell["class"] == ["not-asked"] and text_of(cell) == "– no", (campaign.slug, slug)
    # A mark leads to the campaign's own words, one tap away, not hidden in a disclosure.
    soup = any_site.soup("/demands/")
    for link in table.select("td.asked a"):
        target = soup.find(id=link["href"][1:])
        assert target.name == "li" and target.select_one(".quoted-cell") is None
        assert target.find_parent("details") is None


def card(site, campaign) -> dict[str, object]:
    section = site.soup("/demands/").find(id=campaign.anchor)
    assert section.h3.get_text() == campaign.title
    return {dt.get_text(): dt.find_next_sibling("dd") for dt in section.select("dl > dt")}


def assert_quoted(site, cell, quotes, fallback: str) -> None:
    """A card shows each quotation word for word, each with a note that links to the cited
    paragraph; or, where the sources give none, the fallback."""
    if not quotes:
        assert text_of(cell) == fallback
        return
    soup = site.soup("/demands/")
    shown = cell.select(".quoted-cell, .demand-list li")
    assert len(shown) == len(quotes)
    for quoted, element in zip(quotes, shown, strict=True):
        assert " ".join(quoted.quote.split()) in text_of(element)
        note = soup.find(id=element.select_one("a.cite-ref")["href"][1:])
        pinpoint = quoted.citation.pinpoint
        target = f"/sources/{quoted.citation.key}/" + (f"#{pinpoint.anchor}" if pinpoint else "")
        assert note.find("a", href=target) is not None, target


def test_the_cards_follow_in_date_order(any_site):
    cards = any_site.soup("/demands/").select(".campaign-cards > section.campaign-card")
    assert [card["id"] for card in cards] == [c.anchor for c in by_date(any_site)]


def test_each_card_quotes_its_campaign_s_figures_demands_and_outcome_with_citations(any_site):
    kinds = kinds_asked(any_site.model)
    for campaign in any_site.model.campaigns:
        cells = card(any_site, campaign)
        assert list(cells) == [*FACT_ROWS, OUTCOME_ROW]
        assert [a["href"] for a in cells["Who asked"].select("a")] == [f"/{campaign.actor.url}"]
        assert [a["href"] for a in cells["Asked whom"].select("a")] == [f"/{t.url}" for t in campaign.targets]
        assert cells["When"].time["datetime"] == campaign.date.value.iso()
        assert cells["When"].time.get_text() == value_text(campaign.date)
        assert cells["Form"].get_text() == campaign.form.capitalize()
        assert_quoted(
            any_site, cells["How many took part"], campaign.participants, "No figure reported by the sources."
        )
        asked = [d for slug, _ in kinds for d in campaign.demands_in(slug)]
        assert_quoted(any_site, cells["What they asked"], asked, "")
        labels = [e.get_text() for e in cells["What they asked"].select(".demand-kind")]
        assert labels == [d.category_label for d in asked]
        assert_quoted(any_site, cells[OUTCOME_ROW], campaign.outcome, "No response reported by the sources.")


def test_every_card_citation_resolves_to_a_note(any_site):
    soup = any_site.soup("/demands/")
    markers = soup.select(".campaign-card a.cite-ref")
    quoted = [q for c in any_site.model.campaigns for q in (*c.participants, *c.demands, *c.outcome)]
    assert len(markers) == len(quoted)
    for marker in markers:
        note = soup.find(id=marker["href"][1:])
        assert note is not None and note.find("a", href=f"#{marker['id']}")


def compared_demands(model) -> list:
    """Demands quoted from a paragraph of a primary document: each is compared across the sources."""
    return [
        (demand, demand.citation.note.source)
        for campaign in model.campaigns
        for demand in campaign.demands
        if demand.citation.note.source.kind == "primary document" and demand.citation.pinpoint
    ]


def test_the_wording_comparison_is_computed_from_the_sources(any_site):
    model = any_site.model
    tables = any_site.soup("/demands/").select("section.wording table.wordings")
    compared = compared_demands(model)
    assert len(tables) == len(compared)
    for table, (demand, document) in zip(tables, compared, strict=True):
        number = demand.citation.pinpoint.first
        assert (
            text_of(table.caption) == f"\u201c{' '.join(demand.quote.split())}\u201d as worded by each source"
        )
        reference, *rows = table.select("tbody tr")
        assert reference.th.a["href"] == f"/{document.url}#p{number}"
        assert text_of(reference.select("td")[0]) == " ".join(document.paragraphs[number - 1].split())
        quoting = set()
        for row in rows:
            slug, anchor = row.th.a["href"].split("/")[2], row.th.a["href"].split("#p")[1]
            quoting.add(slug)
            source = model.sources_by_slug[slug]
            wording, differences = row.select("td")
            # Each difference is marked: changed or added words in <mark>, left-out ones in <del>.
            marked = bool(wording.select("mark, del"))
            assert (differences.get_text() == "Identical.") is not marked, row.th.a["href"]
            # Each difference in words, as the alignment names it, with its quotations' case kept.
            _, named = align(document.paragraphs[number - 1], source.paragraphs[int(anchor) - 1])
            assert [text_of(li) for li in differences.select("li")] == [capitalised(d) for d in named]
            for deleted in wording.select("del"):
                deleted.decompose()  # what the source leaves out is not in its paragraph
            assert text_of(wording) in " ".join(source.paragraphs[int(anchor) - 1].split()), row.th.a["href"]
        assert document.slug not in quoting
        if document.text_source:  # the source the document's text was taken from reproduces it
            assert document.text_source.slug in quoting


def test_source_pages_list_the_campaigns_they_report(any_site):
    model = any_site.model
    for source in model.sources:
        links = {a["href"] for a in any_site.soup(f"/{source.url}").select(".campaigns-reported a")}
        citing = {c.anchor for c in model.campaigns if source.slug in {cit.key for cit in c.citations}}
        assert links == {f"/demands/#{anchor}" for anchor in citing}, source.slug


def test_demands_json_and_csv_have_one_record_per_demand(any_site):
    campaigns = any_site.model.campaigns
    data = json.loads((any_site.root / "data" / "demands.json").read_text())
    assert [c["id"] for c in data["campaigns"]] == [c.slug for c in campaigns]
    # (Its dates and paragraphs, as spreadsheets read them: tests/exports/test_demands_csv.py.)
    text = (any_site.root / "data" / "demands.csv").read_text(encoding="utf-8-sig")
    named = ("campaign", "actor", "target", "category", "wording", "source")
    rows = [{k: row[k] for k in named} for row in csv.DictReader(io.StringIO(text))]
    assert rows == [
        {
            "campaign": campaign.slug,
            "actor": campaign.actor_slug,
            "target": "; ".join(campaign.target_slugs),
            "category": demand.category,
            "wording": f"\u201c{demand.quote}\u201d",
            "source": demand.citation.key,
        }
        for campaign in campaigns
        for demand in campaign.demands
    ]
    for exported, campaign in zip(data["campaigns"], campaigns, strict=True):
        assert [(d["category"], d["quote"], d["source"]) for d in exported["demands"]] == [
            (d.category, d.quote, d.citation.key) for d in campaign.demands
        ]
        assert [q["quote"] for q in exported["participants"]] == [q.quote for q in campaign.participants]


def test_entity_pages_list_the_campaigns_they_led_or_faced(any_site):
    model = any_site.model
    for entity in model.entities.values():
        led = [f"/demands/#{c.anchor}" for c in model.campaigns if c.actor_slug == entity.slug]
        faced = [f"/demands/#{c.anchor}" for c in model.campaigns if entity.slug in c.target_slugs]
        summary = any_site.soup(f"/{entity.timeline_url}").select_one(".entity-summary")
        page = any_site.soup(f"/{entity.url}").select_one("article.entity")
        for soup, level in ((summary, "h3"), (page, "h2")):
            for heading, expected in (("Campaigns it led", led), ("Campaigns aimed at it", faced)):
                found = soup.find(level, string=heading)
                listed = [a["href"] for a in found.find_next("ul").select("a")] if found else []
                assert listed == expected, (entity.slug, heading)
