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
    tree.error_at(
        "entities/other-news.md",
        4,
        "the name 'Example' is also claimed by content/entities/example-news.md:4",
    )


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
    assert headings[:4] == ["Who stands to whom", "Companies", "Government agencies", "Organisations"]
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


def test_related_sources_share_rare_names_not_ones_every_source_has():
    from types import SimpleNamespace

    from explainer.model import COMMON_ENTITY_SOURCES, _relate_sources

    everywhere, rare, other = (SimpleNamespace(slug=s) for s in ("amazon", "rare-group", "other"))
    sources = [
        SimpleNamespace(slug=f"s{i:03d}", named=[(everywhere, 3)]) for i in range(COMMON_ENTITY_SOURCES + 5)
    ]
    sources[0].named.append((rare, 1))
    sources[7].named.append((rare, 2))
    sources[9].named.append((other, 1))
    _relate_sources(sources)
    assert [(s.slug, n) for s, n in sources[0].related] == [("s007", 1)]
    assert sources[9].related == []  # sharing only a name every source has relates nothing


# Relationships, the diagram and the export.


def entity_with_relationship(relationship: str) -> str:
    return f"---\nname: Other News\ntype: publication\nrelationships:\n{relationship}---\nIt reported.[@good-source]\n"


@pytest.mark.parametrize(
    ("relationship", "line", "message"),
    [
        (
            "  - verb: hosts\n    object: nobody\n    cite: good-source, para. 1\n",
            6,
            "no entity has the slug 'nobody'",
        ),
        (
            "  - verb: hosts\n    object: example-news\n",
            5,
            "relationships: each relationship needs a citation ('cite')",
        ),
        (
            "  - verb: hosts\n    object: example-news\n    cite: no-such-source\n",
            7,
            "no source has the key 'no-such-source'",
        ),
        (
            "  - verb: loves\n    object: example-news\n    cite: good-source\n",
            5,
            "relationships: 'loves' is not a known relationship",
        ),
    ],
)
def test_relationship_errors_name_file_and_line(tree, relationship, line, message):
    tree.write("entities/other-news.md", entity_with_relationship(relationship))
    tree.error_at("entities/other-news.md", line, message)


def test_the_diagram_is_drawn_at_build_time_with_a_text_equivalent(site):
    soup = site.soup("/entities/")
    svg = soup.select_one("section.relationships svg")
    assert svg["role"] == "img" and svg.title.get_text() and svg.desc.get_text()
    assert soup.find("script", src=lambda s: s and "diagram" in s) is None
    arrows = svg.select("path.edge")
    statements = soup.select(".relationship-list li")
    assert len(arrows) == len(statements) >= 12
    texts = [" ".join(li.get_text().split()) for li in statements]
    assert "Amazon Web Services hosts Palantir Technologies.[4]" in texts
    for li in statements:
        marker = li.select_one("a.cite-ref")
        note = soup.find(id=marker["href"][1:])
        assert note is not None and note.select_one(".cite-links a")["href"].startswith("/sources/")
    labels = {text.get_text() for text in svg.select("text.node-label")}
    assert {"Palantir Technologies", "ICE", "Amazon Web Services"} <= labels
    assert svg.find("a") is None  # an image holds no controls; the list below has the links


def test_the_diagram_and_the_export_agree_with_the_content(site):
    import json

    data = json.loads((site.root / "data" / "entities.json").read_text())
    assert len(data["entities"]) >= 25
    relationships = {(r["subject"], r["verb"], r["object"]) for r in data["relationships"]}
    assert ("amazon-web-services", "hosts", "palantir") in relationships
    assert ("palantir", "serves", "ice") in relationships
    svg = site.soup("/entities/").select_one("section.relationships svg")
    assert len(svg.select("path.edge")) == len(relationships)
    palantir = next(e for e in data["entities"] if e["id"] == "palantir")
    assert palantir["mentions"] and all(m["url"].startswith("/") for m in palantir["mentions"])
    assert "palantir-ice-contract-2014" in palantir["events"]
