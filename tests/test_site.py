"""The built development site, read as a reader would, with BeautifulSoup."""

from __future__ import annotations

import re

import pytest
from conftest import COPIES

# Each published source, the seed it was taken from, and a passage only the article has.
SOURCES = {
    "itwire-2018-06-25": "000_205e5d8fefa4dc3e.txt",
    "antimedia-wedler-2018-06": "001_e65f38a67d4dd237.txt",
    "aclu-rekognition-findings-2018-05": "002_def63da31f6ae171.txt",
    "zdnet-aclu-letter": "003_89f1cacc7a423a8f.txt",
    "wsws-2018-06-25": "004_66bc1c61dc9571d9.txt",
}
LETTER = "amazon-employees-letter"
# Text that is not the article: advertising, bios, links, captions and site furniture.
BOILERPLATE = [
    "LEARN HOW TO REDUCE YOUR RISK",
    "DOWNLOAD NOW",
    "website statistics",
    "VENDOR NEWS",
    "Recent Comments",
    "has been writing for iTWire since 2006",
    "My Links",
    "patreon.com",
    "Related Articles",
    "Image credits",
    "CCleaner",
    "Editorial standards",
    "To contact the WSWS",
    "Amazon chief executive Jeff Bezos. Amazon chief executive",
    "Amazon Rekognition in action",
]
# Plain artefacts of the copies that the site fixes (each listed on the source's page).
COPY_ARTEFACTS = [(", .", ".")]
PAGE_TYPES = [
    "/",
    "/sources/",
    "/sources/wsws-2018-06-25/",
    f"/sources/{LETTER}/",
    "/timeline/",
    "/timeline/group/google/",
    "/timeline/entity/aclu/",
    "/demands/",
    "/differences/",
    "/entities/",
    "/entities/palantir/",
    "/search/",
    "/about/",
    "/404.html",
]


def squeeze(text: str) -> str:
    """Compare texts without white space or Markdown emphasis, so reflowing cannot hide a change."""
    for artefact, fixed in COPY_ARTEFACTS:
        text = text.replace(artefact, fixed)
    return re.sub(r"[\s*\\]", "", text)


def paragraphs(soup):
    return soup.select(".source-text .para")


def paragraph_text(element) -> str:
    number = element.select_one(".para-num")
    return element.get_text().removeprefix(number.get_text()) if number else element.get_text()


@pytest.mark.parametrize("slug", SOURCES)
def test_each_source_page_keeps_the_article_text_in_order(site, slug):
    seed = squeeze((COPIES / SOURCES[slug]).read_text(encoding="utf-8"))
    position = 0
    found = paragraphs(site.soup(f"/sources/{slug}/"))
    assert len(found) >= 9
    for element in found:
        text = squeeze(paragraph_text(element))
        index = seed.find(text, position)
        assert index >= 0, f"not in the seed, or out of order: {paragraph_text(element)[:80]!r}"
        position = index + len(text)
    # Nothing of the article is lost at the end: the last paragraph ends within the copy's last lines.
    assert len(seed) - position < 1500


@pytest.mark.parametrize("slug", [*SOURCES, LETTER])
def test_no_boilerplate_is_published(site, slug):
    # The provenance panel may name what was left out; the published text must not contain it.
    text = site.soup(f"/sources/{slug}/").select_one(".source-text").get_text()
    for phrase in BOILERPLATE:
        assert phrase.lower() not in text.lower(), phrase


@pytest.mark.parametrize("slug", [*SOURCES, LETTER])
def test_paragraphs_have_stable_numbered_anchors(site, slug):
    found = paragraphs(site.soup(f"/sources/{slug}/"))
    assert [p["id"] for p in found] == [f"p{n}" for n in range(1, len(found) + 1)]
    for number, element in enumerate(found, 1):
        link = element.select_one("a.para-num")
        assert link["href"] == f"#p{number}" and link.get_text() == str(number)


def provenance(site, slug) -> dict[str, str]:
    panel = site.soup(f"/sources/{slug}/").select_one(".provenance dl")
    return {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in panel.select("dt")
    }


def test_provenance_states_what_the_copy_shows(site):
    facts = provenance(site, "wsws-2018-06-25")
    assert facts["Publication"].startswith("World Socialist Web Site")
    assert facts["Author"] == "Kayla Costa"
    assert facts["Date"] == "25 June 2018"
    assert facts["Original address"].startswith("Not known")
    assert facts["Archived copy"] == "Not known"
    assert facts["Accessed"] == "Not known"


def test_inferred_values_are_labelled_with_their_basis(site):
    facts = provenance(site, "antimedia-wedler-2018-06")
    assert facts["Publication"].startswith("Anti-Media (inferred) Basis: The author's links")
    assert facts["Author"].startswith("Carey Wedler (inferred) Basis:")
    assert facts["Date"].startswith("week of 18 June 2018 (inferred) Basis: The copy has no date.")
    assert facts["Headline"].startswith("Not known")


def test_unknown_fields_say_so(site):
    facts = provenance(site, "aclu-rekognition-findings-2018-05")
    assert facts["Publication"].startswith("Not known")
    assert facts["Author"].startswith("Not known")
    title = site.soup("/sources/aclu-rekognition-findings-2018-05/").h1.get_text()
    assert title == "[Report on the ACLU's findings about Amazon Rekognition]"


