"""Each kind of bad input fails with `path:line: problem — fix`, naming the right line."""

from __future__ import annotations

import pytest
from contenttree import event_text
from explainer.content.phrasing import date_text

BAD = "content/sources/bad-source.md"


def test_the_minimal_tree_is_valid(tree):
    assert tree.errors() == []


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2018-13-01", "date: '2018-13-01' has no month 13 — months run from 01 to 12"),
        ("2018-02-30", "date: '2018-02-30' is not a day of the calendar — February 2018 has no day 30"),
        ("25 June 2018", "date: '25 June 2018' is not a date — write YYYY, YYYY-MM or YYYY-MM-DD"),
        ("1850", "date: '1850' is before 1900 — check the year"),
    ],
)
def test_bad_dates_name_the_date_line(tree, value, message):
    tree.source({"date": value})
    error = tree.only_error()
    assert error.startswith(f"{BAD}:6: ")
    assert message in error


def test_missing_required_field(tree):
    tree.source({"summary": None})
    assert tree.only_error() == (
        f"{BAD}:1: the required field 'summary' is missing or empty — "
        "add 'summary: one line in the project's own words' to the metadata block"
    )


def test_unknown_field(tree):
    tree.source({"colour": "blue"})
    error = tree.only_error()
    assert error.startswith(f"{BAD}:14: 'colour' is not a field this kind of content takes — remove it")


def test_unknown_kind(tree):
    tree.source({"kind": "blog post"})
    assert tree.only_error().startswith(
        f"{BAD}:3: kind: 'blog post' is not a known value — write one of: news report"
    )


def test_broken_yaml_points_at_the_line(tree):
    tree.source({"summary": '"an unclosed quote'})
    error = tree.only_error()
    assert error.startswith(f"{BAD}:10: the metadata is not valid YAML")
    assert "check indentation, colons and quotes" in error


def test_a_field_given_twice(tree):
    tree.write(
        "sources/bad-source.md",
        tree.source().read_text().replace("kind: news report", "kind: news report\nkind: report"),
    )
    assert tree.only_error() == f"{BAD}:4: the field 'kind' is given twice — keep one of them"


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://example.com/x", "example.com/story"]
)
def test_urls_must_be_web_addresses(tree, url):
    tree.source({"original_url": f"'{url}'"})
    error = tree.only_error()
    assert error.startswith(f"{BAD}:7: original_url: '{url}' is not a web address — give the full address")


def test_inferred_value_needs_a_basis(tree):
    tree.source({"publication": "{value: Example News, status: inferred}"})
    assert tree.only_error().startswith(
        f"{BAD}:4: publication: an inferred value has no basis — add 'basis:'"
    )


def test_unknown_title_needs_a_label(tree):
    tree.source({"title": "unknown"})
    assert tree.only_error().startswith(f"{BAD}:2: the title is unknown and no label is given — add 'label:'")


def test_a_missing_label_and_a_missing_summary_and_text_are_reported_together(tree):
    """A new source's other problems do not hide these: all are fixed in one pass."""
    tree.source({"title": "unknown", "summary": None}, body="")
    errors = tree.errors()
    assert [error.split(" — ")[0] for error in errors] == [
        f"{BAD}:1: the required field 'summary' is missing or empty",
        f"{BAD}:2: the title is unknown and no label is given",
        f"{BAD}:14: the source has no text",
    ], errors


@pytest.mark.parametrize(
    ("body", "line", "problem"),
    [
        ("Fine.\n\n<script>alert(1)</script>\n", 14, "raw HTML is not allowed in content"),
        ("Text with <img src=x onerror=alert(1)> inside.\n", 12, "raw HTML is not allowed in content"),
        (
            "Click [here](javascript:alert(1)).\n",
            12,
            "the link 'javascript:alert(1)' uses a scheme that is not allowed",
        ),
        ("![x](https://tracker.example/pixel.png)\n", 12, "would load from another site"),
        ("Intro.\n\n# A second title\n", 14, "the text has a level-1 heading"),
        ("See [a page](/nowhere/).\n", 12, "the link '/nowhere/' points to no page of the site"),
        (
            "See [it](/sources/good-source/#p9).\n",
            12,
            "names a paragraph that does not exist — good-source has paragraphs 1 to 2",
        ),
    ],
)
def test_body_problems_name_their_line(tree, body, line, problem):
    # Without relative_dates the body starts on line 12.
    tree.source({"relative_dates": None}, body=body)
    error = tree.only_error()
    assert error.startswith(f"{BAD}:{line}: "), error
    assert problem in error


