"""The built development site, read as a reader would, with BeautifulSoup.

Tests that take `any_site` read what to expect from `any_site.model`, the model of the content the
site was built from; they run on the real site and again on it with a new source added.
"""

from __future__ import annotations

from conftest import content_model
from explainer.model.graph import FIXED_PATHS
from reading import all_pages, marked_text, paragraph_text, shown_as, text_of


def page_types(model) -> list[str]:
    """One page of each kind the site writes, taken from the content: the pages browser tests open."""
    first_source = model.sources[0]
    # A document whose text is taken from another source has a page of its own kind.
    reproduced = [source for source in model.sources if source.text_source][:1]
    entity = next(iter(model.entities.values()))
    return list(
        dict.fromkeys(
            [
                "/",
                "/sources/",
                f"/{first_source.url}",
                *(f"/{source.url}" for source in reproduced),
                "/timeline/",
                f"/timeline/group/{model.events[0].group}/",
                f"/{entity.timeline_url}",
                "/demands/",
                "/differences/",
                "/entities/",
                f"/{entity.url}",
                "/search/",
                *(f"/{page.url}" for page in model.pages.values()),
            ]
        )
    )


PAGE_TYPES = page_types(content_model())


def paragraphs(soup):
    return soup.select(".source-text .para")


def test_paragraphs_have_stable_numbered_anchors_and_the_model_s_text(any_site):
    for source in any_site.model.sources:
        found = paragraphs(any_site.soup(f"/{source.url}"))
        assert [p["id"] for p in found] == [f"p{n}" for n in range(1, len(source.paragraphs) + 1)]
        for number, (element, text) in enumerate(zip(found, source.paragraphs, strict=True), 1):
            link = element.select_one("a.para-num")
            assert link["href"] == f"#p{number}" and link.get_text() == str(number)
            assert paragraph_text(element).split() == text.split(), (source.slug, number)


# Provenance: each field as the source's file states it.

PROVENANCE = {
    "Headline": "title",
    "Publication": "publication",
    "Author": "authors",
    "Date": "date",
    "Original address": "original_url",
    "Archived copy": "archived_url",
    "Accessed": "accessed",
}


def provenance(site, source) -> dict[str, object]:
    panel = site.soup(f"/{source.url}").select_one(".provenance dl")
    return {dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in panel.select("dt")}


def test_provenance_shows_each_field_as_stated_inferred_with_its_basis_or_not_known(any_site):
    for source in any_site.model.sources:
        facts = provenance(any_site, source)
        for label, name in PROVENANCE.items():
            fact = getattr(source, name)
            if name == "authors" and fact.known and len(fact.value) > 1:
                label = "Authors"
            assert text_of(facts[label], " ") == shown_as(fact), (source.slug, label)
            if name.endswith("_url") and fact.known and not fact.inferred:
                assert facts[label].a["href"] == fact.value


def test_headlines_are_the_copy_s_or_the_project_s_label_in_brackets(any_site):
    for source in any_site.model.sources:
        soup = any_site.soup(f"/{source.url}")
        title = source.title
        expected = title.value if title.known else f"[{source.label}]"
        assert soup.h1.get_text() == expected
        assert soup.select_one(".kicker").get_text() == source.kind.capitalize()


def test_relative_dates_are_resolved_against_the_article_s_date_or_say_why_not(any_site):
    for source in any_site.model.sources:
        soup = any_site.soup(f"/{source.url}")
        items = soup.select(".relative-dates li")
        assert len(items) == len(source.relative_dates), source.slug
        date = source.date
        for entry, li in zip(source.relative_dates, items, strict=True):
            text = text_of(li)
            assert text.startswith(f"\u201c{entry.phrase}\u201d (paragraph {entry.paragraph}):")
            assert li.a["href"] == f"#p{entry.paragraph}"
            assert entry.phrase.casefold() in soup.find(id=f"p{entry.paragraph}").get_text().casefold()
            if entry.resolved:
                assert li.time["datetime"] == entry.resolved.iso()
                assert f"{date.value.text()}, the article's own date" in text
                assert entry.resolved.sort_key() <= date.value.sort_key()
            else:
                assert li.time is None and "not resolved" in text
                assert entry.unresolved in text if entry.unresolved else date.value.precision != "day"


def test_documents_taken_from_another_source_link_both_ways(any_site):
    for source in any_site.model.sources:
        facts = provenance(any_site, source)
        origin = source.text_source
        if origin is None:
            assert "Text taken from" not in facts
            continue
        link = facts["Text taken from"].a
        assert link["href"] == f"/{origin.url}" and link.get_text() == origin.display_title
        panel = any_site.soup(f"/{origin.url}").select_one(".provenance dl")
        also = [dt.find_next_sibling("dd").a for dt in panel.find_all("dt", string="Also on this site")]
        assert (f"/{source.url}", source.display_title) in [(a["href"], a.get_text()) for a in also]


