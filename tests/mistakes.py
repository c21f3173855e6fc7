"""Mistakes a contributor makes, or a hostile pull request tries, each applied to a copy of the
real content: what `tests/builder/test_mistakes.py` runs through every command.

Each mistake picks the file it breaks from the model of the content as it is (the most cited
source, an event, a campaign…), never by name, and says where its error must stand and what
it must say. Lines are counted in the file as changed, as a contributor's editor shows them.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass

from mistake_edits import (
    FIRST_TOO_DEEP,
    NESTED_ITEMS,
    a_campaign,
    a_claim_one_source_answers,
    a_dated_source,
    a_quoting_page,
    a_source_with_relative_dates,
    add_line,
    an_entity,
    an_entity_with_aliases,
    an_event,
    append_text,
    beside,
    change_quoted_word,
    drop_field,
    first_body_line,
    most_cited_source,
    new_file,
    replace_in_text,
    rewrite_bytes,
    set_field,
    the_home_page,
    with_body,
)


@dataclass(frozen=True)
class Mistake:
    name: str
    make: Callable  # (content folder, model) -> Where the one first error must stand
    says: str  # what that error must say

    def __str__(self) -> str:
        return self.name


def _cite(model) -> str:
    return f"{most_cited_source(model).slug}, para. 1"


def _entity_file(name: str, extra: str = "", body: str | None = None) -> Callable:
    def text(model) -> str:
        said = body if body is not None else f"It is named here.[@{_cite(model)}]"
        return f"---\nname: {name}\ntype: organisation\n{extra}---\n{said}\n"

    return text


def _page_file(body: str) -> Callable:
    return lambda model: f"---\ntitle: A page\ndescription: A page.\n---\n{body}\n"


MISTAKES = [
    # Sources: the most cited one, whose failure every citing file would otherwise report too.
    Mistake("source-month-13", set_field("date", "2018-13-01"), "has no month 13"),
    Mistake("source-day-not-in-calendar", set_field("date", "2018-02-30"), "is not a day of the calendar"),
    Mistake("source-date-not-a-date", set_field("date", "next week"), "date"),
    Mistake("source-title-missing", drop_field("title", most_cited_source), "'title' is missing"),
    Mistake("source-summary-missing", drop_field("summary", most_cited_source), "'summary' is missing"),
    Mistake("source-unknown-field", add_line("colour: blue"), "'colour' is not a field"),
    Mistake("source-field-twice", add_line("kind: report", after_key="kind"), "given twice"),
    Mistake("source-yaml-tab", add_line("\tkind: report", after_key="kind"), "not valid YAML"),
    Mistake("source-yaml-unclosed", set_field("title", "[unclosed"), "not valid YAML"),
    Mistake("source-not-utf8", rewrite_bytes(lambda b: b.replace(b"---\n", b"---\n\xff\xfe", 1)), "UTF-8"),
    Mistake("source-nul", first_body_line(lambda line: line.replace(" ", "\x00", 1)), "U+0000 NUL"),
    Mistake("source-rtl-title", set_field("title", "\u202eA headline"), "U+202E RIGHT-TO-LEFT OVERRIDE"),
    Mistake("source-zero-width-summary", set_field("summary", "A\u200bsummary"), "U+200B ZERO WIDTH SPACE"),
    Mistake("source-script", append_text("Text <script>alert(1)</script> here."), "raw HTML is not allowed"),
    Mistake("source-javascript-url", set_field("original_url", "'javascript:alert(1)'"), "not a web address"),
    Mistake(
        "source-500-nested-items",
        append_text("\n".join(NESTED_ITEMS), line_within=FIRST_TOO_DEEP),
        "nested too deeply",
    ),
    Mistake("source-deep-quotation", append_text("> " * 500 + "deep"), "nested too deeply"),
    Mistake("source-17-brackets", append_text("[" * 2000 + "x" + "]" * 2000), "nests brackets 17 deep"),
    Mistake(
        "source-empty-file", rewrite_bytes(lambda b: b"", line=1), "does not start with a metadata block"
    ),
    Mistake("source-no-text", with_body("", most_cited_source), "the source has no text"),
    Mistake(
        "source-accessed-before-published",
        set_field("accessed", "2001-01-01", pick=a_dated_source),
        "before the source was published",
    ),
    Mistake(
        "source-relative-date-paragraph",
        set_field(
            "relative_dates",
            lambda s: f"[{{phrase: {s.relative_dates[0].phrase}, paragraph: 9999}}]",
            a_source_with_relative_dates,
        ),
        "paragraph 9999 does not exist",
    ),
    Mistake(
        "source-bad-file-name", beside(most_cited_source, "A Copy.md", shutil.copyfile), "is not a valid slug"
    ),
    Mistake(
        "source-symbolic-link",
        beside(most_cited_source, "a-link.md", lambda file, link: link.symlink_to(file)),
        "this is a symbolic link",
    ),
    Mistake(
        "source-not-markdown", beside(most_cited_source, "notes.txt", shutil.copyfile), "only Markdown files"
    ),
    Mistake(
        "source-too-large", rewrite_bytes(lambda b: b + b"word " * 250_000, line=1), "more than the 1,000,000"
    ),
    # Events.
    Mistake("event-day-not-in-calendar", set_field("date", "2018-02-30", an_event), "is not a day"),
    Mistake(
        "event-ends-before-it-starts",
        set_field("end", lambda e: e.date.value.earliest().year - 1, an_event),
        "before it starts",
    ),
    Mistake("event-unknown-entity", set_field("entities", "[nobody-at-all]", an_event), "'nobody-at-all'"),
    Mistake("event-unknown-group", set_field("group", "nowhere", an_event), "nowhere"),
    Mistake("event-after-its-sources", set_field("date", "2099-01-01", an_event), "after every source"),
    Mistake("event-unknown-source", replace_in_text("[@", "[@no-such-source; @", an_event), "no-such-source"),
    Mistake(
        "event-paragraph-beyond-the-source",
        replace_in_text(
            lambda e: f"[@{e.citations[0].key}",
            lambda e: f"[@{e.citations[0].key}, para. 9999; @{e.citations[0].key}",
            an_event,
        ),
        "9999",
    ),
    Mistake("event-cites-nothing", with_body("It happened, says nobody.", an_event), "cites no source"),
    Mistake("event-title-missing", drop_field("title", an_event), "'title' is missing"),
    # Campaigns.
    Mistake("campaign-demand-misquoted", change_quoted_word(a_campaign, "demands"), "is not in"),
    Mistake("campaign-unknown-actor", set_field("actor", "nobody-at-all", a_campaign), "'nobody-at-all'"),
    Mistake("campaign-outcome-missing", drop_field("outcome", a_campaign), "'outcome' is missing"),
    Mistake("campaign-unknown-form", set_field("form", "smoke signals", a_campaign), "smoke signals"),
    # Claims.
    Mistake("claim-answer-misquoted", change_quoted_word(a_claim_one_source_answers, "answers"), "is not in"),
    Mistake(
        "claim-disputed-by-one", add_line("disputed: true", a_claim_one_source_answers), "only one source"
    ),
    Mistake(
        "claim-30000-brackets", set_field("question", "[" * 30_000, a_claim_one_source_answers), "brackets"
    ),
    Mistake("claim-question-missing", drop_field("question", a_claim_one_source_answers), "'question'"),
    # Entities.
    Mistake(
        "entity-alias-taken",
        lambda content, model: new_file(
            "entities/zz-another.md", _entity_file(an_entity_with_aliases(model).aliases[0]), line=2
        )(content, model),
        "is also claimed by",
    ),
    Mistake("entity-cites-nothing", with_body("It exists.", an_entity), "cites no source"),
    Mistake("entity-unknown-type", set_field("type", "wizard", an_entity), "wizard"),
    Mistake("entity-hidden-character", set_field("name", "Ev\u200bil", an_entity), "U+200B ZERO WIDTH SPACE"),
    Mistake(
        "entity-related-to-itself",
        lambda content, model: new_file(
            "entities/zz-itself.md",
            _entity_file(
                "Zz Itself",
                f"relationships:\n  - verb: owns\n    object: zz-itself\n    cite: {_cite(model)}\n",
            ),
            line=6,
        )(content, model),
        "a relationship with itself",
    ),
    # The project's pages.
    Mistake("page-unknown-source", append_text("A claim.[@no-such-source]", the_home_page), "no-such-source"),
    Mistake(
        "page-iframe", append_text('<iframe src="https://x.example"></iframe>', the_home_page), "raw HTML"
    ),
    Mistake("page-javascript-link", append_text("[x](javascript:alert(1))", the_home_page), "scheme"),
    Mistake(
        "page-missing-paragraph",
        lambda content, model: append_text(
            f"[x](/sources/{most_cited_source(model).slug}/#p9999)", the_home_page
        )(content, model),
        "names a paragraph that does not exist",
    ),
    Mistake(
        "page-tracker-image", append_text("![x](https://t.example/p.gif)", the_home_page), "another site"
    ),
    Mistake("page-misquoted", change_quoted_word(a_quoting_page), "is not in"),
    Mistake("page-at-a-fixed-address", new_file("pages/timeline.md", _page_file("Text.")), "already used"),
    Mistake("page-deep-emphasis", append_text("*a " * 2000 + "x" + " b*" * 2000, the_home_page), "emphasis"),
    Mistake("page-hidden-reference", append_text("A &rlm;B", the_home_page), "U+200F RIGHT-TO-LEFT MARK"),
]
