"""The citation extension on small inputs: markers and notes, quotations tied to citations and checked."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from explainer.content.citation_syntax import Pinpoint
from explainer.markup.citations import backlink_letter
from explainer.markup.render import MarkdownRenderer
from explainer.pages.notes import PageNotes
from sample_texts import SOURCE_TEXT, ZDNET_LIKE


@pytest.fixture
def render():
    sources = {
        "src": SimpleNamespace(slug="src", paragraphs=SOURCE_TEXT),
        "other": SimpleNamespace(slug="other", paragraphs=["An unrelated line."]),
    }
    renderer = MarkdownRenderer("", sources=sources)

    def render_(text, namespace=""):
        """The rendering, and its HTML as a page shows it: the markers numbered by the page."""
        rendered = renderer.render(text, namespace)
        notes = PageNotes()
        notes.add(rendered.citations)
        shown = rendered.html if rendered.problems else notes.html(rendered.html)  # no page shows those
        return rendered, BeautifulSoup(shown, "html.parser")

    return render_


def test_backlink_letters_never_run_out_and_never_repeat():
    letters = [backlink_letter(index) for index in range(26 * 27 + 30)]
    assert letters[:3] == ["a", "b", "c"] and letters[25:28] == ["z", "aa", "ab"]
    assert letters[701:703] == ["zz", "aaa"]
    assert len(set(letters)) == len(letters)


def test_markers_number_notes_in_reading_order_and_reuse_them(render):
    rendered, soup = render("A.[@src, para. 2] B.[@other] C.[@src, para. 2] D.[@src, para. 1]")
    assert [a.get_text() for a in soup.select("a.cite-ref")] == ["[1]", "[2]", "[1]", "[3]"]
    first = rendered.notes[0]
    assert first.ref_ids == ["cite-ref-1-a", "cite-ref-1-b"] and first.pinpoint == Pinpoint(2, 2)
    assert [a["href"] for a in soup.select("a.cite-ref")] == [
        "#cite-note-1",
        "#cite-note-2",
        "#cite-note-1",
        "#cite-note-3",
    ]
    assert rendered.problems == []


def test_namespaces_keep_ids_unique_across_items(render):
    _, one = render("A.[@src]", namespace="event-1-")
    _, two = render("A.[@src]", namespace="event-2-")
    assert one.a["id"] == "event-1-cite-ref-1-a" and two.a["id"] == "event-2-cite-ref-1-a"


def test_a_group_gives_adjacent_markers(render):
    rendered, soup = render("Both.[@src; @other, para. 1]")
    assert [a.get_text() for a in soup.select("sup.cites a")] == ["[1]", "[2]"]
    assert rendered.notes[1].pinpoint == Pinpoint(1, 1)


def test_the_quotation_before_a_citation_stays_text_and_is_recorded(render):
    rendered, soup = render('They said "we refuse to *build* the platform"[@src, para. 1] plainly.')
    assert soup.p.get_text().startswith('They said "we refuse to build the platform"[1]')
    assert soup.em.get_text() == "build"
    assert rendered.notes[0].quotations == ["we refuse to build the platform"]
    assert rendered.problems == []


QUOTED = "the platform that powers ICE"
MISQUOTED = "the platform that runs ICE"


@pytest.mark.parametrize(
    "form",
    [
        '"{q}"[@src, para. 1]',
        '"{q}".[@src, para. 1]',  # punctuation between the quotation and the marker
        'The letter says "{q}", and more.[@src, para. 1]',
        "\u201c{q}\u201d.[@src, para. 1]",  # curly quotes
        "They reject \u201c{q}\u201d; so they said.[@src, para. 1] Then something else.",
        'Mid-sentence, "{q}" stands well before the marker it rests on.[@src, para. 1]',
        'The employees wrote[@src, para. 1] that they reject "{q}".',  # the citation before it
        '- In a list, "{q}".[@src, para. 1]\n',
        '| a | b |\n|---|---|\n| "{q}" in a table cell.[@src, para. 1] | x |\n',
    ],
)
def test_every_form_of_quotation_in_a_cited_sentence_is_checked(render, form):
    good, _ = render(form.format(q=QUOTED))
    assert good.problems == [] and good.notes[0].quotations == [QUOTED]
    bad, _ = render(form.format(q=MISQUOTED))
    assert [p.problem for p in bad.problems] == [
        f"the quotation \u201c{MISQUOTED}\u201d is not in src, para. 1"
    ]


def test_each_quotation_goes_to_the_citation_after_it_in_its_sentence(render):
    text = 'They said "{}"[@src, para. 1] and "{}".[@src, para. 2]'
    good, _ = render(text.format("we refuse to build", "another powerful tool"))
    assert good.problems == []
    assert [n.quotations for n in good.notes] == [["we refuse to build"], ["another powerful tool"]]
    swapped, _ = render(text.format("another powerful tool", "we refuse to build"))
    assert len(swapped.problems) == 2


def test_two_quotations_citing_two_sources_in_one_sentence(render):
    good, _ = render('One says "we refuse to build"[@src, para. 1]; the other, "an unrelated line".[@other]')
    assert good.problems == []
    bad, _ = render('One says "we refuse to build"[@other]; the other, "an unrelated line".[@src, para. 1]')
    assert {p.problem.split(" is not in ")[1] for p in bad.problems} == {"other", "src, para. 1"}


def test_sentences_end_after_their_citations(render):
    # The first sentence's citation does not vouch for a quotation in the next one.
    rendered, _ = render('It was said.[@src, para. 1] Then "some other words we invented" stood alone.')
    assert [p.problem for p in rendered.problems] == [
        "the quotation \u201csome other words we invented\u201d has no citation in its sentence"
    ]
    assert "put it in your own words" in rendered.problems[0].fix


@pytest.mark.parametrize(
    "text",
    [
        'Phrases such as "last Thursday" are resolved.',
        "A \u201cso-called\u201d term.",
        'The U.S. "big idea".',
    ],
)
def test_short_uncited_quotations_are_names_or_terms(render, text):
    assert render(text)[0].problems == []


def test_a_quotation_mark_left_open_is_a_problem(render):
    rendered, _ = render('They said "we refuse to build.[@src, para. 1]')
    assert [p.problem for p in rendered.problems] == ["a double quotation mark opens or closes no quotation"]


def test_quotation_marks_inside_code_open_nothing(render):
    assert render('Write `"like this` in the file.')[0].problems == []


@pytest.mark.parametrize(
    ("quotation", "problem"),
    [
        ("[Over 9,000 people] refuse to build the platform", "states a figure"),
        ("[forty] refuse to build the platform", "states a figure"),
        ("We refuse [to build and also to run and to sell] the platform", "longer than 5 words"),
    ],
)
def test_an_insertion_only_clarifies(render, quotation, problem):
    rendered, _ = render(f'"{quotation}"[@src, para. 1]')
    assert len(rendered.problems) == 1 and problem in rendered.problems[0].problem


def test_a_block_quotation_needs_a_citation(render):
    rendered, _ = render("> We refuse to build the platform.\n")
    assert rendered.problems[0].problem == "a block quotation has no citation on its last line"


def test_nested_quotes_inside_a_quotation(render):
    rendered, _ = render(
        "\u201cThe letter asks Bezos to \u2018stop powering a government surveillance "
        "infrastructure.\u2019\u201d[@src, para. 3]"
    )
    assert rendered.problems == []


def test_a_block_quotation_ending_in_a_citation_is_checked(render):
    good, _ = render("> We refuse to build the platform \u2026 human rights.\n>\n> [@src, para. 1]\n")
    assert good.problems == [] and good.notes[0].quotations
    bad, _ = render("> We refuse to build the bridge.\n>\n> [@src, para. 1]\n")
    assert "is not in src, para. 1" in bad.problems[0].problem


@pytest.mark.parametrize(
    "markdown",
    [
        '- first item\n- "the platform that powers ICE"[@src, para. 1]\n',
        '| claim | source |\n|---|---|\n| "the platform that powers ICE"[@src, para. 1] | x |\n',
        "| claim | source |\n|---|---|\n| powers ICE | [@src, para. 1] |\n",
    ],
)
def test_citations_at_the_end_of_list_items_and_in_table_cells(render, markdown):
    rendered, soup = render(markdown)
    assert rendered.problems == []
    assert soup.select_one("a.cite-ref")["href"] == "#cite-note-1"


@pytest.mark.parametrize(
    ("markdown", "problem"),
    [
        ("Text.[@nosuch]", "no source has the key 'nosuch' — use a file name from content/sources/"),
        ("Text.[@scr]", "no source has the key 'scr' — did you mean [@src]?"),
        ("Text.[@src, para. 9]", "[@src, para. 9] points past the end of src — src has paragraphs 1 to 3"),
        ("Text.[@src para 2]", "'[@src para 2]' is not a citation"),
        ('Text ""[@src]', "the quotation before [@src] is empty"),
        ('"we build the platform that powers ICE"[@src, para. 2]', "is not in src, para. 2"),
    ],
)
def test_citation_problems(render, markdown, problem):
    rendered, _ = render(markdown)
    assert len(rendered.problems) == 1
    found = rendered.problems[0]
    assert problem in f"{found.problem} — {found.fix}"


def test_a_misquotation_shows_the_closest_passage(render):
    rendered, _ = render('"this will be a powerful tool for the police state"[@src]')
    assert "the closest passage (para. 2) reads" in rendered.problems[0].fix
    assert "surveillance state" in rendered.problems[0].fix


def test_an_email_address_in_brackets_is_not_a_citation(render):
    rendered, soup = render("Write to [press@example.com] today.")
    assert rendered.problems == [] and soup.select("sup.cites") == []


# Regressions found in review: each of these once slipped through or crashed.


@pytest.mark.parametrize(
    "markdown",
    [
        "Click [me](&#106;avascript:alert(document.domain)).",
        "Click [me](&#x6A;avascript:alert(1)).",
        "Click [me](java&Tab;script:alert(1)).",
        "Click [this][1].\n\n[1]: javascript&colon;alert(1)",
        "![x](&#47;/evil.example/x.png)",
    ],
)
def test_encoded_schemes_are_read_as_a_browser_reads_them(render, markdown):
    rendered, soup = render(markdown)
    assert len(rendered.problems) == 1, rendered.problems
    assert "not allowed" in rendered.problems[0].problem or "another site" in rendered.problems[0].problem


@pytest.mark.parametrize("markdown", ["[x](http://[::1)", "<http://x[1]>"])
def test_unreadable_addresses_are_problems_not_crashes(render, markdown):
    rendered, _ = render(markdown)
    assert any("is not a valid address" in p.problem for p in rendered.problems)


def test_character_references_in_a_source_are_text_to_its_paragraphs():
    rendered = MarkdownRenderer("", number_paragraphs=True).render(
        "Last Thursday, AT&amp;T said no &mdash; twice."
    )
    assert rendered.paragraphs == ["Last Thursday, AT&T said no \u2014 twice."]


@pytest.mark.parametrize(
    "quotation",
    [
        "the `platform` that powers ICE",
        "the platform that powers ICE, and we refuse",
        "we refuse to contribute to tools that violate human\\-rights",
    ],
)
def test_markdown_inside_a_quotation_is_read_as_text(render, quotation):
    source = {
        "src": SimpleNamespace(
            slug="src",
            paragraphs=[
                "we refuse to build the platform that powers ICE, and we refuse to contribute to tools "
                "that violate human-rights."
            ],
        )
    }
    rendered = MarkdownRenderer("", sources=source).render(f'"{quotation}"[@src]')
    assert rendered.problems == [], rendered.problems


def test_underscores_inside_words_and_links_in_quotations():
    source = {"src": SimpleNamespace(slug="src", paragraphs=["Use snake_case names; see the flag docs."])}
    renderer = MarkdownRenderer("", sources=source)
    assert renderer.render('"snake_case names"[@src]').problems == []
    assert renderer.render('"see [the flag](https://example.com) docs"[@src]').problems == []


@pytest.mark.parametrize(
    "markdown",
    [
        "> Totally invented words.\n> [@src, para. 1]\n",
        "> Totally invented words.\n>\n> [@src] [@other]\n",
    ],
)
def test_block_quotations_ending_in_a_citation_line_are_checked(render, markdown):
    rendered, _ = render(markdown)
    assert any("is not in src" in p.problem for p in rendered.problems), rendered.problems


def test_a_quotation_may_not_run_across_paragraphs(render):
    rendered, _ = render('"human rights. In the midst"[@src]')
    assert "is not in src" in rendered.problems[0].problem


@pytest.mark.parametrize(
    ("markdown", "problem"),
    [
        ("![a [@src]](/x.png)", "is inside an image description"),
        ("[see [@src]](/sources/)", "is inside a link's text"),
    ],
)
def test_citations_inside_links_or_images_are_refused(render, markdown, problem):
    rendered, _ = render(markdown)
    assert any(problem in p.problem for p in rendered.problems), rendered.problems


def test_a_better_passage_outside_the_cited_paragraph_is_named():
    source = {"src": SimpleNamespace(slug="src", paragraphs=list(ZDNET_LIKE.values()))}
    rendered = MarkdownRenderer("", sources=source).render(
        'It was "kind of a Big Sister vibe".[@src, para. 1]'
    )
    assert "the closest passage (para. 2, not the cited para. 1) reads" in rendered.problems[0].fix
