"""A source that repeats another's text is refused, naming both files; a reproduced document
declared with text_from is not a repeat."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import ROOT, content_model
from contenttree import commit_all
from explainer.content.errors import ContentErrors
from explainer.model import load_model
from explainer.model.duplicates import paragraph_line

SOURCES = [source.slug for source in content_model().sources]

LONG = [
    "Workers at the company wrote to the chief executive about the contract with the agency.",
    "The letter asks the company to stop selling the software to police departments at once.",
    "A spokesperson for the company did not answer a request for comment on the letter.",
    "The workers said they would keep pressing until the contract with the agency was ended.",
]


def _source(title: str, paragraphs: list[str], extra: str = "") -> str:
    return (
        f"---\ntitle: {title}\nkind: news report\npublication: Example News\nauthors: unknown\n"
        "date: 2018-06-25\noriginal_url: unknown\narchived_url: unknown\naccessed: unknown\n"
        f"summary: A summary.\n{extra}---\n" + "\n\n".join(paragraphs) + "\n"
    )


BODY_LINE = _source("A", ["x"]).splitlines().index("x") + 1


def _errors(content) -> list[str]:
    try:
        load_model(content)
    except ContentErrors as exc:
        return [str(error) for error in exc.errors]
    return []


@pytest.fixture(scope="module")
def committed_content(tmp_path_factory):
    """The real content, committed in a repository of its own: what a contributor's clone holds."""
    root = tmp_path_factory.mktemp("repository")
    shutil.copytree(ROOT / "content", root / "content")
    commit_all(root, "The content")
    return root / "content"


@pytest.mark.parametrize("slug", SOURCES)
def test_a_second_copy_of_any_source_fails_on_the_copy_naming_both_files(committed_content, slug):
    """The copy is not committed yet: it is blamed, although its name sorts first."""
    original = content_model().sources_by_slug[slug]
    copy = committed_content / "sources" / "a-second-copy.md"
    assert copy.name < original.path.rsplit("/", 1)[-1]
    copy.write_text(
        (committed_content / "sources" / f"{slug}.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    try:
        (error,) = _errors(committed_content)
    finally:
        copy.unlink()
    # The copy is named with the line of its first repeated paragraph, the original with its own.
    match = re.match(r"content/sources/a-second-copy\.md:(\d+): .* from paragraph (\d+) ", error)
    assert match, error
    number = int(match.group(2))
    assert f"the same words as {original.path}:{paragraph_line(original, number)}," in error
    assert int(match.group(1)) == paragraph_line(original, number)  # the same file, the same line
    assert "text_from" not in error  # the same text twice is no document reproduced in a report


def test_of_two_committed_copies_the_one_committed_later_is_blamed(tree):
    tree.write("sources/zzz-first.md", _source("First", LONG))
    commit_all(tree.root, "First", "2026-01-02T03:04:05+00:00")
    tree.write("sources/aaa-later.md", _source("Later", LONG))
    commit_all(tree.root, "Later", "2026-02-03T04:05:06+00:00")
    error = tree.only_error()
    assert error.startswith(
        f"content/sources/aaa-later.md:{BODY_LINE}: 4 of this source's 4 paragraphs repeat"
    )
    assert f"(the same words as content/sources/zzz-first.md:{BODY_LINE}, its paragraph 1)" in error


def test_a_text_wholly_inside_a_longer_report_may_be_a_document_it_reprints(tree):
    report = ["A new report on the letter, with words of its own about the workers and the firm.", *LONG]
    tree.write("sources/report.md", _source("Report", report))
    tree.write("sources/the-letter.md", _source("The letter", LONG))
    tree.error_at("sources/the-letter.md", BODY_LINE, "repeat content/sources/report.md")
    assert "if this is a document reproduced in report, write 'text_from: report'" in tree.only_error()


def test_a_copy_with_other_quotes_dashes_case_and_spacing_is_still_a_copy(tree):
    said = ' The workers said: "It is wrong - and we will not build it."'
    tree.write("sources/first.md", _source("First", [p + said for p in LONG]))
    retyped = [
        p.upper().replace(" THE ", "  THE ") + said.replace('"', "\u201c", 1).replace(" - ", "\u2014")
        for p in LONG
    ]
    tree.write(
        "sources/second.md",
        _source(
            "Second",
            [
                *retyped[1:],
                "Something else entirely, written in the words of this report alone, about another matter.",
            ],
        ),
    )
    error = tree.only_error()
    assert error.startswith(f"content/sources/second.md:{BODY_LINE}: 3 of this source's 4 paragraphs repeat")
    assert "content/sources/first.md, from paragraph 1 (the same words as content/sources/first.md:" in error


def test_a_source_quoting_one_paragraph_of_another_is_not_a_copy(tree):
    own = [p.replace("company", "firm").replace("letter", "petition") + " Its own words." for p in LONG]
    tree.write("sources/first.md", _source("First", LONG))
    tree.write("sources/second.md", _source("Second", [*own[:3], LONG[0]]))
    assert tree.errors() == []


def test_a_document_declared_with_text_from_may_stand_inside_reports(tree):
    letter = LONG[1:]
    report = ["A new report on the letter, with words of its own about the workers and the firm.", *letter]
    another = [
        "Another report reprints the whole letter, with a paragraph of its own reporting first.",
        *letter,
    ]
    tree.write("sources/report.md", _source("Report", report))
    tree.write("sources/the-letter.md", _source("The letter", letter, "text_from: report\n"))
    tree.write("sources/another.md", _source("Another", another))
    assert tree.errors() == []


def test_a_plain_second_copy_of_a_declared_document_is_refused(tree):
    report = ["A new report on the letter, with words of its own about the workers and the firm.", *LONG]
    tree.write("sources/report.md", _source("Report", report))
    tree.write("sources/the-letter.md", _source("The letter", LONG, "text_from: report\n"))
    tree.write("sources/the-letter-again.md", _source("The letter again", LONG))
    tree.error_at("sources/the-letter-again.md", BODY_LINE, "repeat content/sources/the-letter.md")
    assert "text_from: the-letter" not in tree.only_error()  # a document's copy is no reproduction


def test_two_identical_files_are_reported_once_on_the_later_name(tree):
    tree.write("sources/aaa.md", _source("A", LONG))
    tree.write("sources/bbb.md", _source("B", LONG))
    error = tree.only_error()
    assert error.startswith(
        f"content/sources/bbb.md:{BODY_LINE}: 4 of this source's 4 paragraphs repeat content/sources/aaa.md"
    )
