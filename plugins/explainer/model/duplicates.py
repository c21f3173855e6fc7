"""A source whose text largely repeats another source's is refused: the same article twice, under
two citation keys, would split its citations and count its figures twice.

Paragraphs are compared in the normal form quotations use (text/normal.py: case, space, quotes
and dashes made alike), by hash: one pass over all paragraphs, then each source counts where its own recur,
so the check grows with the amount of text, not with the square of the number of sources.

Two sources that repeat each other are reported once, on the one being added: the file not yet
committed, else the one first committed later (content/history.py, read only when such a pair is
found), else the later file name.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..content.errors import ErrorCollector
from ..content.history import History, read_history
from ..text.normal import comparison_key
from .items import Source

# Short paragraphs ("Sincerely,", "The full letter:", a one-line quotation) recur between
# unrelated texts: only paragraphs of this many words are compared.
MIN_WORDS = 12
# A text repeats another only when at least this many of its paragraphs do: one shared
# paragraph is a quotation, not a copy.
MIN_REPEATED = 2
# More than half of a source's paragraphs found in one other source makes it a repeat.
REPEATED_SHARE = 0.5
# A document declared with text_from (the employees' letter) may be reproduced in any report;
# a source is a second copy of it only when it is nearly nothing else.
DOCUMENT_SHARE = 0.9
# A paragraph found in this many sources is compared with the first of them only: past that,
# every source holding it would be compared with every other.
MOST_HOLDERS = 50


@dataclass
class _Text:
    source: Source
    keys: list[tuple[int, str]]  # (paragraph number, normal form) of each paragraph that counts

    @property
    def is_document(self) -> bool:
        return bool(self.source.text_from)


def _texts(sources: list[Source]) -> list[_Text]:
    texts = []
    for source in sources:
        keys = [
            (number, comparison_key(paragraph))
            for number, paragraph in enumerate(source.paragraphs, 1)
            if paragraph.count(" ") >= MIN_WORDS - 1
        ]
        texts.append(_Text(source, keys))
    return texts


def _declared(one: Source, other: Source) -> bool:
    """One names the other as where its text comes from: a reproduction, declared."""
    return one.text_from == other.slug or other.text_from == one.slug


class _Arrival:
    """Which of two sources came later, from the history of the content folder (if any)."""

    def __init__(self, content_dir: Path | None):
        self.content_dir, self._history = content_dir, None

    @property
    def history(self) -> History:
        if self._history is None:
            self._history = read_history(self.content_dir) if self.content_dir else History()
        return self._history

    def later(self, one: Source, other: Source) -> bool:
        ours, theirs = (self.history.files.get(source.path) for source in (one, other))
        if (ours is None) != (theirs is None):
            return ours is None  # not committed yet: the file being added
        if ours and theirs and ours.first != theirs.first:
            return ours.first > theirs.first
        return one.path > other.path


def check_duplicates(sources: list[Source], errors: ErrorCollector, content_dir: Path | None = None) -> None:
    """`content_dir`: the folder whose git history says which of two copies is the newer."""
    arrival = _Arrival(content_dir)
    texts = _texts(sources)
    holders: dict[str, list[tuple[_Text, int]]] = {}  # normal form -> (text, paragraph number)
    for text in texts:
        for number, key in text.keys:
            found = holders.setdefault(key, [])
            if len(found) < MOST_HOLDERS and not any(held is text for held, _ in found):
                found.append((text, number))
    # Paragraphs of declared documents belong to them: reports that reproduce the same document
    # are not repeats of each other for that.
    documents = {key for text in texts if text.is_document for _, key in text.keys}
    for text in texts:
        _check_one(text, holders, documents, arrival, errors)


def _share(text: _Text, other: _Text) -> float | None:
    """The share of `text`'s paragraphs found in `other` that makes it a repeat; None: not compared."""
    if other is text or _declared(text.source, other.source):
        return None
    if text.is_document and not other.is_document:
        return None  # a reproduced document stands whole inside any report that reprints it
    return DOCUMENT_SHARE if other.is_document != text.is_document else REPEATED_SHARE


def _check_one(text: _Text, holders, documents: set[str], arrival: _Arrival, errors: ErrorCollector) -> None:
    shared: Counter = Counter()
    first: dict[int, tuple[int, int]] = {}  # other's id -> (our paragraph, its paragraph)
    others = {}
    for number, key in text.keys:
        for other, other_number in holders[key]:
            if _share(text, other) is None:
                continue
            if key in documents and not (other.is_document or text.is_document):
                continue
            shared[id(other)] += 1
            others[id(other)] = other
            first.setdefault(id(other), (number, other_number))
    for other_id, count in shared.most_common(1):
        other = others[other_id]
        ours_total, theirs_total = _compared(text, other, documents), _compared(other, text, documents)
        # Two texts that repeat each other are reported once, on the one being added.
        mutual = other.is_document == text.is_document and count > _share(other, text) * theirs_total
        repeats = count >= MIN_REPEATED and count > _share(text, other) * ours_total
        if repeats and not (mutual and not arrival.later(text.source, other.source)):
            ours, theirs = first[other_id]
            # All of it inside a longer text that is no document: perhaps a document it reprints.
            reproduced = count == ours_total < theirs_total and not other.is_document
            _report(text.source, other.source, count, ours_total, ours, theirs, reproduced, errors)


def _compared(text: _Text, other: _Text, documents: set[str]) -> int:
    """How many of `text`'s paragraphs are compared with `other`'s: between two reports, not
    those of a document both may reproduce."""
    if text.is_document or other.is_document:
        return len(text.keys)
    return sum(key not in documents for _, key in text.keys)


def paragraph_line(source: Source, number: int) -> int:
    """The file line where paragraph `number` starts, found by its first words (Markdown such as
    *emphasis* further on would hide a longer run)."""
    words, document = source.paragraphs[number - 1].split(), source.document
    for length in (6, 3, 1):
        start = " ".join(words[:length])
        if document.body.find(start) >= 0:
            return document.body_line_of(start)
    return document.body_line


def _report(source: Source, other: Source, count, total, ours, theirs, reproduced: bool, errors) -> None:
    fix = "this looks like a second copy of the same text: keep one file and cite its key"
    if reproduced:
        fix = (
            f"if this is a document reproduced in {other.slug}, write 'text_from: {other.slug}'; "
            "if it is the same article, keep one file and cite its key"
        )
    errors.add(
        source.path,
        paragraph_line(source, ours),
        f"{count} of this source's {total} paragraphs repeat {other.path}, from paragraph {ours} "
        f"(the same words as {other.path}:{paragraph_line(other, theirs)}, its paragraph {theirs})",
        fix,
    )
