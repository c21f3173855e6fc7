"""Property tests: whatever the input, the parsers answer or raise the project's own error."""

from __future__ import annotations

import re
from types import SimpleNamespace

from explainer.content.citation_syntax import CitationSyntaxError, parse_citation
from explainer.content.dates import DateFormatError, PartialDate, parse_partial_date
from explainer.content.errors import ContentError
from explainer.content.files import read_content_file
from explainer.content.frontmatter import parse_document
from explainer.markup.mentions import EntityMatcher
from explainer.markup.render import MarkdownRenderer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ALIASES = {
    "amazon": ["Amazon"],
    "aws": ["Amazon Web Services", "AWS"],
    "ice": ["ICE"],
    "bezos": ["Mr. Bezos", "Bezos"],
}
SOURCE = SimpleNamespace(
    slug="src", paragraphs=["We refuse to build the platform that powers ICE.", "Amazon hosts it."]
)
text_like = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
markdownish = st.text(
    alphabet=st.sampled_from(list('ab "“”[]@,;.-_*`#>|()\n\\&<:/ICEAmazon1234pa')), max_size=200
)


@given(st.one_of(text_like, st.from_regex(r"\[@[a-z0-9 ,.;@\-]*\]", fullmatch=True)))
def test_citation_parser_parses_or_says_why(bracket):
    try:
        items = parse_citation(bracket if bracket.startswith("[") else f"[{bracket}]")
    except CitationSyntaxError as error:
        assert len(error.args) == 2 and all(error.args)
    else:
        assert items and all(key and (p is None or 1 <= p.first <= p.last) for key, p in items)


@given(st.one_of(text_like, st.integers(), st.from_regex(r"\d{4}(-\d{1,2}(-\d{1,2})?)?", fullmatch=True)))
def test_date_parser_parses_or_says_why(value):
    try:
        date = parse_partial_date(value)
    except DateFormatError as error:
        assert error.problem and error.fix
    else:
        assert isinstance(date, PartialDate) and parse_partial_date(date.iso()) == date


# Pieces that make near misses likely: names inside words, after signs, overlapping names.
NAME_PIECES = [
    *(a for names in ALIASES.values() for a in names),
    "#NoTechForICE",
    "U.S.",
    " ",
    "_",
    "x",
    ".",
    "é",
    "#",
]


@given(st.lists(st.sampled_from(NAME_PIECES), max_size=12).map("".join))
def test_entity_matcher_agrees_with_one_combined_pattern(text):
    """The word index finds exactly what a single regular expression over every alias finds."""
    aliases = {**ALIASES, "tag": ["#NoTechForICE"], "us": ["U.S."]}
    ordered = sorted((a for names in aliases.values() for a in names), key=lambda a: (-len(a), a))
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")
    expected = [(m.start(), m.end()) for m in pattern.finditer(text)]
    assert [(m.start, m.end) for m in EntityMatcher(aliases).find(text)] == expected


@given(text_like)
def test_entity_matcher_finds_whole_aliases_without_overlap(text):
    mentions = EntityMatcher(ALIASES).find(text)
    end = 0
    for mention in mentions:
        assert mention.start >= end and text[mention.start : mention.end] == mention.text
        assert mention.text in ALIASES[mention.slug]
        end = mention.end


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(markdownish)
def test_rendering_any_markdown_gives_html_or_problems_never_a_crash(text):
    renderer = MarkdownRenderer("", sources={"src": SOURCE}, entity_matcher=EntityMatcher(ALIASES))
    rendered = renderer.render(text, "x-")
    assert isinstance(rendered.html, str)
    for problem in rendered.problems:
        assert problem.problem and problem.fix


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_reading_any_file_gives_a_document_or_a_located_error(tmp_path, raw):
    file = tmp_path / "any.md"
    file.write_bytes(raw)
    try:
        # As the reader reads each content file: safely, then split and parsed.
        document = parse_document(read_content_file(file, "content/sources/any.md"), "content/sources/any.md")
    except ContentError as error:
        assert error.path == "content/sources/any.md" and error.line >= 1 and error.fix
    else:
        assert isinstance(document.meta, dict)
