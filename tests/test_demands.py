"""The demands comparison: campaigns as content, their errors, the table, the wording comparison."""

from __future__ import annotations

import csv
import io
import json

import pytest
from contenttree import campaign_text
from explainer.collections import DEMAND_CATEGORIES
from explainer.wording import align

CAMPAIGNS = {
    "amazon-employees-letter",
    "aclu-coalition-letter",
    "aclu-petition",
    "microsoft-employees-letter",
    "google-maven-petition",
    "google-resignations",
    "github-developers-protest",
}


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


# The built page.


def demands_table(site):
    return site.soup("/demands/").select_one("table.demands")


def test_the_table_is_a_proper_data_table(site):
    table = demands_table(site)
    assert table.caption.get_text().startswith("Demands of 7 campaigns")
    headers = table.select("thead th[scope=col]")
    assert {th["id"].removeprefix("campaign-") for th in headers} == CAMPAIGNS
    row_headers = [th.get_text() for th in table.select("tbody th[scope=row]")]
    assert row_headers[:5] == ["Who asked", "Asked whom", "When", "Form", "How many took part"]
    assert row_headers[-1] == "What came of it"
    assert set(row_headers[5:-1]) == set(DEMAND_CATEGORIES.values())
    for row in table.select("tbody tr"):
        assert len(row.select("td")) == len(headers)


def column(site, slug) -> dict[str, str]:
    table = demands_table(site)
    index = [th["id"] for th in table.select("thead th[scope=col]")].index(f"campaign-{slug}")
    return {row.th.get_text(): row.select("td")[index] for row in table.select("tbody tr")}


def test_the_amazon_letter_column_has_all_three_demands_verbatim_and_cited(site):
    cells = column(site, "amazon-employees-letter")
    soup = site.soup("/demands/")
    expected = {
        "Stop selling face recognition to police and governments": "Stop selling facial recognition services to law enforcement.",
        "End contracts and services that support ICE": "Stop providing infrastructure to Palantir and any other Amazon partners who enable ICE.",
        "Disclose which agencies use the technology, and how": "Implement strong transparency and accountability measures",
    }
    for category, words in expected.items():
        cell = cells[category]
        assert words in cell.get_text()
        marker = cell.select_one("a.cite-ref")
        note = soup.find(id=marker["href"][1:])
        assert note.find("a", href=lambda h: h and h.startswith("/sources/amazon-employees-letter/#p"))
    assert cells["Get out of the surveillance business"].get_text(strip=True) == "Did not ask for this."
    assert "No response reported" not in cells["What came of it"].get_text()
    assert "have not yet responded" in cells["What came of it"].get_text()


def test_differing_figures_are_all_shown(site):
    figures = column(site, "aclu-coalition-letter")["How many took part"].get_text()
    for figure in ("35 other", "More than three dozen", "Forty", "over 40", "48"):
        assert figure in figures


def test_campaigns_without_a_reported_figure_or_outcome_say_so(site):
    cells = column(site, "github-developers-protest")
    assert cells["How many took part"].get_text(strip=True) == "No figure reported by the sources."
    assert cells["What came of it"].get_text(strip=True) == "No response reported by the sources."


def test_every_cell_citation_resolves_to_a_note(site):
    soup = site.soup("/demands/")
    markers = soup.select("table.demands a.cite-ref")
    assert len(markers) >= 30
    for marker in markers:
        note = soup.find(id=marker["href"][1:])
        assert note is not None and note.find("a", href=f"#{marker['id']}")


def test_cells_carry_their_campaign_for_the_narrow_layout(site):
    for td in demands_table(site).select("tbody td"):
        assert td["data-label"] in {th.get_text() for th in demands_table(site).select("thead th")}


def test_the_wording_comparison_is_computed_from_the_sources(site):
    section = site.soup("/demands/").select_one("section.wording")
    tables = section.select("table.wordings")
    assert len(tables) == 3
    rows = tables[0].select("tbody tr")
    sources = [row.th.a["href"] for row in rows]
    assert sources[0] == "/sources/amazon-employees-letter/#p8"
    assert "/sources/antimedia-wedler-2018-06/#p8" in sources and "/sources/itwire-2018-06-25/#p9" in sources
    anti_media = rows[sources.index("/sources/antimedia-wedler-2018-06/#p8")]
    assert [li.get_text() for li in anti_media.select("li")] == [
        "Adds an opening quotation mark",
        "Leaves out a full stop",
    ]
    assert anti_media.select_one("del").get_text() == "."
    identical = rows[sources.index("/sources/itwire-2018-06-25/#p24")]
    assert identical.select("td")[1].get_text() == "Identical."


def test_source_pages_list_the_campaigns_they_report(site):
    links = {a["href"] for a in site.soup("/sources/zdnet-aclu-letter/").select(".campaigns-reported a")}
    assert links == {"/demands/#campaign-aclu-coalition-letter"}


def test_demands_json_and_csv_have_one_record_per_demand(site):
    data = json.loads((site.root / "data" / "demands.json").read_text())
    assert {c["id"] for c in data["campaigns"]} == CAMPAIGNS
    rows = list(csv.DictReader(io.StringIO((site.root / "data" / "demands.csv").read_text())))
    assert len(rows) == sum(len(c["demands"]) for c in data["campaigns"]) >= 10
    assert set(rows[0]) == {
        "campaign",
        "actor",
        "target",
        "date",
        "category",
        "wording",
        "source",
        "paragraph",
    }
    letter = [r for r in rows if r["campaign"] == "amazon-employees-letter"]
    assert [r["paragraph"] for r in letter] == ["8", "9", "10"]
    assert letter[0]["target"] == "jeff-bezos; amazon" and letter[0]["date"] == "2018-06-21"
    assert letter[0]["wording"] == "Stop selling facial recognition services to law enforcement."


def test_entity_pages_list_the_campaigns_they_led_or_faced(site):
    aclu = site.soup("/timeline/entity/aclu/").select_one(".entity-summary")
    led = {a["href"] for a in aclu.find("h3", string="Campaigns it led").find_next("ul").select("a")}
    assert led == {"/demands/#campaign-aclu-coalition-letter", "/demands/#campaign-aclu-petition"}
    bezos = site.soup("/timeline/entity/jeff-bezos/").select_one(".entity-summary")
    faced = {a["href"] for a in bezos.find("h3", string="Campaigns aimed at it").find_next("ul").select("a")}
    assert faced == {"/demands/#campaign-aclu-coalition-letter", "/demands/#campaign-amazon-employees-letter"}
