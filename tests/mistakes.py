"""Mistakes a contributor makes, or a hostile pull request tries, each applied to a copy of the
real content: what `tests/builder/test_mistakes.py` runs through every command.

Each mistake picks the file it breaks from the model of the content as it is (the most cited
source, an event, a campaign…), never by name, and says where its error must stand and what
it must say. Lines are counted in the file as changed, as a contributor's editor shows them.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from explainer.content.frontmatter import MAX_NESTING_COLUMNS


@dataclass(frozen=True)
class Where:
    path: str  # as errors name it: content/sources/x.md
    line: int


@dataclass(frozen=True)
class Mistake:
    name: str
    make: Callable  # (content folder, model) -> Where the one first error must stand
    says: str  # what that error must say

    def __str__(self) -> str:
        return self.name


# --- choosing what to break, from the content as it is ---------------------------------------


def most_cited_source(model):
    """The source most texts cite: its failure reaches furthest."""
    return max(model.sources, key=lambda s: (len({id(c.item) for c in s.cited_by}), s.slug))


def a_dated_source(model):
    return next(s for s in model.sources if s.date.known)


def a_source_with_relative_dates(model):
    return next(s for s in model.sources if s.relative_dates)


def an_event(model):
    """An event that has happened (not one the sources expect), with a citation in its text."""
    return next(e for e in model.events if not e.expected and e.citations)


def a_campaign(model):
    return next(c for c in model.campaigns if c.demands)


def a_claim_one_source_answers(model):
    return next(c for c in model.claims if len({a.citation.key for a in c.answers}) == 1)


def an_entity_with_aliases(model):
    return next(e for e in sorted(model.entities.values(), key=lambda e: e.slug) if e.aliases)


def an_entity(model):
    return sorted(model.entities.values(), key=lambda e: e.slug)[0]


def the_home_page(model):
    return model.pages["index"]


def a_quoting_page(model):
    """A page of the project's own writing with a quotation checked against its source."""
    return next(p for p in model.pages.values() if _QUOTATION.search(p.document.body))


# --- editing a file ---------------------------------------------------------------------------

# A quotation of three words or more, right before its citation.
_QUOTATION = re.compile(r"[\"\u201c]([^\"\u201d\n\s]+(?:\s[^\"\u201d\n\s]+){2,})[\"\u201d][^\[\n]{0,3}\[@")
_NESTED_ITEMS = ["    " * depth + "- item" for depth in range(500)]
# The first item indented past what the build reads (MAX_NESTING_COLUMNS of markers and spaces).
_FIRST_TOO_DEEP = next(
    i for i, item in enumerate(_NESTED_ITEMS) if len(item) - len("item") > MAX_NESTING_COLUMNS
)


def _field_span(lines: list[str], key: str) -> tuple[int, int]:
    """Where a top-level metadata field stands: its first line's index and the index after it."""
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = start + 1
    while end < len(lines) and lines[end].startswith((" ", "-")) and lines[end] != "---":
        end += 1
    return start, end


def _editing(pick, change: Callable) -> Callable:
    """A mistake made in the picked item's file by `change(lines, item)`, which edits the lines in
    place and returns the number of the line where the error must stand."""

    def make(content: Path, model) -> Where:
        item = pick(model)
        file = content.parent / item.path
        lines = file.read_text(encoding="utf-8").split("\n")
        line = change(lines, item)
        file.write_text("\n".join(lines), encoding="utf-8")
        return Where(item.path, line)

    return make


def _made(value, item):
    return value(item) if callable(value) else value


def set_field(key: str, value, pick=most_cited_source) -> Callable:
    """The field `key` written as `key: value` (added if it is absent); the value is a string,
    or made from the item."""

    def change(lines, item):
        try:
            start, end = _field_span(lines, key)
        except StopIteration:
            start = end = lines.index("---", 1)
        lines[start:end] = [f"{key}: {_made(value, item)}"]
        return start + 1

    return _editing(pick, change)


def drop_field(key: str, pick) -> Callable:
    """The field removed; its absence is reported at the metadata block's first line."""

    def change(lines, item):
        del lines[slice(*_field_span(lines, key))]
        return 1

    return _editing(pick, change)


