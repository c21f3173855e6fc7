"""Claims where sources differ, and the letter as each source quotes it."""

from __future__ import annotations

import copy
import json

import pytest
from contenttree import claim_text
from explainer.content.phrasing import capitalised
from explainer.text.letter_quotes import quotations_in
from explainer.text.normal import normalise
from quoting import quoted_passages
from reading import short_reference, text_of

ONE = ("a few", "Last Thursday", "good-source, para. 1")
TWO = ("several", "a quotation", "good-source, para. 2")
OTHER = ("several", "a quotation", "second-source, para. 2")


@pytest.fixture
def tree(tree):
    tree.write("sources/second-source.md", tree.source(name="second-source").read_text())
    return tree


def test_a_valid_claim(tree):
    tree.write("claims/how-many.md", claim_text([ONE, OTHER], extra="disputed: true\n"))
    claim = tree.model().claims[0]
    assert claim.sources_differ and claim.values == ["a few", "several"]


@pytest.mark.parametrize(
    ("answers", "extra", "line", "message"),
    [
        (
            [("x", "words never written", "good-source, para. 2")],
            "",
            5,
            "the quotation “words never written” is not in good-source, para. 2",
        ),
        ([("x", "a quotation", "no-such-source, para. 2")], "", 6, "no source has the key 'no-such-source'"),
        ([ONE], "disputed: true\n", 3, "the claim is marked disputed but only one source answers it"),
        ([ONE, TWO], "disputed: true\n", 3, "only one source answers it"),
    ],
)
def test_claim_errors_name_file_and_line(tree, answers, extra, line, message):
    tree.write("claims/how-many.md", claim_text(answers, extra))
    tree.error_at("claims/how-many.md", line, message)


def test_disputed_claims_must_actually_differ(tree):
    same = [
        ("a few", "Last Thursday", "good-source, para. 1"),
        ("A  few", "Last Thursday", "second-source, para. 1"),
    ]
    tree.write("claims/how-many.md", claim_text(same, "disputed: true\n"))
    tree.error_at("claims/how-many.md", 3, "every answer gives the same value")


@pytest.mark.parametrize(
    ("values", "differ"),
    [
        (["Not known", "not known"], False),
        (["not given", "not known"], False),
        (["unknown", "Unclear."], False),
        (["a \u201cfew\u201d", 'A "few"'], False),
        (["a few", "not known"], False),  # one source that does not know contradicts nobody
        (["a few", "several"], True),
    ],
)
def test_answers_are_compared_as_a_reader_would(tree, values, differ):
    answers = [
        (values[0], "Last Thursday", "good-source, para. 1"),
        (values[1], "a quotation", "second-source, para. 2"),
    ]
    tree.write("claims/how-many.md", claim_text(answers))
    assert tree.model().claims[0].sources_differ is differ


def test_a_value_states_no_figure_its_quotation_does_not(tree):
    tree.write("claims/how-many.md", claim_text([("over 9,000", "Last Thursday", "good-source, para. 1")]))
    tree.error_at("claims/how-many.md", 4, "the value 'over 9,000' states 9000, which its quotation does not")
    reckoned = claim_text([("over 9,000", "Last Thursday", "good-source, para. 1")])
    reckoned = reckoned.replace("  - value:", "  - reckoning: added up from the source's list\n    value:")
    tree.write("claims/how-many.md", reckoned)
    assert tree.errors() == []


@pytest.mark.parametrize("quotation", ["forty civil rights groups", "40 civil rights groups"])
def test_figures_in_words_or_digits_are_the_same_figure(tree, quotation):
    tree.write(
        "sources/second-source.md",
        tree.source(name="second-source", body=f"Last Thursday, {quotation} wrote.\n").read_text(),
    )
    tree.write("claims/how-many.md", claim_text([("Forty", quotation, "second-source, para. 1")]))
    assert tree.errors() == []


# The built page: every check reads what to expect from the model of the content it was built from.


