"""A source's page where a note leads (issue 28): the words the site quotes from each paragraph
are marked, and a paragraph a note leads to lists every marker that leads there, so the way back
to the sentence needs no JavaScript."""

from __future__ import annotations

from conftest import WIDE
from explainer.text.normal import normalise
from explainer.text.quotes import occurs_in, pieces
from test_site_citations import cited


def citations_by_marker(model) -> dict:
    """(The page it stands on, marker id) -> the citation it stands for, for everything the site
    cites; ids repeat from item to item (an event and a campaign may share a slug)."""
    found = {(item.url, c.ref_id): c for item in model.items() for c in item.citations}
    found.update({("entities/", r.citation.ref_id): r.citation for r in model.relationships if r.citation})
    return found


def test_without_javascript_the_paragraph_lists_the_places_that_cite_it(visit, site, model):
    source = next(s for s in model.sources if s.cited_by)
    soup = site.soup(f"/{source.url}")
    landing = soup.select_one(".source-text .came-from").find_parent(class_="para")
    page = visit(f"/{source.url}#{landing['id']}", WIDE, javascript=False)
    listed = page.locator(f"#{landing['id']} > .came-from")
    assert listed.is_visible()
    others = page.locator(f".source-text .came-from:not(#{landing['id']} > .came-from)")
    assert all(not others.nth(i).is_visible() for i in range(others.count()))
    first = listed.locator("a").first
    href = first.get_attribute("href")
    first.click()
    page.wait_for_load_state()
    assert page.evaluate("location.pathname + location.hash") == href


def test_each_cited_paragraph_lists_every_marker_that_leads_to_it(any_site):
    """The list on a source's paragraph names each marker whose note leads there, and each link
    lands on a marker whose note cites that source and paragraph."""
    model = any_site.model
    landing: dict[tuple[str, int], set[str]] = {}
    for (url, ref_id), citation in citations_by_marker(model).items():
        if citation.pinpoint and ref_id:
            landing.setdefault((citation.key, citation.pinpoint.first), set()).add(f"/{url}#{ref_id}")
    for source in model.sources:
        soup = any_site.soup(f"/{source.url}")
        for paragraph in soup.select(".source-text .para"):
            number = int(paragraph["id"][1:])
            listed = paragraph.select(":scope > .came-from a")
            assert {a["href"] for a in listed} == landing.get((source.slug, number), set())
            for link in listed:
                path, _, ref_id = link["href"].partition("#")
                page = any_site.soup(path)
                marker = page.find(id=ref_id)
                note_source, pinpoint = cited(any_site, page.find(id=marker["href"][1:]))
                assert note_source is source and pinpoint[0] == number, link["href"]


def test_a_source_page_marks_the_words_the_site_quotes_from_each_paragraph(any_site):
    model = any_site.model
    quoting: dict[tuple[str, int], list[str]] = {}
    for citation in citations_by_marker(model).values():
        if citation.pinpoint:
            for number in range(citation.pinpoint.first, citation.pinpoint.last + 1):
                quoting.setdefault((citation.key, number), []).extend(citation.quotations)
    checked = 0
    for source in model.sources:
        soup = any_site.soup(f"/{source.url}")
        for number, text in enumerate(source.paragraphs, 1):
            paragraph = soup.find(id=f"p{number}")
            marked = normalise("".join(m.get_text() for m in paragraph.select("mark.quoted")))
            quotations = [q for q in quoting.get((source.slug, number), []) if occurs_in(q, text)]
            if not quotations:
                assert not marked, (source.slug, number)
            for quotation in quotations:
                assert pieces(quotation)[0].text in marked, (source.slug, number, quotation)
                checked += 1
    assert checked