def test_not_utf8(tree):
    tree.write("sources/bad-source.md", "---\ntitle: caf\xe9\n".encode("latin-1"))
    assert (
        tree.only_error()
        == f"{BAD}:2: the file is not valid UTF-8 (byte 14) — save the file with UTF-8 encoding"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file does not start with a metadata block"),
        ("Just some text.\n", "the file does not start with a metadata block"),
        ("---\ntitle: x\n", "the metadata block is never closed"),
        ("---\n---\nText.\n", "the metadata block is empty"),
        ("---\n- a\n- b\n---\nText.\n", "the metadata block is not a list of 'field: value' lines"),
    ],
)
def test_malformed_files(tree, text, message):
    tree.write("sources/bad-source.md", text)
    assert message in tree.only_error()


def test_file_names_are_slugs(tree):
    tree.write("sources/Bad_Name.md", "---\n---\n")
    assert tree.only_error().startswith(
        "content/sources/Bad_Name.md:1: the file name 'Bad_Name' is not a valid slug"
    )


def test_non_markdown_files_are_refused(tree):
    tree.write("sources/notes.txt", "notes")
    assert tree.only_error().startswith("content/sources/notes.txt:1: only Markdown files belong here")


def test_duplicate_address(tree):
    tree.write("pages/sources.md", "---\ntitle: Sources\ndescription: Clash.\n---\nText.\n")
    assert tree.only_error() == (
        "content/pages/sources.md:1: the address /sources/ is already used by the sources list — "
        "rename the file to give it another slug"
    )


def test_text_from_must_match_its_origin(tree):
    tree.source(
        {"text_from": "good-source"},
        body="Last Thursday, something happened.\n\nA sentence that is not there.\n",
    )
    assert tree.only_error().startswith(f"{BAD}:18: paragraph 2 does not occur in good-source")


def test_text_from_must_name_another_source(tree):
    tree.source({"text_from": "no-such-source"})
    assert tree.only_error().startswith(
        f"{BAD}:14: text_from names 'no-such-source', which is not another source"
    )


@pytest.mark.parametrize(
    ("entry", "line", "message"),
    [
        ("  - phrase: Next Friday\n    paragraph: 1", 12, "'Next Friday' does not occur in paragraph 1"),
        (
            "  - phrase: Last Thursday\n    paragraph: 7",
            12,
            "paragraph 7 does not exist — the text has 2 paragraphs",
        ),
        ("  - phrase: something\n    paragraph: 1", 12, "the build cannot resolve 'something'"),
        ("  - phrase: Last Thursday\n    paragraph: one", 13, "'paragraph' must be a whole number from 1"),
        (
            "  - phrase: Last Thursday\n    paragraph: 1\n    unresolved: it could be any Thursday",
            14,
            "'Last Thursday' is marked unresolved, but the build resolves it to 21 June 2018",
        ),
    ],
)
def test_relative_date_entries(tree, entry, line, message):
    text = tree.source().read_text().replace("  - phrase: Last Thursday\n    paragraph: 1", entry)
    tree.write("sources/bad-source.md", text)
    error = tree.only_error()
    assert error.startswith(f"{BAD}:{line}: "), error
    assert message in error


def test_a_phrase_the_build_cannot_resolve_may_say_why(tree):
    text = tree.source().read_text()
    text = text.replace("phrase: Last Thursday", "phrase: something\n    unresolved: it names no time at all")
    tree.write("sources/bad-source.md", text)
    model = tree.model()
    entry = next(s for s in model.sources if s.slug == "bad-source").relative_dates[0]
    assert entry.resolved is None and entry.unresolved == "it names no time at all"


@pytest.mark.parametrize(
    ("break_it", "start"),
    [
        (lambda tree: tree.source({"date": "2018-13-01"}), f"{BAD}:6: date:"),
        (lambda tree: tree.source(body="Far too long. " * 80_000), f"{BAD}:1: the file is 1,120,"),
        (
            lambda tree: tree.write("sources/bad-source.md", "---\ntitle: [unclosed\n---\nText.\n"),
            f"{BAD}:2: ",
        ),
    ],
    ids=["bad date", "too large", "broken YAML"],
)
def test_a_source_that_fails_to_load_is_one_error_however_often_it_is_cited(tree, break_it, start):
    break_it(tree)
    for name in ("one", "two", "three"):
        tree.write(
            f"pages/{name}.md", "---\ntitle: T\ndescription: D\n---\nIt happened.[@bad-source, para. 1]\n"
        )
    tree.write("events/it-happened.md", event_text(body="It happened.[@bad-source, para. 1]"))
    (error,) = tree.errors()
    assert error.startswith(start) and "(4 files cite it) — " in error


def test_an_entity_that_fails_to_load_is_one_error(tree):
    tree.write(
        "entities/example-news.md", "---\nname: Example News\ntype: newspaper\n---\nText.[@good-source]\n"
    )
    tree.write("events/it-happened.md", event_text())
    tree.write("events/it-happened-again.md", event_text())
    (error,) = tree.errors()
    assert error.startswith("content/entities/example-news.md:3: type:") and "(2 files name it) — " in error


def test_every_error_is_reported_at_once(tree):
    tree.source({"date": "2018-13-01", "kind": "blog post"})
    tree.source({"summary": None}, name="another-bad-source")
    assert len(tree.errors()) == 3


