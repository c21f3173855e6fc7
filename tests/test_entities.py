"""Entities: the name matcher, cross-links in every text, entity pages and the source panel."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from explainer.mentions import EntityMatcher
from explainer.render import MarkdownRenderer

ALIASES = {
    "amazon": ["Amazon"],
    "aws": ["Amazon Web Services", "AWS"],
    "ice": ["ICE", "Immigration and Customs Enforcement"],
    "bezos": ["Jeff Bezos", "Mr. Bezos", "Bezos"],
}


@pytest.fixture
def matcher():
    return EntityMatcher(ALIASES)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Amazon Web Services hosts it", [("aws", "Amazon Web Services")]),  # the longer name wins
        ("Amazon and AWS", [("amazon", "Amazon"), ("aws", "AWS")]),
        ("ice cream and Ice and ICE", [("ice", "ICE")]),  # case as the alias is written
        ("Amazonians, Amazon's, ICEland", [("amazon", "Amazon")]),  # whole words only
        ("Mr. Bezos said; Bezos", [("bezos", "Mr. Bezos"), ("bezos", "Bezos")]),
        ("ICE-related", [("ice", "ICE")]),
    ],
)
def test_matcher(matcher, text, found):
    assert [(m.slug, m.text) for m in matcher.find(text)] == found


def test_an_alias_claimed_twice_is_reported_and_linked_to_neither():
    matcher = EntityMatcher({"a": ["Maven"], "b": ["Maven", "Project Maven"]})
    assert [(c.alias, c.first, c.second) for c in matcher.clashes] == [("Maven", "a", "b")]
    assert [m.slug for m in matcher.find("Maven and Project Maven")] == ["b"]


def test_the_matcher_is_one_pass_over_a_large_text(matcher):
    text = "Amazon hosts Palantir for ICE. " * 20_000
    assert len(matcher.find(text)) == 40_000


def render(markdown: str, number_paragraphs=False):
    renderer = MarkdownRenderer(
        "", number_paragraphs=number_paragraphs, entity_matcher=EntityMatcher(ALIASES)
    )
    rendered = renderer.render(markdown)
    return rendered, BeautifulSoup(rendered.html, "html.parser")


def xrefs(soup):
    return [(a.get_text(), a["href"]) for a in soup.select("a.xref")]


def test_the_first_mention_in_each_section_is_linked():
    _, soup = render("Amazon and Amazon.\n\nAmazon again.\n\n## Next\n\nAmazon in a new section.")
    assert xrefs(soup) == [("Amazon", "/entities/amazon/"), ("Amazon", "/entities/amazon/")]
    assert soup.find_all("p")[0].select("a.xref")[0].get_text() == "Amazon"
    assert soup.find_all("p")[2].select("a.xref")[0].get_text() == "Amazon"


def test_headings_links_and_code_are_left_alone():
    _, soup = render("## Amazon\n\n[about Amazon](https://example.com) and `ICE` and *AWS* then ICE.")
    assert xrefs(soup) == [("AWS", "/entities/aws/"), ("ICE", "/entities/ice/")]
    assert soup.h2.find("a") is None and soup.code.find("a") is None


def test_mentions_are_recorded_with_paragraph_and_sentence():
    rendered, _ = render("First one. ICE relies on it.\n\n- Amazon here", number_paragraphs=True)
    assert [(m.slug, m.anchor, m.sentence) for m in rendered.mentions] == [
        ("ice", "p1", "ICE relies on it."),
        ("amazon", "p2", "Amazon here"),
    ]


def test_an_alias_claimed_by_two_entity_files_fails_at_its_line(tree):
    tree.write(
        "entities/other-news.md",
        "---\nname: Other News\ntype: publication\naliases: [Example]\n---\nIt reported.[@good-source]\n",
    )
    tree.error_at("entities/other-news.md", 4, "the name 'Example' is already claimed by example-news")


# The built site.


def test_source_texts_link_names_to_entity_pages(site):
    links = site.soup("/sources/wsws-2018-06-25/").select(".source-text a.xref")
    targets = {a["href"] for a in links}
    assert {
        "/entities/jeff-bezos/",
        "/entities/palantir/",
        "/entities/ice/",
        "/entities/motorola-solutions/",
    } <= targets
    assert all(a.find_parent(["h1", "h2", "h3"]) is None for a in links)


def test_entities_index_groups_by_type_with_counts(site):
    soup = site.soup("/entities/")
    headings = [h.get_text() for h in soup.select("main h2")]
    assert headings[:3] == ["Companies", "Government agencies", "Organisations"]
    assert len(soup.select(".entity-list a")) >= 25
    aclu = soup.find("a", href="/entities/aclu/").find_next_sibling("span").get_text()
    assert int(aclu.split()[0]) >= 10


def test_entity_pages_gather_mentions_events_campaigns_and_neighbours(site):
    soup = site.soup("/entities/aclu/")
    assert soup.h1.get_text() == "American Civil Liberties Union"
    mentions = soup.select(".mentions li a")
    assert len(mentions) >= 10
    assert any(a["href"].startswith("/sources/zdnet-aclu-letter/#p") for a in mentions)
    assert soup.find("a", href="/timeline/#aclu-report") is not None
    assert soup.find("a", href="/demands/#campaign-aclu-petition") is not None
    assert soup.find("h2", string="Most often named with").find_next("ul").select("a")
    for a in mentions:
        path, _, anchor = a["href"].partition("#")
        if anchor:
            assert site.soup(path).find(id=anchor) is not None, a["href"]


def test_source_pages_have_an_in_this_article_panel(site):
    panel = site.soup("/sources/zdnet-aclu-letter/").select_one(".in-this-article")
    named = {a["href"] for a in panel.p.select("a")}
    assert {
        "/entities/aclu/",
        "/entities/washington-county-sheriffs-office/",
        "/entities/chris-adzima/",
    } <= named
    related = [a["href"] for a in panel.select("ul a")]
    assert related and "/sources/aclu-rekognition-findings-2018-05/" in related
