"""Finding and sharing, on a production build under a project subpath: feed links, sitemap,
robots.txt, page metadata, JSON-LD, the share image, last-changed dates and search."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from conftest import PRODUCTION_SITEURL
from reading import all_pages, value_text

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# schema.org types by kind of source and of entity; any other kind is the fallback.
SOURCE_TYPES = {"news report": "NewsArticle", "opinion": "NewsArticle"}
ENTITY_TYPES = {"person": "Person", "company": "Organization", "organisation": "Organization"}
ENTITY_TYPES |= {"publication": "Organization", "government agency": "GovernmentOrganization"}


def test_every_page_announces_the_feeds(production_site):
    for path in all_pages(production_site):
        feeds = production_site.soup(path).find_all("link", rel="alternate", type="application/atom+xml")
        assert [f["href"] for f in feeds] == [
            f"{PRODUCTION_SITEURL}/feeds/sources.atom.xml",
            f"{PRODUCTION_SITEURL}/feeds/timeline.atom.xml",
        ], path


def test_a_build_without_an_address_writes_no_relative_canonical_or_sitemap(site):
    # Relative values would be invalid (Lighthouse's SEO audit flagged both): leave them out.
    assert site.soup("/about/").find("link", rel="canonical") is None
    assert not (site.root / "sitemap.xml").exists()
    assert (site.root / "robots.txt").read_text() == "User-agent: *\nAllow: /\n"


def test_the_development_build_has_no_feeds(site):
    assert not (site.root / "feeds").exists()
    assert site.soup("/").find("link", rel="alternate") is None


def test_the_sitemap_lists_every_page_and_robots_points_to_it(production_site):
    root = ET.parse(production_site.root / "sitemap.xml").getroot()
    listed = {loc.text for loc in root.iter(f"{SITEMAP}loc")}
    expected = {
        PRODUCTION_SITEURL + path
        for path in all_pages(production_site)
        if path not in ("/404.html", "/search/")
    }
    assert listed == expected
    items = production_site.model.pages_of_their_own()
    assert {f"{PRODUCTION_SITEURL}/{item.url}" for item in items if item.url != "404.html"} <= listed
    robots = (production_site.root / "robots.txt").read_text()
    assert f"Sitemap: {PRODUCTION_SITEURL}/sitemap.xml" in robots


def test_every_page_has_description_canonical_and_social_tags(production_site):
    for path in all_pages(production_site):
        soup = production_site.soup(path)
        description = soup.find("meta", attrs={"name": "description"})["content"]
        assert len(description) > 40, path
        canonical = soup.find("link", rel="canonical")["href"]
        assert canonical == PRODUCTION_SITEURL + (path if path != "/404.html" else "/404.html"), path
        for prop in ("og:title", "og:description", "og:url", "og:type", "og:image"):
            assert soup.find("meta", property=prop)["content"], (path, prop)
        assert soup.find("meta", property="og:image")["content"] == f"{PRODUCTION_SITEURL}/theme/share.png"
        assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"


def test_descriptions_are_written_for_each_page(production_site):
    descriptions = [
        production_site.soup(p).find("meta", attrs={"name": "description"})["content"]
        for p in all_pages(production_site)
    ]
    assert len(set(descriptions)) > len(descriptions) * 0.6


def jsonld(soup):
    block = soup.find("script", type="application/ld+json")
    return json.loads(block.string)


def test_every_json_ld_block_parses(production_site):
    for path in all_pages(production_site):
        data = jsonld(production_site.soup(path))
        assert data["@context"] == "https://schema.org", path


def test_json_ld_uses_the_type_that_fits(production_site):
    model = production_site.model
    expected = {"/sources/": "CollectionPage", "/entities/": "CollectionPage", "/demands/": "CollectionPage"}
    expected |= {"/timeline/": "CollectionPage"}
    expected |= {f"/{page.url}": "Article" for page in model.pages.values()}
    # A source's page is this site's copy: a WebPage about the work, never the work itself.
    expected |= {f"/{s.url}": "WebPage" for s in model.sources}
    for path, kind in expected.items():
        assert jsonld(production_site.soup(path))["@type"] == kind, path
    for source in model.sources:
        work = jsonld(production_site.soup(f"/{source.url}"))["mainEntity"]
        assert work["@type"] == SOURCE_TYPES.get(source.kind, "CreativeWork"), source.slug


def test_an_entity_page_is_about_the_entity_and_is_not_its_address(production_site):
    for entity in production_site.model.entities.values():
        data = jsonld(production_site.soup(f"/{entity.url}"))
        thing = data["mainEntity"]
        kind = ENTITY_TYPES.get(entity.type, "Thing")
        assert thing["@type"] == kind and thing["name"] == entity.name
        assert data["@type"] == ("ProfilePage" if kind != "Thing" else "WebPage"), entity.slug
        assert (
            data["url"] == f"{PRODUCTION_SITEURL}/{entity.url}" and "url" not in thing
        )  # not Amazon's address
        # Other names only: the name itself is not an alternate name.
        others = [a for a in entity.aliases if a.casefold() != entity.name.casefold()]
        assert thing.get("alternateName", []) == others, entity.slug


def test_a_page_cites_each_source_by_its_heading_held_here(production_site):
    for page in production_site.model.pages.values():
        data = jsonld(production_site.soup(f"/{page.url}"))
        cited = {note.source.slug: note.source for note in page.rendered.notes if note.source}
        expected = [
            {"@type": "CreativeWork", "name": s.heading, "archivedAt": f"{PRODUCTION_SITEURL}/{s.url}"}
            | ({"url": s.original_url.value} if stated(s.original_url) else {})
            for s in cited.values()
        ]
        assert data["citation"] == expected, page.slug


def test_each_pages_json_ld_names_that_page(production_site):
    # The name a search engine shows is the page's own heading, never the site's name for all.
    for path in all_pages(production_site):
        soup = production_site.soup(path)
        assert jsonld(soup)["name"] == " ".join(soup.find("h1").get_text().split()), path


def stated(fact) -> bool:
    """What JSON-LD may state as fact: a value the copy shows as it is, not vaguer or bounded."""
    return fact.status == "stated" and not (fact.display or fact.earliest or fact.latest)


def test_source_json_ld_states_only_what_the_copy_states(production_site):
    for source in production_site.model.sources:
        page = jsonld(production_site.soup(f"/{source.url}"))
        data = page["mainEntity"]
        title, publication, authors, date, original = (
            getattr(source, name) for name in ("title", "publication", "authors", "date", "original_url")
        )
        # A title the project wrote is the page's name, never the work's headline.
        assert data.get("headline") == (title.value if stated(title) else None)
        assert data.get("publisher") == (
            {"@type": "Organization", "name": publication.value} if stated(publication) else None
        )
        names = authors.value if stated(authors) else ()
        people = [n for n in names if n.kind == "person"]
        organisations = [n for n in names if n.kind == "organisation"]
        signatures = [n.text for n in names if n.kind == "signature"]
        assert [a["name"] for a in data.get("author", [])] == [n.text for n in names if n.kind != "signature"]
        for shown in data.get("author", []):
            assert shown["@type"] == (
                "Person" if shown["name"] in {n.text for n in people} else "Organization"
            )
        assert len(data.get("author", [])) == len(people) + len(organisations)
        assert data.get("creditText") == (", ".join(signatures) or None)
        assert data.get("datePublished") == (date.value.iso() if stated(date) else None)
        # The work's address is its original; this site's copy is where it is archived.
        assert data.get("url") == (original.value if stated(original) else None)
        assert data["archivedAt"] == page["url"] == f"{PRODUCTION_SITEURL}/{source.url}"
    assert jsonld(production_site.soup("/"))["isPartOf"]["url"] == PRODUCTION_SITEURL + "/"


def nodes(data):
    """Every object in a JSON-LD block, nested ones included."""
    if isinstance(data, dict):
        yield data
        data = list(data.values())
    for value in data if isinstance(data, list) else ():
        yield from nodes(value)


def test_no_json_ld_says_a_past_event_is_scheduled_or_online(production_site):
    for path in all_pages(production_site):
        for node in nodes(jsonld(production_site.soup(path))):
            assert not {"eventStatus", "location", "eventAttendanceMode"} & set(node), (path, node)
            assert node.get("@type") != "VirtualLocation", path


def test_timeline_json_ld_lists_every_event_with_its_date_at_its_precision(production_site):
    model = production_site.model
    listed = jsonld(production_site.soup("/timeline/"))["mainEntity"]
    assert listed["@type"] == "ItemList" and listed["numberOfItems"] == len(model.events)
    shown = {e["item"]["url"].rsplit("#", 1)[1]: e["item"] for e in listed["itemListElement"]}
    assert set(shown) == {event.anchor for event in model.events}
    for event in model.events:
        item = shown[event.anchor]
        assert item["@type"] == "Event" and item["name"] == event.title
        # Inferred or bounded dates too, at their own precision ("2018-06" for "week of 18 June
        # 2018"), worded with their hedge in the description; a decade has no ISO form.
        assert item.get("startDate") == (None if event.date.display else event.date.value.iso())
        assert item["description"].startswith(f"When: {value_text(event.date)}")


def test_the_share_image_is_drawn_at_build_time(production_site):
    from PIL import Image

    with Image.open(production_site.root / "theme" / "share.png") as image:
        assert image.size == (1200, 630)
        assert len(image.getcolors(maxcolors=1_000_000)) > 2  # text was drawn on the background


def test_pages_show_when_their_file_last_changed(any_site):
    model = any_site.model
    for item in [*model.sources, *model.entities.values(), *model.pages.values()]:
        footer = any_site.soup(f"/{item.url}").select_one(".changed")
        assert footer is not None, item.path
        time = footer.find("time")
        if time is not None:  # a checkout with history; a plain copy has none to show
            assert len(time["datetime"]) == 10 and time["datetime"][4] == "-"
        assert footer.find("a")["href"].endswith(f"/blob/main/{item.path}")


def test_search_page_works_without_javascript_by_pointing_to_the_indexes(site):
    soup = site.soup("/search/")
    fallback = soup.select_one(".search-needs-js")
    assert {a["href"] for a in fallback.select("a")} >= {"/sources/", "/timeline/", "/entities/"}
    assert soup.select_one("form.search-form").has_attr("hidden")
    assert soup.find("main").get("data-pagefind-body") is None


def test_the_search_index_is_built_with_kinds(any_site):
    model = any_site.model
    assert (any_site.root / "pagefind" / "pagefind.js").exists()
    assert not list((any_site.root / "pagefind").glob("*-ui.js"))
    kinds = {
        "/": "kind:Explainer",
        f"/{model.sources[0].url}": "kind:Source",
        "/timeline/": "kind:Event",
        f"/{next(iter(model.entities.values())).url}": "kind:Entity",
    }
    for path, kind in kinds.items():
        assert any_site.soup(path).find("main").get("data-pagefind-filter") == kind, path
