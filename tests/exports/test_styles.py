"""/data/sources.json as a reader of a bibliography sees it: every record rendered by citeproc-js
in APA 7, Chicago 18 author-date and Cite Them Right Harvard (12th ed.), the styles vendored in
tests/fixtures/csl/styles/, entry and in-text citation alike.

What a reader must see: a value the project worked out in square brackets, never as fact; a
creator, or the title in its place, at the head of every entry and citation; this site's copy
never presented as the publisher's page. Every expectation comes from the model.
"""

from __future__ import annotations

import calendar
import json
import re

import pytest
from citeproc_js import STYLE_LOCALES
from explainer.content.names import PERSON


def plain(text: str) -> str:
    """Text compared as a reader reads it: curly quotes and case do not matter."""
    return text.replace("\u2019", "'").replace("\u2018", "'").casefold()


def unbracketed(text: str, *free: str) -> str:
    """What an entry states as fact: without its bracketed (supplied) parts, its addresses and
    the free wording given (a title, a name), whose words may be anything."""
    text = plain(text)
    for wording in free:
        text = text.replace(plain(wording), " ")
    text = re.sub(r"\[[^\]]*\]", " ", text)
    return re.sub(r"(https?://|/sources/)\S+", " ", text)


@pytest.fixture(scope="module", params=list(STYLE_LOCALES))
def rendered(request, any_site, citeproc_js):
    items = json.loads((any_site.root / "data" / "sources.json").read_text(encoding="utf-8"))
    return any_site, request.param, citeproc_js(items, request.param)


def creator(source) -> str:
    """What should lead the entry: the first author as styles print one, or else the title."""
    authors = source.authors
    if not authors.known:
        title = source.title
        return source.display_title if title.known and not title.inferred else f"[{source.display_title}]"
    first = authors.value[0]
    if authors.inferred:
        return f"[{first.text}]"
    return first.family if first.kind == PERSON else first.text


def test_every_entry_and_citation_leads_with_a_creator_or_the_title(rendered):
    site, style, out = rendered
    assert sorted(out.order) == sorted(site.model.sources_by_slug)
    for slug, source in site.model.sources_by_slug.items():
        lead = plain(creator(source))
        entry = plain(out.bibliography[slug]).lstrip("'\u201c\"")
        assert entry.startswith(lead), (style, out.bibliography[slug])
        assert lead in plain(out.citations[slug]), (style, out.citations[slug])


def test_no_inferred_value_prints_as_fact(rendered):
    site, style, out = rendered
    for slug, source in site.model.sources_by_slug.items():
        entry, cite = out.bibliography[slug], out.citations[slug]
        stated_entry = unbracketed(entry, source.display_title)
        stated_cite = unbracketed(cite, source.display_title)
        publication, authors = source.publication, source.authors
        if publication.known:
            value = plain(publication.value)
            names = [name.text for name in authors.value] if authors.known else []
            if publication.inferred:
                # (An author may be named after the publication: "Example Weekly Staff".)
                assert f"[{value}]" in plain(entry), (style, entry)
                assert value not in unbracketed(entry, source.display_title, *names), (style, entry)
            else:
                assert value in stated_entry, (style, entry)
        for name in authors.value if authors.known else ():
            word = plain(name.family if name.kind == PERSON else name.text)
            if authors.inferred:
                assert f"[{plain(name.text)}]" in plain(entry), (style, entry)
                assert word not in stated_entry and word not in stated_cite, (style, entry, cite)
            else:
                assert word in stated_entry, (style, entry)
        date = source.date
        if date.known:
            year = str(date.value.year)
            if date.inferred:
                assert f"[{year}]" in cite, (style, cite)
                assert year not in stated_entry and year not in stated_cite, (style, entry, cite)
                if date.value.month:  # nor its month, stated beside the bracketed year
                    assert plain(calendar.month_name[date.value.month]) not in stated_entry, (style, entry)
            else:
                assert year in stated_cite, (style, cite)
        accessed = source.accessed
        if not accessed.known or accessed.inferred:
            assert not re.search(r"accessed|retrieved", plain(entry)), (style, entry)


def test_this_sites_copy_is_never_presented_as_the_original(rendered):
    site, style, out = rendered
    for slug, source in site.model.sources_by_slug.items():
        entry = out.bibliography[slug]
        copy = f"{site.siteurl}/{source.url}"
        assert "Https://" not in entry, (style, entry)
        # Wherever a style prints the copy's address, it says that it is a copy.
        assert entry.count(copy) == plain(entry).count(f"copy at {plain(copy)}"), (style, entry)
        original = source.original_url
        if original.known and not original.inferred:
            assert original.value in entry, (style, entry)


def test_people_are_named_family_name_first_and_organisations_whole(rendered):
    site, style, out = rendered
    for slug, source in site.model.sources_by_slug.items():
        authors, entry = source.authors, out.bibliography[slug]
        if not authors.known or authors.inferred:
            continue
        for name in authors.value:
            if name.kind == PERSON and name.given:
                # "Wedler, C." in APA and Harvard; Chicago spells the given name out.
                given = name.given if style == "chicago-author-date" else f"{name.given[0]}."
                assert f"{name.family}, {given}" in entry and name.text not in entry, (style, entry)
            else:  # "Amazonians", never "Amazonians, A."
                assert name.text in entry and f"{name.text}, " not in entry[: len(name.text) + 2], entry
