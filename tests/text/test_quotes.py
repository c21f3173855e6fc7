"""Comparing words: the normal form, the quotation matcher and the closest passage (text/)."""

from __future__ import annotations

import pytest
from explainer.text.normal import normalise
from explainer.text.quotes import EmptyQuotation, closest_passage, occurs_in, pieces
from sample_texts import SOURCE_TEXT, ZDNET_LIKE


@pytest.mark.parametrize(
    ("quotation", "found"),
    [
        ("we refuse to build the platform that powers ICE", True),
        ("We  refuse to\nbuild the platform", True),  # white space
        ("\u201cstop powering a government surveillance infrastructure\u201d", True),  # curly vs straight
        ("'stop powering a government surveillance infrastructure.'", True),  # nested quotes flip
        ("militarisation of police \u2014 this will be", True),  # dashes and their spacing
        ("militarisation of police--this will be", True),
        ("We refuse to build \u2026 tools that violate human rights", True),  # ellipsis as a gap
        ("We refuse to build ... tools that violate human rights", True),
        ("[We] refuse to build the platform", True),  # bracketed insertion
        ("We refuse to build [the system] that powers ICE", True),  # insertion replacing words
        ("militarization of police", False),  # a changed spelling is a change
        ("We refuse to build the platform that runs ICE", False),
        ("tools that violate human rights \u2026 We refuse to build", False),  # order matters
        (
            "We refuse to build [a new and very different and much longer system than that] that powers ICE",
            True,
        ),
        ("We refuse [to] the surveillance state", False),  # an insertion is not a long gap
    ],
)
def test_quotation_matching(quotation, found):
    assert occurs_in(quotation, " ".join(SOURCE_TEXT)) is found


@pytest.mark.parametrize("quotation", ["", "  ", "\u2026", "[sic]", "..."])
def test_empty_quotations_are_refused(quotation):
    with pytest.raises(EmptyQuotation):
        pieces(quotation)


def test_normalise_unifies_case_space_quotes_and_dashes():
    assert normalise("It\u2019s  \u201cA\u201d \u2014 b") == normalise('it\'s "a"-B')


def test_closest_passage_names_the_paragraph():
    number, passage = closest_passage("powerful tool for the police state", dict(enumerate(SOURCE_TEXT, 1)))
    assert number == 2 and "surveillance state" in passage


def test_quotations_match_whole_words_only():
    assert not occurs_in("willing to act", "Amazon is unwilling to act.")
    assert occurs_in("[W]ith the launch", "with the launch of a region")  # a bracket may cut a word


def test_many_ellipses_do_not_explode():
    text = " ".join(["the cat sat on the mat and the dog ran."] * 40)
    assert not occurs_in(
        "the \u2026 the \u2026 the \u2026 the \u2026 the \u2026 the \u2026 the \u2026 zebra", text
    )


def test_the_closest_passage_holds_most_of_the_quotation():
    number, passage = closest_passage("kind of a Big Sister vibe", {2: ZDNET_LIKE[2]}, ZDNET_LIKE)
    assert number == 2 and "kind of a Big Brother vibe" in passage
