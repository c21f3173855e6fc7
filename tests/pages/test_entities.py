"""Entities: the name matcher, cross-links in every text, entity pages and the source panel."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import SETTINGS
from explainer.content.fields import ENTITY_TYPE_PLURALS, ENTITY_TYPES
from explainer.markup.marker_slots import without_markers
from explainer.markup.mentions import EntityMatcher
from explainer.markup.render import MarkdownRenderer
from reading import text_of

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


def test_a_name_inside_a_title_is_not_a_mention():
    """The site's own name ("The Amazon employees' letter, explained") names the site."""
    renderer = MarkdownRenderer("", entity_matcher=EntityMatcher(ALIASES, titles=("The Amazon Files",)))
    rendered = renderer.render("Credit *The Amazon Files*, which is about Amazon.")
    soup = BeautifulSoup(rendered.html, "html.parser")
    assert xrefs(soup) == [("Amazon", "/entities/amazon/")] and soup.em.find("a") is None
    assert [m.sentence for m in rendered.mentions] == ["Credit The Amazon Files, which is about Amazon."]


def test_the_sites_own_name_is_never_linked_as_an_entity(any_site):
    """Where a page's text quotes the site's name (About's credit line), no word of it is a link."""
    name = SETTINGS["SITENAME"]
    for file in any_site.html_files():
        main = any_site.soup(any_site.url_of(file)).main
        for element in main.find_all(lambda tag: text_of(tag) == name) if main else ():
            assert element.select("a.xref") == [], any_site.url_of(file)


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


# The built site: every check reads what to expect from the model of the content it was built from.


def names_of(entity) -> set[str]:
    return {entity.name, *entity.aliases}


def test_source_texts_link_names_to_entity_pages(any_site):
    entities = any_site.model.entities
    for source in any_site.model.sources:
        links = any_site.soup(f"/{source.url}").select(".source-text a.xref")
        assert {a["href"] for a in links} == {f"/{entity.url}" for entity, _ in source.named}, source.slug
        for a in links:
            assert a.get_text() in names_of(entities[a["href"].split("/")[2]]), a
            assert a.find_parent(["h1", "h2", "h3"]) is None


def test_entities_index_groups_by_type_with_counts(any_site):
    model = any_site.model
    soup = any_site.soup("/entities/")
    kinds = [ENTITY_TYPE_PLURALS[kind].capitalize() for kind in ENTITY_TYPES
             if any(e.type == kind for e in model.entities.values())]  # fmt: skip
    diagram = ["Who stands to whom"] if model.relationships else []
    notes = ["Notes"] if model.relationships else []
    headings = [h.get_text() for h in soup.select("main h2") if not h.find_parent(class_="cite-this-page")]
    assert headings == [*diagram, *kinds, *notes]
    listed = soup.select(".entity-list a")
    assert sorted(a["href"] for a in listed) == sorted(f"/{e.url}" for e in model.entities.values())
    for a in listed:
        entity = model.entities[a["href"].split("/")[2]]
        count = len(entity.mentions)
        assert a.find_next_sibling("span").get_text() == f"{count} mention{'s' if count != 1 else ''}"


def test_entity_pages_gather_mentions_events_and_neighbours(any_site):
    for entity in any_site.model.entities.values():
        soup = any_site.soup(f"/{entity.url}")
        assert soup.h1.get_text() == entity.name
        assert soup.select_one(".kicker").get_text() == entity.type.capitalize()
        assert soup.find("h2", string=f"Every mention ({len(entity.mentions)})") is not None
        mentions = soup.select(".mentions li")
        assert len(mentions) == len(entity.mentions)
        for li in mentions:  # each links to where the mention stands
            path, _, anchor = li.a["href"].partition("#")
            target = any_site.soup(path)
            assert target is not None and (not anchor or target.find(id=anchor) is not None), li.a["href"]
        events = [a["href"] for a in soup.select("section[aria-labelledby=events-heading] li a")]
        assert events == [f"/timeline/#{e.slug}" for e in entity.events]
        neighbours = soup.find("h2", string="Most often named with")
        assert (neighbours is not None) is bool(entity.named_with)


def test_each_mention_quotes_a_sentence_that_names_the_entity(any_site):
    for entity in any_site.model.entities.values():
        for li in any_site.soup(f"/{entity.url}").select(".mentions li"):
            assert any(name in li.get_text() for name in names_of(entity)), li