def test_relative_dates_are_resolved_with_their_basis(site):
    soup = site.soup("/sources/wsws-2018-06-25/")
    entries = {
        li.get_text(" ", strip=True).split("”")[0].strip("“"): li for li in soup.select(".relative-dates li")
    }
    last_thursday = entries["Last Thursday"]
    assert last_thursday.time["datetime"] == "2018-06-21"
    assert "the Thursday before Monday 25 June 2018, the article's own date" in last_thursday.get_text()
    assert entries["Last December"].time["datetime"] == "2017-12"
    assert last_thursday.a["href"] == "#p1"


def test_relative_dates_without_an_article_date_stay_unresolved(site):
    item = site.soup("/sources/zdnet-aclu-letter/").select_one(".relative-dates li")
    assert item.time is None
    assert "not resolved" in item.get_text()


def test_the_letter_is_its_own_primary_source(site):
    soup = site.soup(f"/sources/{LETTER}/")
    facts = provenance(site, LETTER)
    assert soup.select_one(".kicker").get_text() == "Primary document"
    assert facts["Date"].startswith("21 June 2018 (inferred) Basis: The WSWS report")
    assert facts["Text taken from"].startswith(
        "Amazon workers want facial recognition software sale to cops halted"
    )
    text = [paragraph_text(p) for p in paragraphs(soup)]
    assert text[0] == "Dear Jeff," and text[-1] == "Amazonians"
    assert "Stop selling facial recognition services to law enforcement." in text
    back_link = site.soup("/sources/itwire-2018-06-25/").find("a", href=f"/sources/{LETTER}/")
    assert back_link is not None


def test_sources_index_lists_every_source_with_dates_by_precision(site):
    entries = site.soup("/sources/").select(".source-list > li")
    by_slug = {li.h2.a["href"].split("/")[-2]: li for li in entries}
    assert set(by_slug) == {*SOURCES, LETTER}
    assert "25 June 2018" in by_slug["itwire-2018-06-25"].get_text()
    assert by_slug["itwire-2018-06-25"].time["datetime"] == "2018-06-25"
    assert "May 2018 (inferred)" in by_slug["zdnet-aclu-letter"].get_text()
    assert by_slug["zdnet-aclu-letter"].time["datetime"] == "2018-05"
    assert "publication unknown · author unknown" in by_slug["aclu-rekognition-findings-2018-05"].get_text()
    dates = [li.time.get("datetime", "9999") for li in entries]
    assert dates == sorted(dates)


def test_home_explains_in_at_least_400_words_and_links_into_sources(site):
    article = site.soup("/").select_one("main article")
    assert article.h1 is not None
    assert len(article.get_text(" ").split()) >= 400
    paragraph_links = [a["href"] for a in article.select("a[href*='/sources/']") if "#p" in a["href"]]
    assert len(paragraph_links) >= 10
    assert {href.split("/")[2] for href in paragraph_links} >= {*SOURCES, LETTER}


def test_about_covers_method_rules_corrections_contributing_and_tracking(site):
    headings = [h.get_text() for h in site.soup("/about/").select("main h2")]
    assert headings[:5] == ["Method", "Sourcing rules", "Corrections", "Contributing", "No tracking"]


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_every_page_has_one_h1_landmarks_and_a_skip_link_first(site, path):
    soup = site.soup(path)
    assert len(soup.find_all("h1")) == 1
    assert soup.html["lang"] == "en"
    for landmark in ("header", "nav", "main", "footer"):
        assert soup.find(landmark) is not None, landmark
    first_link = soup.body.find("a")
    assert first_link["href"] == "#main" and "Skip" in first_link.get_text()
    assert soup.find(id="main").name == "main"


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_pages_forbid_inline_script_and_load_nothing_from_elsewhere(site, path):
    soup = site.soup(path)
    policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    # Scripts load from files; the one inline kind allowed is a JSON-LD data block, never executed.
    assert all(
        script.get("src") or script.get("type") == "application/ld+json" for script in soup.find_all("script")
    )
    for tag, attribute in (("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src")):
        for element in soup.find_all(tag, attrs={attribute: True}):
            if tag == "link" and element.get("rel") in (["canonical"], ["alternate"]):
                continue
            assert element[attribute].startswith("/"), element
    assert not any(attr.startswith("on") for element in soup.find_all(True) for attr in element.attrs)


@pytest.mark.parametrize("slug", [*SOURCES, LETTER])
def test_source_pages_link_to_their_markdown_on_github(site, slug):
    soup = site.soup(f"/sources/{slug}/")
    edit = soup.find("a", string="Edit this page")
    assert edit["href"].endswith(f"/edit/main/content/sources/{slug}.md")
    correction = soup.find("a", string="Suggest a correction")
    assert "/issues/new?template=correction.yml" in correction["href"]


def test_the_404_page_is_at_the_root(site):
    soup = site.soup("/404.html")
    assert soup.h1.get_text() == "Page not found"
    assert soup.find("a", href="/sources/") is not None


def test_each_source_records_the_fixes_made_to_its_copy(site):
    edits = provenance(site, "wsws-2018-06-25")["Changes to the copy"]
    assert "split in two mid-sentence" in edits
