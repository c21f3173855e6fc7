"""Citations on the built site: markers and notes resolve both ways, cited-by (CSL-JSON has
tests/exports/test_csl.py).

Tests that take `any_site` read what to expect from the model of the content it was built from.
"""

from __future__ import annotations

import re

import pytest
from explainer.text.quotes import occurs_in
from reading import all_pages, marked_text, short_reference, text_of


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


def test_every_citation_in_the_content_is_a_numbered_marker_on_some_page_and_no_slot_is_left(any_site):
    """A text keeps its markers' places for the page to number (markup/marker_slots.py): on the
    built site every place is a marker, and no file holds a place left unfilled."""
    from explainer.markup.marker_slots import SLOT_END, SLOT_START

    for file in sorted(any_site.root.rglob("*")):
        if file.is_file() and file.suffix in (".html", ".json", ".xml", ".csv", ".txt"):
            text = file.read_text(encoding="utf-8")
            assert SLOT_START not in text and SLOT_END not in text, file
    shown = {
        marker["id"] for path in citing_pages(any_site) for marker in any_site.soup(path).select("a.cite-ref")
    }
    cited = {c.ref_id for item in any_site.model.items() for c in item.citations}
    cited |= {c.ref_id for r in any_site.model.relationships for c in r.citations}
    assert cited and cited <= shown


def test_on_every_page_one_number_leads_to_one_note(any_site):
    """Notes are numbered across the whole page: one list, and a number names one source and
    paragraph wherever it stands, in every column, entry or claim of the page."""
    for path in citing_pages(any_site):
        soup = any_site.soup(path)
        lists = soup.select(".references ol.notes")
        assert len(lists) == 1, path
        target_of: dict[str, str] = {}
        for marker in soup.select("a.cite-ref"):
            note = soup.find(id=marker["href"][1:])
            target = note.select_one(".note-link")["href"]
            assert target_of.setdefault(marker.get_text(), target) == target, (path, marker.get_text())
        targets = [li.select_one(".note-link")["href"] for li in lists[0].find_all("li", recursive=False)]
        assert len(targets) == len(set(targets)), f"{path}: a source and paragraph has two numbers"


def cited(site, note):
    """The source a note cites, and the paragraphs (first, last) it pins, from its link to the
    copy on this site: /sources/<slug>/#p4."""
    link = note.select_one(".note-link")
    address, _, anchor = link["href"].partition("#")
    source = site.model.sources_by_slug[address.split("/")[2]]
    if not anchor:
        return source, None
    text = text_of(link)
    numbers = text.rsplit("\u00b6", 1)[1].strip().split("\u2013")
    first, last = int(numbers[0]), int(numbers[-1])
    assert anchor == f"p{first}"
    return source, (first, last)


def sentence(text: str) -> str:
    """A wording that starts a sentence starts with a capital."""
    return text[:1].upper() + text[1:]


def notes(site):
    for path in all_pages(site):
        for note in site.soup(path).select(".references ol.notes > li"):
            yield path, note


def test_notes_are_short_references_that_link_straight_to_the_paragraph(any_site):
    checked = 0
    for path, note in notes(any_site):
        source, pinpoint = cited(any_site, note)
        assert text_of(note.select_one(".note-link")) == short_reference(source, pinpoint), (path, note)
        if pinpoint:
            assert 1 <= pinpoint[0] <= pinpoint[1] <= len(source.paragraphs), path
        checked += 1
    assert checked


def test_every_link_to_a_paragraph_names_it_as_notes_do(any_site):
    """One wording for a paragraph on every page ('¶ 4'); 'para. 4' is how a contributor writes it."""
    checked = 0
    for path in all_pages(any_site):
        for link in any_site.soup(path).select("main a[href*='#p']"):
            if link.find_parent(class_="source-text") or "para-num" in link.get("class", []):
                continue
            assert "para." not in text_of(link), (path, text_of(link))
            checked += "\u00b6" in text_of(link)
    assert checked