def test_source_pages_have_an_in_this_article_panel(any_site):
    for source in any_site.model.sources:
        panel = any_site.soup(f"/{source.url}").select_one(".in-this-article")
        named = (
            [(a["href"], a.next_sibling.strip(" ,.")) for a in panel.p.select("a")] if source.named else []
        )
        assert named == [(f"/{entity.url}", f"({count})") for entity, count in source.named], source.slug
        related = [a["href"] for a in panel.select("ul a")]
        assert related == [f"/{other.url}" for other, _ in source.related]
        for other, _ in source.related:  # related sources share a name
            assert {e.slug for e, _ in other.named} & {e.slug for e, _ in source.named}


def test_related_sources_share_rare_names_not_ones_every_source_has():
    from types import SimpleNamespace

    from explainer.model.links import COMMON_ENTITY_SOURCES, _relate_sources

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


@pytest.mark.parametrize(
    ("name", "kind", "statement"),
    [
        ("Other readers", "group of people", "Other readers protest to Example News."),
        ("Other News", "publication", "Other News protests to Example News."),
    ],
)
def test_a_relationship_verb_agrees_with_its_subject(tree, name, kind, statement):
    """A group of people is named in the plural, and its verb agrees with it."""
    relationship = "  - verb: protests\n    object: example-news\n    cite: good-source, para. 1\n"
    text = entity_with_relationship(relationship).replace("Other News", name).replace("publication", kind)
    tree.write("entities/other-news.md", text)
    [shown] = tree.model().relationships
    assert text_of(BeautifulSoup(without_markers(shown.html), "html.parser")) == statement
    assert shown.phrase == statement.removeprefix(f"{name} ").removesuffix(" Example News.")


def test_the_diagram_is_drawn_at_build_time_with_a_text_equivalent(any_site):
    relationships = any_site.model.relationships
    soup = any_site.soup("/entities/")
    assert soup.find("script", src=lambda s: s and "diagram" in s) is None
    if not relationships:
        assert soup.select_one("section.relationships") is None
        return
    drawings = soup.select("section.relationships svg")
    assert [svg["class"] for svg in drawings] == [["diagram", "diagram-wide"], ["diagram", "diagram-phone"]]
    statements = soup.select(".relationship-list li")
    assert len(statements) == len(relationships)
    for li, r in zip(statements, relationships, strict=True):
        marker = li.select_one("a.cite-ref")
        text = f"{r.subject.name} {r.phrase} {r.object.name}.{marker.get_text()}"
        assert text_of(li) == text
        note = soup.find(id=marker["href"][1:])
        pinpoint = r.citation.pinpoint
        target = f"/sources/{r.citation.key}/" + (f"#{pinpoint.anchor}" if pinpoint else "")
        assert note is not None and note.select_one(".note-link")["href"] == target
    involved = {e.slug: e for r in relationships for e in (r.subject, r.object)}
    for svg in drawings:
        assert svg["role"] == "img" and svg.title.get_text() and svg.desc.get_text()
        assert len(svg.select("path.edge")) == len(relationships)
        assert sorted(t.get_text() for t in svg.select("text.edge-label")) == sorted(
            r.phrase for r in relationships
        )
        labels = {" ".join(t.get_text(" ").split()) for t in svg.select("text.node-label")}
        for entity in involved.values():
            assert names_of(entity) & labels, entity.slug
        assert svg.find("a") is None  # an image holds no controls; the list below has the links


def test_the_diagram_and_the_export_agree_with_the_content(any_site):
    import json

    model = any_site.model
    data = json.loads((any_site.root / "data" / "entities.json").read_text())
    assert [e["id"] for e in data["entities"]] == sorted(model.entities)
    assert [(r["subject"], r["verb"], r["object"], r["source"]) for r in data["relationships"]] == [
        (r.subject.slug, r.verb, r.object.slug, r.citation.key) for r in model.relationships
    ]
    for exported in data["entities"]:
        entity = model.entities[exported["id"]]
        assert (exported["name"], exported["type"], exported["aliases"]) == (
            entity.name,
            entity.type,
            list(entity.aliases),
        )
        assert [m["sentence"] for m in exported["mentions"]] == [m.sentence for m in entity.mentions]
        assert all(m["url"].startswith("/") for m in exported["mentions"])
        assert exported["events"] == [
            event.slug for event in model.events if entity.slug in event.entity_slugs
        ]
