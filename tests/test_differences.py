"""Claims where sources differ, and the letter as each source quotes it."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from contenttree import claim_text
from explainer.letter_quotes import quotations_in, quoted_passages

ONE = ("one", "Last Thursday", "good-source, para. 1")
TWO = ("two", "a quotation", "good-source, para. 2")
OTHER = ("two", "a quotation", "second-source, para. 2")


@pytest.fixture
def tree(tree):
    tree.write("sources/second-source.md", tree.source(name="second-source").read_text())
    return tree


def test_a_valid_claim(tree):
    tree.write("claims/how-many.md", claim_text([ONE, OTHER], extra="disputed: true\n"))
    claim = tree.model().claims[0]
    assert claim.sources_differ and claim.values == ["one", "two"]


@pytest.mark.parametrize(
    ("answers", "extra", "line", "message"),
    [
        (
            [("x", "words never written", "good-source, para. 2")],
            "",
            5,
            "the quotation “words never written” is not in good-source, para. 2",
        ),
        ([("x", "a quotation", "no-such-source, para. 2")], "", 5, "no source has the key 'no-such-source'"),
        ([ONE], "disputed: true\n", 3, "the claim is marked disputed but only one source answers it"),
        ([ONE, TWO], "disputed: true\n", 3, "only one source answers it"),
    ],
)
def test_claim_errors_name_file_and_line(tree, answers, extra, line, message):
    tree.write("claims/how-many.md", claim_text(answers, extra))
    tree.error_at("claims/how-many.md", line, message)


def test_disputed_claims_must_actually_differ(tree):
    same = [("1", "Last Thursday", "good-source, para. 1"), ("1", "Last Thursday", "second-source, para. 1")]
    tree.write("claims/how-many.md", claim_text(same, "disputed: true\n"))
    tree.error_at("claims/how-many.md", 3, "every answer gives the same value")


# Finding and aligning quotations of a document.

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


# The built page.


def test_disagreements_come_first_with_every_value_footnoted(site):
    soup = site.soup("/differences/")
    claims = soup.select("section.claim")
    first = claims[0]
    assert "different answers" in first.select_one(".claim-verdict").get_text()
    verdicts = [c.select_one(".claim-verdict").get_text() for c in claims]
    differing = [v for v in verdicts if "different answers" in v]
    assert verdicts[: len(differing)] == differing and len(differing) >= 2
    coalition = soup.find(id="claim-coalition-letter-signatories")
    values = [th.get_text() for th in coalition.select("tbody th")]
    assert values == ["36 (the ACLU and 35 others)", "more than three dozen", "40", "over 40", "48"]
    for marker in coalition.select("a.cite-ref"):
        assert coalition.find(id=marker["href"][1:]) is not None


def test_at_least_the_figures_readers_would_check_are_claims(site):
    ids = {s["id"] for s in site.soup("/differences/").select("section.claim")}
    for claim in (
        "coalition-letter-signatories",
        "aclu-petition-signatures",
        "children-in-detention",
        "palantir-ice-contract",
        "amazon-cia-contract",
        "microsoft-ice-contract",
        "pentagon-cloud-contract",
        "microsoft-letter-signatories",
        "google-petition-signatories",
        "google-resignations",
        "washington-county-mugshots",
    ):
        assert f"claim-{claim}" in ids


def test_the_letter_shows_who_quotes_each_passage_and_how(site):
    soup = site.soup("/differences/")
    paragraph_2 = soup.find(id="quoted-p2")
    quoters = [a["href"] for a in paragraph_2.select(".quoters > li > a")]
    assert "/sources/antimedia-wedler-2018-06/#p6" in quoters and "/sources/wsws-2018-06-25/#p6" in quoters
    wsws = paragraph_2.find("a", href="/sources/wsws-2018-06-25/#p6").parent
    changes = [li.get_text() for li in wsws.select(".changes li")]
    assert "Spells \u201cmilitarisation\u201d as \u201cmilitarization\u201d" in changes
    assert wsws.select_one("q.marked mark") is not None
    assert soup.find(id="quoted-p1").select_one(".none").get_text() == "No other source quotes this passage."
    # iTWire reproduces the whole letter; only its own quotations count.
    assert not soup.select('.quoters a[href="/sources/itwire-2018-06-25/#p18"]')


def test_source_and_entity_pages_link_to_their_claims(site):
    links = {a["href"] for a in site.soup("/sources/wsws-2018-06-25/").select(".claims-answered a")}
    assert "/differences/#claim-coalition-letter-signatories" in links
    entity = site.soup("/timeline/entity/palantir/").select_one(".entity-summary")
    assert entity.find("a", href="/differences/#claim-palantir-ice-contract") is not None


def test_claims_json_export(site):
    data = json.loads((site.root / "data" / "claims.json").read_text())
    coalition = next(c for c in data["claims"] if c["id"] == "coalition-letter-signatories")
    assert coalition["sources_differ"] is True
    assert {
        "value": "48",
        "wording": "an open letter from 48 civil rights organizations",
        "source": "wsws-2018-06-25",
        "paragraphs": [12, 12],
    } in coalition["answers"]
