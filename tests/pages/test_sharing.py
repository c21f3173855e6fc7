"""Finding and sharing, on a production build under a project subpath: feed links, sitemap,
robots.txt, page metadata, JSON-LD, the share image, last-changed dates and search."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from conftest import PRODUCTION_SITEURL
from reading import all_pages

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
    expected |= {
        f"/{page.url}": "WebSite" if page.slug == "index" else "Article" for page in model.pages.values()
    }
    expected |= {f"/{s.url}": SOURCE_TYPES.get(s.kind, "CreativeWork") for s in model.sources}
    expected |= {f"/{e.url}": ENTITY_TYPES.get(e.type, "Thing") for e in model.entities.values()}
    for path, kind in expected.items():
        assert jsonld(production_site.soup(path))["@type"] == kind, path


def test_json_ld_for_sources_and_articles(production_site):
    model = production_site.model
    for source in model.sources:
        data = jsonld(production_site.soup(f"/{source.url}"))
        publication, authors, date, original = (
            source.fields[name] for name in ("publication", "authors", "date", "original_url")
        )
        # Unknown stays unknown: a field the copy does not show is left out, never guessed.
        assert data.get("publisher") == (
            {"@type": "Organization", "name": publication.value} if publication.known else None
        )
        assert data.get("author") == (
            [{"@type": "Person", "name": str(n)} for n in authors.value] if authors.known else None
        )
        assert data.get("datePublished") == (date.value.iso() if date.known else None)
        assert data.get("sameAs") == (original.value if original.known else None)
        assert data["url"] == f"{PRODUCTION_SITEURL}/{source.url}"
    home = jsonld(production_site.soup("/"))
    assert home["url"] == PRODUCTION_SITEURL + "/"
    events = jsonld(production_site.soup("/timeline/"))["@graph"]
    assert all(e["@type"] == "Event" for e in events)
    assert sorted((e["name"], e["startDate"]) for e in events) == sorted(
        (event.title, event.date.value.iso()) for event in model.events
    )


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