def test_byte_order_mark_and_windows_line_endings_build(tree):
    text = tree.source().read_text().replace("\n", "\r\n")
    tree.write("sources/bad-source.md", "\ufeff".encode() + text.encode())
    model = tree.model()
    source = model.sources_by_slug["bad-source"]
    assert source.paragraphs == [
        "Last Thursday, something happened.",
        'A second paragraph with "a quotation" in it.',
    ]


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("Intro.\n\nA claim.[@no-such-source]\n", 7, "no source has the key 'no-such-source'"),
        ("A claim.[@good-source para 2]\n", 5, "'[@good-source para 2]' is not a citation — write [@key]"),
        (
            "A claim.[@good-source, para. 3]\n",
            5,
            "points past the end of good-source — good-source has paragraphs 1 to 2",
        ),
        ('He said ""[@good-source]\n', 5, "the quotation before [@good-source] is empty"),
        (
            'One.\n\nIt was "a misquotation"[@good-source, para. 2]\n',
            7,
            "the quotation “a misquotation” is not in good-source, para. 2 — "
            "the closest passage (para. 2) reads",
        ),
    ],
)
def test_citation_problems_name_the_page_and_line(tree, body, line, message):
    tree.write("pages/about.md", f"---\ntitle: About\ndescription: About it.\n---\n{body}")
    error = tree.only_error()
    assert error.startswith(f"content/pages/about.md:{line}: "), error
    assert message in error


def test_a_correct_quotation_passes(tree):
    tree.write(
        "pages/about.md",
        '---\ntitle: A\ndescription: B.\n---\nIt had "a quotation"[@good-source, para. 2].\n',
    )
    assert tree.errors() == []


@pytest.mark.parametrize(
    ("metadata", "message"),
    [
        ("title: &a [*a]", "an alias refers to itself"),
        ("title: " + "[" * 3000 + "]" * 3000, "the metadata has more than 16 brackets inside one another"),
        (
            "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
            "the metadata is far too large",
        ),
    ],
)
def test_hostile_yaml_is_a_content_error(tree, metadata, message):
    tree.write("sources/bad-source.md", f"---\n{metadata}\n---\nText.\n")
    assert message in tree.only_error()


def test_an_unreadable_url_in_metadata_is_a_content_error(tree):
    tree.source({"original_url": "'https://[bad'"})
    assert tree.only_error().startswith(f"{BAD}:7: original_url: 'https://[bad' is not a web address")


def test_encoded_javascript_url_in_metadata_is_refused(tree):
    tree.source({"original_url": "'javascript&colon;alert(1)'"})
    assert "is not a web address" in tree.only_error()


@pytest.mark.parametrize(
    ("bounds", "line", "message"),
    [
        ("  earliest: 2018-06\n  latest: 2018-05", 8, "'latest' (2018-05) is before 'earliest' (2018-06)"),
        ("  earliest: 2017-12", 7, "'earliest' (2017-12) lies outside the value 2018"),
        ("  soonest: 2018-05", 7, "'soonest' is not part of a provenance value"),
    ],
)
def test_date_bounds_are_checked(tree, bounds, line, message):
    date = f"\n  value: '2018'\n  status: inferred\n  basis: A report says so.\n{bounds}"
    tree.write("events/bounded.md", event_text(date=date))
    tree.error_at("events/bounded.md", line, message)


def test_a_date_known_within_bounds_sorts_and_reads_by_them(tree):
    date = "\n  value: '2018'\n  status: inferred\n  basis: A report says so.\n  earliest: 2018-05\n  latest: 2018-06-25"
    tree.write("events/bounded.md", event_text(date=date))
    tree.write("events/april.md", event_text(date="2018-04-19"))
    model = tree.model()
    assert [e.slug for e in model.events] == ["april", "bounded"]
    assert date_text(model.events[1].date) == "between May and 25 June 2018 (inferred)"


@pytest.mark.parametrize("part", ["basis", "note"])
def test_words_quoted_about_a_value_must_be_in_a_source_or_a_copy(tree, part):
    other = "note: a note" if part == "basis" else "basis: a reckoning"

    def inferred(words: str) -> str:
        return f"{{value: 2018-06-21, status: inferred, {other}, {part}: 'The report says \"{words}\".'}}"

    tree.write("events/thing.md", event_text(date=inferred("Last Thursday")))
    assert tree.errors() == []
    tree.write("events/thing.md", event_text(date=inferred("Last Friday")))
    tree.error_at(
        "events/thing.md", 3, f"the quotation \u201cLast Friday\u201d in '{part}' is in no source's text"
    )
    # A byline or a footer is in the copy as received, not in the text: the copy vouches for it.
    tree.write("sources/copies/received.txt", "Example News\nBy Ann Writer, Last Friday edition\n")
    assert tree.errors() == []
