"""Quoted words in what the project says about a value are checked like quotations in its prose.

A provenance value's `basis` and `note` (published beside the value, on the timeline and in
`/data/*`) often quote a copy: "Last Thursday", a byline, a footer. Each span in double quotes
must occur in the text of a source or in a copy as received (`content/sources/copies/`, read
here and never published): bylines, headers and footers are in the copies, not the texts.
Words the copies do not hold fail, as a misquotation in prose does.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..content.errors import ContentError, ErrorCollector
from ..content.facts import Fact
from ..content.files import read_content_file
from ..text.normal import normalise
from ..text.quotes import EmptyQuotation, occurs_in_normal
from .graph import Model

COPIES = Path("sources") / "copies"
_QUOTED = re.compile(r"\u201c([^\u201c\u201d]*)\u201d|\"([^\"]*)\"")
_PARTS = ("basis", "note")


def quoted_in_values(model: Model) -> list[tuple]:
    """(item, key path, 'basis' or 'note', quotation) for each span quoted about a value."""
    return [
        (item, key, part, quotation)
        for item in model.items()
        for key, fact in _facts(item)
        for part in _PARTS
        for quotation in _quotations(getattr(fact, part) or "")
    ]


def check_fact_quotations(model: Model, errors: ErrorCollector, content_dir: Path) -> None:
    quoted = quoted_in_values(model)
    if not quoted:
        return
    texts = [paragraph for source in model.sources for paragraph in source.paragraphs]
    corpus = normalise("\n\n".join(texts + _copies(content_dir, errors)))
    for item, key, part, quotation in quoted:
        try:
            found = occurs_in_normal(quotation, corpus)
        except EmptyQuotation:
            continue  # empty marks ("") quote nothing
        if not found:
            errors.add(
                item.path,
                item.document.line_of(*key, part),
                f"the quotation \u201c{quotation}\u201d in '{part}' is in no source's text or copy",
                "quote the words exactly as the copy has them, or say it in your own words",
            )


def _facts(item):
    """(key path, value) of each provenance value an item holds: a source's fields, a date."""
    fields = getattr(item, "fields", None) or vars(item)
    return [((name,), value) for name, value in fields.items() if isinstance(value, Fact)]


def _quotations(text: str) -> list[str]:
    return [next(g for g in match.groups() if g is not None).strip() for match in _QUOTED.finditer(text)]


def _copies(content_dir: Path, errors: ErrorCollector) -> list[str]:
    folder = content_dir / COPIES
    if not folder.is_dir() or folder.is_symlink():
        return []
    texts = []
    for file in sorted(folder.glob("*.txt")):
        shown = (Path(content_dir.name) / COPIES / file.name).as_posix()
        try:
            texts.append(read_content_file(file, shown).decode("utf-8", errors="replace"))
        except ContentError as exc:
            errors.add(exc.path, exc.line, exc.problem, exc.fix)
    return texts