def test_sources_index_lists_every_source_with_dates_by_precision(any_site):
    model = any_site.model
    entries = any_site.soup("/sources/").select(".source-list > li")
    assert [li.h2.a["href"] for li in entries] == [f"/{s.url}" for s in model.sources]
    for li, source in zip(entries, model.sources, strict=True):
        publication, authors, date = (getattr(source, name) for name in ("publication", "authors", "date"))
        byline = [part.strip() for part in text_of(li.select_one(".byline")).split("\u00b7")]
        assert byline == [
            marked_text(publication, "publication not known"),
            marked_text(authors, "author not known"),
            marked_text(date, "date not known"),
        ]
        assert li.time.get("datetime") == (date.value.iso() if date.known else None)
    # In order of date, whatever the precision; undated sources last.
    dates = [li.time.get("datetime", "9999") for li in entries]
    assert dates == sorted(dates)


def test_home_explains_in_at_least_400_words_and_links_into_sources(site, model):
    article = site.soup("/").select_one("main article")
    assert article.h1 is not None
    assert len(article.get_text(" ").split()) >= 400
    paragraph_links = [a["href"] for a in article.select("a[href*='/sources/']") if "#p" in a["href"]]
    assert len(paragraph_links) >= 10
    cited = set()
    for href in paragraph_links:
        slug, anchor = href.split("/")[2], href.split("#p")[1]
        assert 1 <= int(anchor) <= len(model.sources_by_slug[slug].paragraphs), href
        cited.add(slug)
    assert len(cited) > 1


def test_about_covers_method_rules_corrections_contributing_and_tracking(site):
    headings = [h.get_text() for h in site.soup("/about/").select("main h2")]
    assert headings[:5] == ["Method", "Sourcing rules", "Corrections", "Contributing", "No tracking"]


def test_every_page_has_one_h1_landmarks_and_a_skip_link_first(any_site):
    for path in all_pages(any_site):
        soup = any_site.soup(path)
        assert len(soup.find_all("h1")) == 1, path
        assert soup.html["lang"] == "en"
        for landmark in ("header", "nav", "main", "footer"):
            assert soup.find(landmark) is not None, (path, landmark)
        first_link = soup.body.find("a")
        assert first_link["href"] == "#main" and "Skip" in first_link.get_text(), path
        assert soup.find(id="main").name == "main"


def test_pages_forbid_inline_script_and_load_nothing_from_elsewhere(any_site):
    for path in all_pages(any_site):
        soup = any_site.soup(path)
        policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy, path
        # Scripts load from files; the one inline kind allowed is a JSON-LD data block, never executed.
        assert all(
            script.get("src") or script.get("type") == "application/ld+json"
            for script in soup.find_all("script")
        ), path
        for tag, attribute in (("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src")):
            for element in soup.find_all(tag, attrs={attribute: True}):
                if tag == "link" and element.get("rel") in (["canonical"], ["alternate"]):
                    continue
                assert element[attribute].startswith("/"), (path, element)
        assert not any(attr.startswith("on") for element in soup.find_all(True) for attr in element.attrs)


def test_source_and_prose_pages_link_to_their_markdown_on_github(any_site):
    model = any_site.model
    for item in [*model.sources, *(page for page in model.pages.values() if page.slug != "404")]:
        soup = any_site.soup("/" + item.url)
        edit = soup.find("a", string="Edit this page")
        assert edit["href"].endswith(f"/edit/main/{item.path}"), item.path
        assert item.path.startswith("content/") and (any_site.content.parent / item.path).is_file()
        correction = soup.find("a", string="Suggest a correction")
        assert "/issues/new?template=correction.yml" in correction["href"]


def test_the_404_page_is_at_the_root(site):
    soup = site.soup("/404.html")
    assert soup.h1.get_text() == "Page not found"
    assert soup.find("a", href="/sources/") is not None


def test_each_source_records_the_fixes_made_to_its_copy(any_site):
    for source in any_site.model.sources:
        facts = provenance(any_site, source)
        edits = source.edits
        listed = [text_of(li) for li in facts["Changes to the copy"].select("li")] if edits else []
        assert listed == [" ".join(edit.split()) for edit in edits], source.slug


def test_search_is_in_the_main_menu_of_every_page(any_site):
    search = next(path for path, what in FIXED_PATHS.items() if what == "the search page")
    for path in all_pages(any_site):
        soup = any_site.soup(path)
        for menu in (".menu-wide", ".menu-narrow"):
            assert soup.select_one(f"{menu} a[href='{search}']"), (path, menu)
