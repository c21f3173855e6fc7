"""Each source page against the copy it was made from (content/sources/copies/, kept as received).

Which source comes from which copy is found by matching text, never listed: a source whose first
paragraph occurs in a copy was made from it.
"""

from __future__ import annotations

import re

import pytest
from conftest import COPIES
from reading import paragraph_text

COPY_FILES = sorted(COPIES.glob("*.txt"))
# Text that is not the article: advertising, bios, links, captions and site furniture. Each phrase
# is in at least one copy (checked below); no source page may publish any of them.
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
# The end of a copy after its article's last paragraph holds only bios, links and footers.
LONGEST_TAIL = 1500


def squeeze(text: str) -> str:
    """Compare texts without white space or Markdown emphasis, so reflowing cannot hide a change."""
    for artefact, fixed in COPY_ARTEFACTS:
        text = text.replace(artefact, fixed)
    return re.sub(r"[\s*\\]", "", text)


def copy_text(file) -> str:
    return squeeze(file.read_text(encoding="utf-8"))


def made_from(source, copy: str) -> bool:
    return squeeze(source.paragraphs[0]) in copy


def page_paragraphs(site, source) -> list[str]:
    found = site.soup(f"/{source.url}").select(".source-text .para")
    return [paragraph_text(element) for element in found]


def end_in_copy(paragraphs: list[str], copy: str) -> int | None:
    """Where the last paragraph ends in the copy, if every paragraph occurs there in order."""
    position = 0
    for paragraph in paragraphs:
        index = copy.find(squeeze(paragraph), position)
        if index < 0:
            return None
        position = index + len(squeeze(paragraph))
    return position


@pytest.mark.parametrize("file", COPY_FILES, ids=lambda file: file.name)
def test_each_copy_is_the_article_of_exactly_one_source(model, file):
    copy = copy_text(file)
    articles = [s.slug for s in model.sources if not s.text_source and made_from(s, copy)]
    assert len(articles) == 1, f"{file.name} is the copy of {articles or 'no source'}"


def test_every_source_made_from_a_copy_keeps_its_text_in_order(site, model):
    copies = {file.name: copy_text(file) for file in COPY_FILES}
    checked = 0
    for source in model.sources:
        origins = [name for name, copy in copies.items() if made_from(source, copy)]
        if not origins:
            continue  # a source whose copy is not kept here
        paragraphs = page_paragraphs(site, source)
        assert len(paragraphs) == len(source.paragraphs), source.slug
        ends = {name: end_in_copy(paragraphs, copies[name]) for name in origins}
        assert any(end is not None for end in ends.values()), (
            f"{source.slug}: a paragraph is not in {' or '.join(origins)}, or is out of order"
        )
        # The article itself: nothing of it is lost at the end, unless its edits say what was
        # left out (a page kept whole by `make import` ends with the site's footer and links).
        if not source.text_source and not _says_what_was_left_out(source):
            (name,) = origins
            assert len(copies[name]) - ends[name] < LONGEST_TAIL, f"{source.slug} stops short of {name}"
        checked += 1
    assert checked >= len(COPY_FILES)


def _says_what_was_left_out(source) -> bool:
    return any(str(edit).startswith("Left out what is not the article") for edit in source.edits)


def test_no_boilerplate_is_published(site, model):
    copies = [file.read_text(encoding="utf-8").lower() for file in COPY_FILES]
    for phrase in BOILERPLATE:
        assert any(phrase.lower() in copy for copy in copies), f"{phrase!r} is in no copy"
    for source in model.sources:
        # The provenance panel may name what was left out; the published text must not contain it.
        text = site.soup(f"/{source.url}").select_one(".source-text").get_text().lower()
        for phrase in BOILERPLATE:
            assert phrase.lower() not in text, (source.slug, phrase)


def test_the_copies_are_not_published(site):
    names = {file.name for file in COPIES.iterdir()}
    published = [path for path in site.root.rglob("*") if path.name in names or "copies" in path.parts]
    assert published == []
