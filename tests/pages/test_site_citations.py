"""Citations on the built site: markers and notes resolve both ways, cited-by (CSL-JSON has
tests/exports/test_csl.py).

Tests that take `any_site` read what to expect from the model of the content it was built from.
"""

from __future__ import annotations

import pytest
from explainer.text.quotes import occurs_in
from reading import all_pages, text_of, value_text


def citing_pages(site):
    return [path for path in all_pages(site) if site.soup(path).select("a.cite-ref")]


def test_the_home_explainer_cites_at_least_ten_times_with_reuse(site):
    soup = site.soup("/")
    markers = soup.select("main a.cite-ref")
    assert len(markers) >= 10
    notes = soup.select(".references li")
    reused = [li for li in notes if len(li.select(".backlinks a")) > 1]
    assert len(reused) >= 3
    assert len(notes) < len(markers)


def test_every_marker_resolves_to_a_note_and_every_backlink_to_a_marker(any_site):
    pages = citing_pages(any_site)
    assert "/" in pages
    for path in pages:
        soup = any_site.soup(path)
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


def cited(site, note):
    """The source a note cites, and the paragraphs (first, last) it pins, from its "This site's
    copy" link: 'This site's copy, paras. 1–2' links to #p1."""
    link = note.select_one(".cite-links a")
    source = site.model.sources_by_slug[link["href"].split("/")[2]]
    label = link.get_text().removeprefix("This site's copy").removeprefix(", ")
    if not label:
        return source, None, ""
    first, _, last = label.split(" ", 1)[1].partition("\u2013")
    assert link["href"] == f"/{source.url}#p{first}"
    return source, (int(first), int(last or first)), label


def notes(site):
    for path in all_pages(site):
        for note in site.soup(path).select(".references li"):
            yield path, note


def test_notes_describe_the_source_and_link_to_its_paragraph(any_site):
    checked = 0
    for path, note in notes(any_site):
        source, pinpoint, label = cited(any_site, note)
        fields = source.fields
        title = fields["title"]
        headline = f"\u201c{source.display_title}\u201d" if title.known else f"[{source.display_title}]"
        described = [
            value_text(fields["publication"], "Publication unknown"),
            value_text(fields["authors"], "Author unknown"),
            headline,
            value_text(fields["date"], "date unknown"),
            *([label.capitalize()] if label else []),
        ]
        assert text_of(note.select_one(".cite-text")).startswith(". ".join(described) + "."), (path, note)
        if pinpoint:
            assert 1 <= pinpoint[0] <= pinpoint[1] <= len(source.paragraphs), (path, label)
        original = fields["original_url"]
        links = text_of(note.select_one(".cite-links"))
        if original.known:
            assert note.select_one(".cite-links").find("a", string="Original")["href"] == original.value
        else:
            assert links.endswith("original address not known")
        checked += 1
    assert checked


def test_notes_show_the_quoted_words_as_the_source_has_them(any_site):
    shown = 0
    for path, note in notes(any_site):
        source, pinpoint, _ = cited(any_site, note)
        first, last = pinpoint or (1, len(source.paragraphs))
        passage = " ".join(source.paragraphs[first - 1 : last])
        for quotation in note.select("q.quoted"):
            assert occurs_in(quotation.get_text(), passage), (path, quotation.get_text())
            shown += 1
    assert shown


def test_source_pages_list_who_cites_them_with_counts_and_spots(any_site):
    for source in any_site.model.sources:
        entries = any_site.soup(f"/{source.url}").select(".cited-by li")
        assert len(entries) == len(source.cited_by), source.slug
        if not entries:
            assert "No page of this site cites this source yet." in any_site.soup(f"/{source.url}").get_text()
        for entry, citing in zip(entries, source.cited_by, strict=True):
            spots = entry.select("a")[1:]
            assert entry.a["href"] == f"/{citing.item.url}"
            count = len(citing.ref_ids)
            assert f"{count} time{'s' if count != 1 else ''}:" in entry.get_text()
            assert len(spots) == count
            for spot in spots:
                # Each spot is a marker on the citing page whose note cites this source.
                path, _, ref_id = spot["href"].partition("#")
                page = any_site.soup(path)
                marker = page.find(id=ref_id)
                note = page.find(id=marker["href"][1:])
                assert cited(any_site, note)[0] is source, spot["href"]


def test_pages_without_citations_load_no_preview_script(any_site):
    for path in all_pages(any_site):
        soup = any_site.soup(path)
        if not soup.select("a.cite-ref"):
            assert soup.find("script", src=lambda s: s and "cite-preview" in s) is None, path


@pytest.mark.parametrize("path", ["/about/", "/sources/"])
def test_pages_without_citations_load_no_script(site, path):
    assert site.soup(path).find("script", src=True) is None


def test_the_preview_script_is_small_and_external(site):
    script = site.soup("/").find("script", src=True)
    assert script["src"] == "/theme/js/cite-preview.js" and script.has_attr("defer")
    assert (site.root / "theme" / "js" / "cite-preview.js").stat().st_size < 10_000