def verdict(claim) -> str:
    if claim.sources_differ:
        return f"The sources give {len(claim.known_values)} different answers."
    return f"({len(claim.answers)} sources agree)" if len(claim.answers) > 1 else "(one source)"


def test_disagreements_come_first_with_every_value_footnoted(any_site):
    claims = any_site.model.claims
    soup = any_site.soup("/differences/")
    ordered = sorted(claims, key=lambda c: (not c.sources_differ, c.question.casefold()))
    assert [s["id"] for s in soup.select("section.claim")] == [c.anchor for c in ordered]
    for claim in claims:
        section = soup.find(id=claim.anchor)
        assert section.select_one(".claim-verdict").get_text() == verdict(claim)
        # A disagreement shows every answer; a settled figure shows its answer, and opens to the words.
        more = section.select_one("details.claim-more")
        assert (more is None) is claim.sources_differ
        if more is not None:
            assert not more.has_attr("open") and more.table is not None
            assert text_of(more.summary.select_one(".claim-values")) == "; ".join(claim.values)
        values = [th.get_text(" ", strip=True) for th in section.select("tbody th")]
        assert [v.split(" (this site's reckoning")[0] for v in values] == [a.value for a in claim.answers]
        for answer, shown in zip(claim.answers, values, strict=True):
            assert bool(answer.reckoning) == ("this site's reckoning" in shown)
        for marker in section.select("a.cite-ref"):
            assert soup.select_one(f".references {marker['href']}") is not None


def reproduced(document) -> dict[str, set[int]]:
    """The paragraphs of the source a document's text was taken from that are the document itself."""
    origin = document.text_source
    own = {normalise(p) for p in document.paragraphs}
    return (
        {origin.slug: {n for n, p in enumerate(origin.paragraphs, 1) if normalise(p) in own}}
        if origin
        else {}
    )


def whole_paragraph_quotations(document, sources) -> set[tuple[int, str]]:
    """(document paragraph, quoting page address) for each quotation of a whole paragraph."""
    paragraphs = {normalise(p).rstrip("."): n for n, p in enumerate(document.paragraphs, 1)}
    skipped = reproduced(document)
    return {
        (paragraphs[normalise(q).rstrip(".")], f"/{source.url}#p{n}")
        for source in sources
        if source is not document
        for n, paragraph in enumerate(source.paragraphs, 1)
        if n not in skipped.get(source.slug, set())
        for q in quotations_in(paragraph)
        if normalise(q).rstrip(".") in paragraphs
    }


def quotations_shown(model, document) -> list:
    """Every quotation of the document the build finds, in sources whose quoting paragraph the
    site reproduces."""
    found = quoted_passages(document, model.sources, reproduced(document))
    return [p for p in found if p.source.shows(p.paragraph)]


def link_to(passage) -> str:
    return f"/{passage.source.url}#p{passage.paragraph}"


