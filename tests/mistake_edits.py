"""How a mistake is made in a copy of the content: which file to break, picked from the model
of the content as it is, and the edits, each returning where its error must stand. Lines are
counted in the file as changed, as a contributor's editor shows them (tests/mistakes.py)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from explainer.content.frontmatter import MAX_NESTING_COLUMNS


@dataclass(frozen=True)
class Where:
    path: str  # as errors name it: content/sources/x.md
    line: int


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
NESTED_ITEMS = ["    " * depth + "- item" for depth in range(500)]
# The first item indented past what the build reads (MAX_NESTING_COLUMNS of markers and spaces).
FIRST_TOO_DEEP = next(
    i for i, item in enumerate(NESTED_ITEMS) if len(item) - len("item") > MAX_NESTING_COLUMNS
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
