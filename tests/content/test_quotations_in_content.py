"""Every quotation the site's own writing makes is checked: change one word of any, and the build fails.

The quotations are found by the build itself (each citation records the words it vouches for);
each is then changed in a copy of the content, one at a time, and the build must refuse the
copy, naming the file and the line of the changed word.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from explainer.content.errors import ContentErrors
from explainer.model import Source, load_model
from explainer.model.fact_quotations import quoted_in_values

_WORD = re.compile(r"[A-Za-z]{5,}")


def quotations(model) -> list[tuple[str, str]]:
    """(file, quotation) for every quotation a citation in the project's writing vouches for."""
    found = []
    for item in model.items():
        if isinstance(item, Source):
            continue
        for citation in item.citations:
            found += [(item.path, quotation) for quotation in citation.quotations]
    return list(dict.fromkeys(found))


def changed_word(text: str, quotation: str) -> tuple[int, int, str, str]:
    """A long word of `quotation` where the file quotes it: (offset, line to report, word, replacement).

    The line is the word's own, or, for a quote: field, the field's first line.
    """
    words = _WORD.findall(quotation)
    assert words, f"no word to change in {quotation!r}"
    opening = r"\W+".join(re.escape(w) for w in re.findall(r"\w+", quotation)[:3])
    # Where it is quoted: after a quotation mark, a quote: field or a block quotation's "> ".
    start = re.search(r"(?:[\"\u201c]|quote: |> )\W*" + opening, text)
    assert start, f"{quotation!r} is not in the file as written"
    word = max(words, key=len)
    offset = text.index(word, start.start())
    reported = start.start() if start.group().startswith("quote:") else offset
    return offset, text.count("\n", 0, reported) + 1, word, word[::-1].lower() + "x"


def test_the_content_makes_quotations_of_every_kind(model):
    files = {Path(path).parts[1] for path, _ in quotations(model)}
    assert {"pages", "campaigns", "claims"} <= files


@pytest.fixture(scope="module")
def content_copy(tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("quotations") / "content"
    shutil.copytree(ROOT / "content", copy)
    return copy


def errors_with_one_word_changed(content_copy: Path, path: str, quotation: str) -> tuple[list[str], int]:
    """The build's errors once a long word of the quotation is changed where `path` quotes it,
    and the line of that word (for a quote: field, the field's)."""
    file = content_copy.parent / path
    original = file.read_text(encoding="utf-8")
    offset, line, word, replacement = changed_word(original, quotation)
    file.write_text(original[:offset] + replacement + original[offset + len(word) :], encoding="utf-8")
    try:
        with pytest.raises(ContentErrors) as raised:
            load_model(content_copy)
    finally:
        file.write_text(original, encoding="utf-8")
    return [str(error) for error in raised.value.errors], line


@pytest.mark.slow
def test_changing_one_word_of_any_quotation_fails_naming_file_and_line(model, content_copy):
    checked = quotations(model)
    assert len(checked) >= 30
    for path, quotation in checked:
        messages, line = errors_with_one_word_changed(content_copy, path, quotation)
        assert any(m.startswith(f"{path}:{line}: the quotation") for m in messages), (quotation, messages)


@pytest.mark.slow
def test_changing_one_word_quoted_in_a_basis_or_note_fails_naming_file_and_line(model, content_copy):
    """A basis or a note quotes the copies ("Last Thursday", a byline): its words are checked too."""
    checked = 0
    for item, key, part, quotation in quoted_in_values(model):
        if not _WORD.search(quotation):
            continue  # too short to change a word of ("By")
        messages, _ = errors_with_one_word_changed(content_copy, item.path, quotation)
        line = item.document.line_of(*key, part)  # a basis or note is reported at its first line
        assert any(m.startswith(f"{item.path}:{line}: the quotation") for m in messages), (
            quotation,
            messages,
        )
        checked += 1
    assert checked >= 10