def test_each_document_is_shown_once_with_every_difference_at_its_place(any_site):
    """An edition: the text once; under each paragraph, whoever quotes it; at each place a
    quotation differs, a lettered mark leading to what that source has there, and its link."""
    model = any_site.model
    soup = any_site.soup("/differences/")
    documents = [s for s in model.sources if s.kind == "primary document"]
    assert [s["aria-labelledby"] for s in soup.select("section.edition")] == [
        f"document-{d.slug}" for d in documents
    ]
    for document in documents:
        section = soup.find("section", attrs={"aria-labelledby": f"document-{document.slug}"})
        assert section.h2.get_text() == f"{document.display_title}, as quoted"
        passages, listed = quotations_shown(model, document), set()
        for number, text in enumerate(document.paragraphs, 1):
            item = section.find(id=f"{document.slug}-p{number}")
            shown = copy.copy(item.p)
            for extra in shown.select("sup.place-mark, .none"):
                extra.decompose()
            assert item.p.a["href"] == f"/{document.url}#p{number}"
            assert text_of(shown) == f"{number} {' '.join(text.split())}"  # the text, whole, once
            quoting = [p for p in passages if p.first <= number <= p.last]
            apparatus = item.select_one("details.apparatus")
            assert (apparatus is None) == (not quoting) == (item.select_one(".none") is not None)
            if apparatus is None:
                continue
            assert not apparatus.has_attr("open"), "the differences open on demand"
            witnesses = [li.a["href"] for li in apparatus.select(".witnesses > li")]
            assert witnesses == [link_to(p) for p in quoting]
            listed |= {(number, href) for href in witnesses}
            entries = apparatus.select(".variants > li")
            for entry in entries:  # every reading names its sources, each a link to its paragraph
                readings = entry.select("ul > li")
                assert readings and all(reading.select("a[href^='/sources/']") for reading in readings)
                mark = item.p.find("a", href=f"#{entry['id']}")  # its mark in the text leads here
                assert mark is not None and text_of(mark) == entry.select_one(".place-label").get_text()
            for passage in quoting:
                for variant in (v for v in passage.variants if v.paragraph == number):
                    said = capitalised(variant.description)
                    [entry] = [
                        e
                        for e in entries
                        for reading in e.select("ul > li")
                        if text_of(reading).startswith(said + ":")
                        and reading.find("a", href=link_to(passage))
                    ]
                    place = item.p.find("a", href=f"#{entry['id']}").parent.find_previous_sibling("span")
                    assert text[variant.start : variant.end] in place.get_text(), (number, said)
                    if variant.start == variant.end and place.get_text() == "":  # words added here
                        assert f"After “{text[: variant.start].split()[-1]}”" in text_of(entry)
        # Whoever quotes a whole paragraph is listed under it.
        assert whole_paragraph_quotations(document, model.sources) <= listed


def test_source_and_entity_pages_link_to_their_claims(any_site):
    model = any_site.model

    def listed(items):
        return [
            (a["href"], "(the sources differ)" in li.get_text()) for li in items for a in li.select("a")[:1]
        ]

    def expected(claims):
        return [(f"/differences/#{c.anchor}", c.sources_differ) for c in claims]

    for source in model.sources:
        answered = [c for c in model.claims if source.slug in {a.citation.key for a in c.answers}]
        items = any_site.soup(f"/{source.url}").select(".claims-answered li")
        assert listed(items) == expected(answered), source.slug
    for entity in model.entities.values():
        about = [c for c in model.claims if entity.slug in c.entity_slugs]
        summary = any_site.soup(f"/{entity.timeline_url}").select_one(".entity-summary")
        heading = summary.find("h3", string="Figures about it")
        assert listed(heading.find_next("ul").select("li") if heading else []) == expected(about), entity.slug


def test_claims_json_export(any_site):
    model = any_site.model
    data = {c["id"]: c for c in json.loads((any_site.root / "data" / "claims.json").read_text())["claims"]}
    assert set(data) == {claim.slug for claim in model.claims}
    for claim in model.claims:
        exported = data[claim.slug]
        assert exported["sources_differ"] is claim.sources_differ
        assert [(a["value"], a["wording"], a["source"], a["reckoning"]) for a in exported["answers"]] == [
            (a.value, a.quote, a.citation.key, a.reckoning) for a in claim.answers
        ]


def test_each_answer_names_its_source_in_words_as_its_notes_do(any_site):
    """A comparison names who says what: the publication, or what the source is when it has none
    ('An unsigned news report'), never 'Publication unknown'."""
    soup = any_site.soup("/differences/")
    for claim in any_site.model.claims:
        cells = soup.find(id=claim.anchor).select("td[data-label=Source] a")
        for cell, answer in zip(cells, claim.answers, strict=True):
            source = answer.citation.note.source
            who = short_reference(source, None).split(", ")[0]
            assert text_of(cell) == who or text_of(cell).startswith(who + ","), (claim.slug, text_of(cell))
            assert "unknown" not in text_of(cell)