def add_line(line: str, pick=most_cited_source, after_key: str | None = None) -> Callable:
    """A line added to the metadata, after the field `after_key` (else before the closing fence)."""

    def change(lines, item):
        at = _field_span(lines, after_key)[1] if after_key else lines.index("---", 1)
        lines.insert(at, line)
        return at + 1

    return _editing(pick, change)


def append_text(text: str, pick=most_cited_source, line_within: int = 0) -> Callable:
    """A paragraph added at the end of the item's text; the error stands on its first line, or
    `line_within` lines below it."""

    def change(lines, item):
        while lines and not lines[-1].strip():
            lines.pop()
        lines += ["", *text.split("\n"), ""]
        return len(lines) - len(text.split("\n")) + line_within

    return _editing(pick, change)


def replace_in_text(old, new, pick) -> Callable:
    """The first `old` in the item's text replaced by `new` (each a string, or made from the
    item), on the line where it stands."""

    def change(lines, item):
        before = _made(old, item)
        index = next(i for i in range(item.document.body_line - 1, len(lines)) if before in lines[i])
        lines[index] = lines[index].replace(before, _made(new, item), 1)
        return index + 1

    return _editing(pick, change)


def with_body(text: str, pick) -> Callable:
    """The item's text replaced by `text` (which may be nothing)."""

    def change(lines, item):
        lines[item.document.body_line - 1 :] = [text, ""]
        return item.document.body_line

    return _editing(pick, change)


def first_body_line(change_line: Callable[[str], str], pick=most_cited_source):
    """The first line of the item's text changed by `change_line`."""

    def change(lines, item):
        index = item.document.body_line - 1
        lines[index] = change_line(lines[index])
        return index + 1

    return _editing(pick, change)


def _misquoted(line: str, start: int, end: int) -> str:
    """The line with the last long word of line[start:end] changed: a quotation no longer in its source."""
    quoted = line[start:end]
    last = re.findall(r"[A-Za-z]{4,}", quoted)[-1]
    at = quoted.rindex(last)
    return line[:start] + quoted[:at] + "xylophone" + quoted[at + len(last) :] + line[end:]


def change_quoted_word(pick, field: str | None = None) -> Callable:
    """One word of a quotation changed: of the first {quote, cite} of a field (reported at its
    `quote:` line), or of the first quotation in the item's text."""

    def change(lines, item):
        if field:
            start, end = _field_span(lines, field)
            index = next(i for i in range(start, end) if "quote:" in lines[i])
            at = index if lines[index].split("quote:")[1].strip(" >-") else index + 1  # a folded quote
            lines[at] = _misquoted(lines[at], lines[at].find(":") + 1, len(lines[at]))
        else:
            body = range(item.document.body_line - 1, len(lines))
            index = next(i for i in body if _QUOTATION.search(lines[i]))
            quotation = _QUOTATION.search(lines[index])
            lines[index] = _misquoted(lines[index], quotation.start(1), quotation.end(1))
        return index + 1

    return _editing(pick, change)


def rewrite_bytes(change: Callable[[bytes], bytes], line: int | None = None, pick=most_cited_source):
    """The picked file's bytes changed; the error stands at `line`, else at the changed byte's."""

    def make(content: Path, model) -> Where:
        item = pick(model)
        file = content.parent / item.path
        before = file.read_bytes()
        after = change(before)
        file.write_bytes(after)
        if line is not None:
            return Where(item.path, line)
        first = next(i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b)
        return Where(item.path, after[:first].count(b"\n") + 1)

    return make


def new_file(relative: str, text: Callable, line: int = 1) -> Callable:
    """A new file in the content, its text made from the model."""

    def make(content: Path, model) -> Where:
        file = content / relative
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text(model), encoding="utf-8")
        return Where(f"content/{relative}", line)

    return make


def beside(pick, name: str, place: Callable[[Path, Path], None]) -> Callable:
    """A file called `name` beside the picked item's, put there by place(item's file, new file)."""

    def make(content: Path, model) -> Where:
        item = pick(model)
        file = content.parent / item.path
        place(file, file.with_name(name))
        return Where(f"{Path(item.path).parent.as_posix()}/{name}", 1)

    return make


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
        append_text("\n".join(_NESTED_ITEMS), line_within=_FIRST_TOO_DEEP),
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
