"""A cached result's key is the call that computes it: no input can be left out of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from types import SimpleNamespace

import pytest
from explainer.model.cache_keys import call_key
from explainer.text.letter_quotes import QuoteFinder
from explainer.text.wording import WordingFinder


def parse(text: str, path: str, strict: bool = True) -> str:
    return text


def test_every_argument_and_the_function_are_in_the_key():
    key = call_key(partial(parse, "text", "a.md"))
    assert key == call_key(partial(parse, "text", "a.md"))
    assert key != call_key(partial(parse, "text", "b.md"))
    assert key != call_key(partial(parse, "text", "a.md", strict=False))
    assert key != call_key(partial(str.upper, "text", "a.md"))


def test_values_are_told_apart_by_type_and_place():
    assert call_key(("ab", "c")) != call_key(("a", "bc"))
    assert call_key(["1"]) != call_key([1]) != call_key([True])
    assert call_key({"a": 1, "b": 2}) == call_key({"b": 2, "a": 1})
    assert call_key(frozenset({1, 2})) == call_key({2, 1}) != call_key((1, 2))


def test_a_method_is_keyed_by_the_object_it_belongs_to():
    source = SimpleNamespace(slug="report", paragraphs=["One.", "Two."], cache_fingerprint="report 2")
    first = call_key(partial(WordingFinder("the letter's words").in_source, source))
    assert first == call_key(partial(WordingFinder("the letter's words").in_source, source))
    assert first != call_key(partial(WordingFinder("other words").in_source, source))
    changed = SimpleNamespace(**{**vars(source), "cache_fingerprint": "report 3"})
    assert first != call_key(partial(WordingFinder("the letter's words").in_source, changed))


def test_a_dataclass_is_keyed_by_the_fields_it_is_compared_by():
    document = SimpleNamespace(cache_fingerprint="letter")
    plain, skipping = QuoteFinder(document), QuoteFinder(document, {"report": frozenset({2})})
    assert call_key(plain.in_source) != call_key(skipping.in_source)

    @dataclass
    class Finder:
        words: str
        lazily_made: list = field(default_factory=list, compare=False)

    one, two = Finder("x"), Finder("x", ["made while it was used"])
    assert call_key(one) == call_key(two)


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda: None, id="a lambda"),
        pytest.param(partial(parse, object()), id="an object with no stated identity"),
        pytest.param(partial(lambda text: text, "x"), id="a lambda behind a partial"),
    ],
)
def test_a_call_no_key_can_stand_for_is_refused(call):
    with pytest.raises(TypeError):
        call_key(call)


def test_a_closure_is_refused_for_what_it_reads_from_around_it():
    words = "read from around it"

    def find(source):
        return words in source

    with pytest.raises(TypeError, match="cannot be cached"):
        call_key(partial(find, "x"))
