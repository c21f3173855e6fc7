"""The new source file: its metadata block, in the order and style of content/sources/*.md, and
its Markdown text; and the slug proposed for it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

import yaml

from .provenance import Field
from .relative import Phrase

PROVENANCE = ("title", "publication", "authors", "date", "original_url", "archived_url", "accessed", "rights")
KIND_HINT = "# or: opinion, report, press release, primary document"
SUMMARY_HINT = "# one line in your own words: what the article reports"
LABEL_HINT = "# the title is unknown: a short description for lists, e.g. Report on the letter"


def slugify(text: str, words: int = 4) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    parts = [part for part in re.split(r"[^a-z0-9]+", text) if part]
    if parts and parts[0] == "the" and len(parts) > 1:
        parts = parts[1:]
    return "-".join(parts[:words])


def propose_slug(fields: dict[str, Field], fallback: str) -> str:
    """Publication and date, as the existing files are named (itwire-2018-06-25)."""
    publication, date = fields["publication"], fields["date"]
    parts = []
    if publication.value:
        parts.append(slugify(publication.value, 2))
    elif fields["title"].value:
        parts.append(slugify(fields["title"].value))
    if date.value:
        parts.append(str(date.value))
    return "-".join(part for part in parts if part) or slugify(fallback, 6) or "new-source"


def _scalar(value) -> str:
    if isinstance(value, str) and re.fullmatch(r"\d{4}(-\d{2}){0,2}", value):
        return value  # dates as the other files write them; the build reads them as text
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
    return dumped.removesuffix("\n").removesuffix("\n...").strip()


def _field(name: str, field: Field) -> list[str]:
    if field.status == "unknown":
        return (
            [f"{name}: unknown"]
            if not field.note
            else [f"{name}:", "  status: unknown", f"  note: {_scalar(field.note)}"]
        )
    if field.status == "stated" and not field.note:
        return [f"{name}: {_scalar(field.value)}"]
    lines = [f"{name}:", f"  value: {_scalar(field.value)}"]
    if field.status == "inferred":
        lines += ["  status: inferred", f"  basis: {_scalar(field.basis)}"]
    if field.note:
        lines.append(f"  note: {_scalar(field.note)}")
    return lines


def as_person(name: str) -> dict:
    """A byline's name as a person's, its last word the family name: the contributor checks it."""
    *given, family = name.split()
    return {"given": " ".join(given), "family": family} if given else {"family": family}


AUTHORS_HINT = "# check: each a person ({given, family}), or {organisation: …} or {signature: …}"


def source_text(fields: dict[str, Field], body: str, edits: list[str], phrases: list[Phrase]) -> str:
    authors = fields["authors"]
    if authors.value:
        fields = {**fields, "authors": replace(authors, value=[as_person(name) for name in authors.value])}
    lines = ["---"]
    lines += _field("title", fields["title"])
    if not fields["title"].value:
        lines.append(f"label:  {LABEL_HINT}")
    lines.append(f"kind: news report  {KIND_HINT}")
    for name in PROVENANCE[1:]:
        field_lines = _field(name, fields[name])
        if name == "authors" and fields[name].value:
            field_lines[0] += f"  {AUTHORS_HINT}"
        lines += field_lines
    lines.append(f"summary:  {SUMMARY_HINT}")
    if edits:
        lines.append("edits:")
        lines += [f"  - {_scalar(edit)}" for edit in edits]
    resolvable = [phrase for phrase in phrases if phrase.resolvable]
    if resolvable:
        lines.append("relative_dates:")
        for phrase in resolvable:
            lines += [f"  - phrase: {_scalar(phrase.phrase)}", f"    paragraph: {phrase.paragraph}"]
    lines.append("---")
    return "\n".join(lines) + "\n" + body.strip() + "\n"