def test_the_sources_a_page_cites_are_listed_once_in_full(any_site):
    for path in citing_pages(any_site):
        soup = any_site.soup(path)
        cited_here = {cited(any_site, note)[0].slug for note in soup.select(".references ol.notes > li")}
        entries = soup.select(".references .bibliography > li")
        assert sorted(li["id"] for li in entries) == sorted(f"source-{slug}" for slug in cited_here), path
        for li in entries:
            source = any_site.model.sources_by_slug[li["id"].removeprefix("source-")]
            title = source.title
            headline = (
                f"\u201c{source.display_title}\u201d"
                if title.known
                else f"[{source.display_title}] (the project's description)"
            )
            unsigned = not source.publication.known and source.kind != "primary document"
            described = [
                *([short_reference(source, None).split(", ")[0]] if unsigned else []),
                marked_text(source.publication, "Publication not known"),
                marked_text(source.authors, "Author not known"),
                headline,
                sentence(marked_text(source.date, "Date not known")),
            ]
            assert text_of(li).startswith(". ".join(described) + "."), (path, text_of(li))
            links = li.select_one(".cite-links")
            assert links.find("a", string="The copy on this site")["href"] == f"/{source.url}"
            original = source.original_url
            if original.known:
                assert links.find("a", string="The original address")["href"] == original.value
            else:
                assert text_of(links).endswith("original address not known")
        signs = soup.select(".references abbr.inferred-sign")
        explained = soup.select_one(".references > p.note")
        assert bool(signs) is (explained is not None), path


def test_no_note_on_the_home_page_says_inferred_more_than_once(site):
    for li in site.soup("/").select(".references ol.notes > li"):
        assert text_of(li).count("inferred") <= 1, text_of(li)


def test_notes_carry_every_cited_paragraph_with_the_quoted_words_marked(any_site):
    """The preview's evidence: each cited paragraph as the source has it (a range numbers each),
    with each checked quotation highlighted, hidden until the script shows it."""
    shown = ranges = 0
    for path, note in notes(any_site):
        source, pinpoint = cited(any_site, note)
        excerpt = note.select_one("blockquote.note-excerpt")
        if not pinpoint:
            assert excerpt is None
            continue
        assert excerpt.has_attr("hidden")
        first, last = pinpoint
        carried = excerpt.find_all("p", recursive=False)
        assert len(carried) == last - first + 1, path
        ranges += last > first
        for number, paragraph in enumerate(carried, first):
            label = f"\u00b6 {number} " if last > first else ""
            assert text_of(paragraph) == label + " ".join(source.paragraphs[number - 1].split()), path
            for mark in paragraph.select("mark"):
                assert occurs_in(mark.get_text(), source.paragraphs[number - 1]), (path, mark.get_text())
                shown += 1
    assert shown and ranges


def test_the_paragraphs_carried_for_previews_do_not_double_a_page(any_site):
    for path in citing_pages(any_site):
        soup = any_site.soup(path)
        carried = sum(len(str(b)) for b in soup.select("blockquote.note-excerpt"))
        assert carried < len(str(soup)) - carried, path


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


def test_every_page_s_own_scripts_weigh_under_10_kb(any_site):
    """Optional JavaScript stays small: what a page's script tags load from the theme, together.
    (The search page also imports Pagefind's own index reader, which search cannot do without.)"""
    for path in all_pages(any_site):
        scripts = [s["src"] for s in any_site.soup(path).find_all("script", src=True)]
        weight = sum((any_site.root / src.lstrip("/")).stat().st_size for src in scripts)
        assert weight < 10 * 1024, (path, scripts, weight)


def test_every_sentence_of_a_reference_starts_with_a_capital(any_site):
    """After a full stop, a reference's next sentence (a date such as 'Week of 18 June 2018*',
    'Publication not known') starts with a capital; only a name keeps its own case ('iTWire')."""
    names = set()
    for source in any_site.model.sources:
        for key in ("publication", "authors"):
            fact = getattr(source, key)
            if fact.known:
                names.add(marked_text(fact))
    checked = 0
    for path in citing_pages(any_site):
        for li in any_site.soup(path).select(".references .bibliography > li"):
            for part in re.split(r"(?<=\.) ", text_of(li)):
                checked += 1
                starts_lower = part[:1].islower()
                assert not starts_lower or any(part.startswith(name) for name in names), (path, part)
    assert checked
