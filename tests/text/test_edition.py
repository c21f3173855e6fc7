"""Finding a document's quotations in other sources, aligning them with its words, and the
document as an edition shows them: each place a quotation differs, and who has what there."""

from __future__ import annotations

from types import SimpleNamespace

from explainer.text.edition import edition, label
from explainer.text.letter_quotes import quotations_in
from quoting import quoted_passages

LETTER = [
    "We are troubled by the report. We already know that in the midst of historic militarisation of police - this will be another powerful tool.",
    "We refuse to build the platform that powers ICE, and we refuse to contribute to tools that violate human rights.",
    "As ethically concerned Amazonians, we demand a choice in what we build, and a say in how it is used. The time to act is now.",
]


def quoted(paragraph: str):
    document = SimpleNamespace(slug="letter", paragraphs=LETTER)
    source = SimpleNamespace(slug="report", paragraphs=[paragraph])
    found = quoted_passages(document, [document, source])
    assert len(found) == 1, found
    return found[0]


def test_an_exact_quotation_has_no_differences():
    passage = quoted(
        'They wrote: "We refuse to build the platform that powers ICE, and we refuse to contribute to tools that violate human rights."'
    )
    assert (passage.first, passage.last, passage.differences) == (2, 2, [])


def test_british_and_american_spelling_dashes_and_quotes():
    passage = quoted(
        "\u201cWe already know that in the midst of historic militarization of police\u2014this will be another powerful tool.\u201d"
    )
    assert passage.differences == [
        "spells \u201cmilitarisation\u201d as \u201cmilitarization\u201d",
        "has a dash for a hyphen",
    ]


def test_a_changed_word():
    passage = quoted(
        '"We refuse to build the platform that runs ICE, and we refuse to contribute to tools that violate human rights."'
    )
    assert passage.differences == ["has \u201cruns\u201d for \u201cpowers\u201d"]


def test_a_dropped_sentence():
    passage = quoted(
        '"We are troubled by the report. We already know that in the midst of historic militarisation of police - this will be another powerful tool."'
    )
    assert passage.differences == []
    dropped = quoted(
        '"We are troubled by the report. We refuse to build the platform that powers ICE, and we refuse to contribute to tools that violate human rights."'
    )
    assert (dropped.first, dropped.last) == (1, 2)
    assert dropped.differences == [
        "leaves out the words \u201cWe already know that in the midst of historic militarisation of police - this will be another powerful tool.\u201d"
    ]


def test_a_merged_sentence():
    passage = quoted(
        '"We refuse to build the platform that powers ICE, and we refuse to contribute to tools that violate human rights. And we demand a choice in what we build, and a say in how it is used."'
    )
    assert (passage.first, passage.last) == (2, 3)
    assert "has \u201cAnd\u201d for \u201cAs ethically concerned Amazonians,\u201d" in passage.differences


def test_short_quotations_and_unrelated_quotes_are_not_passages():
    assert quotations_in('It sells "Rekognition" to police.') == []
    document = SimpleNamespace(slug="letter", paragraphs=LETTER)
    other = SimpleNamespace(
        slug="report", paragraphs=['"People should be free to walk down the street without being watched."']
    )
    assert quoted_passages(document, [other]) == []


def edited(*quotations: str):
    """The LETTER as an edition shows it, quoted once by each of the sources given."""
    document = SimpleNamespace(slug="letter", paragraphs=LETTER)
    sources = [SimpleNamespace(slug=f"source-{n}", paragraphs=[q]) for n, q in enumerate(quotations, 1)]
    return edition(LETTER, quoted_passages(document, sources))


def readings(paragraph) -> list:
    return [
        (
            paragraph.lemma(place),
            [(r.description, [w.source.slug for w in r.witnesses]) for r in place.readings],
        )
        for place in paragraph.places
    ]


def test_an_edition_marks_each_place_once_with_every_source_that_differs_there():
    _, second, third = edited(
        '"We refuse to build the platform that runs ICE, and we refuse to contribute to tools that violate human rights."',
        '"We refuse to build the platform that runs ICE, and we firmly refuse to contribute to tools that violate rights."',
    )
    assert readings(second) == [
        ("powers", [("has \u201cruns\u201d for \u201cpowers\u201d", ["source-1", "source-2"])]),
        ("we", [("adds the words \u201cfirmly\u201d", ["source-2"])]),  # an addition, after "we"
        ("human", [("leaves out the words \u201chuman\u201d", ["source-2"])]),
    ]
    assert [place.label for place in second.places] == ["a", "b", "c"] and second.places[1].addition
    assert [(w.passage.source.slug, w.labels) for w in second.witnesses] == [
        ("source-1", ["a"]),
        ("source-2", ["a", "b", "c"]),
    ]
    assert second.stretch(second.witnesses[0]) is None  # the whole paragraph
    assert third.witnesses == [] and third.places == []
    assert "".join(piece.text for piece in second.pieces) == LETTER[1]


def test_a_quotation_across_paragraphs_is_marked_in_each():
    first, second, third = edited(
        '"We refuse to build the platform that powers ICE, and we refuse to contribute to tools that violate human rights. And we demand a choice in what we build, and a say in how it is used."'
    )
    assert first.witnesses == [] and readings(second) == []
    assert readings(third) == [
        (
            "As ethically concerned Amazonians,",
            [("has \u201cAnd\u201d for \u201cAs ethically concerned Amazonians,\u201d", ["source-1"])],
        )
    ]
    assert third.stretch(third.witnesses[0]) == ("As ethically concerned", "it is used")


def test_overlapping_differences_are_one_place_and_letters_run_past_z():
    [_, second, _] = edited(
        '"We refuse to build the platform, and we refuse to contribute to tools that violate human rights."',
        '"We refuse to build the platform that powers the ICE, and we refuse to contribute to tools that violate human rights."',
    )
    assert [len(place.readings) for place in second.places] == [2]
    assert [label(n) for n in (0, 25, 26, 27, 701, 702)] == ["a", "z", "aa", "ab", "zz", "aaa"]
