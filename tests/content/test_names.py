"""Authors: each name says whether it is a person (family and given names), an organisation or a
signature, and a name that does not say so fails with its line and the form to write."""

from __future__ import annotations

import pytest
from explainer.content.names import ORGANISATION, PERSON, SIGNATURE
from explainer.content.phrasing import fact_text

BAD = "content/sources/bad-source.md"


def test_each_form_of_name_reads_as_written(tree):
    tree.source(
        {
            "authors": "[{given: Ann, family: Writer}, {family: Plato}, {organisation: Example News}, "
            "{signature: Staff of Example}]"
        },  # fmt: skip
        name="named",
    )
    authors = tree.model().sources_by_slug["named"].authors
    assert [(n.kind, n.text, n.family, n.given) for n in authors.value] == [
        (PERSON, "Ann Writer", "Writer", "Ann"),
        (PERSON, "Plato", "Plato", None),
        (ORGANISATION, "Example News", None, None),
        (SIGNATURE, "Staff of Example", None, None),
    ]
    assert fact_text(authors) == "Ann Writer, Plato, Example News and Staff of Example"


def test_an_inferred_author_keeps_its_form_and_basis(tree):
    tree.source(
        {"authors": "\n  value: [{given: Ann, family: Writer}]\n  status: inferred\n  basis: The footer."},
        name="inferred",
    )
    authors = tree.model().sources_by_slug["inferred"].authors
    assert authors.inferred and authors.value[0].family == "Writer"
    assert fact_text(authors) == "Ann Writer (inferred)"


def test_a_plain_name_is_refused_with_the_forms_to_write(tree):
    tree.source({"authors": "[Ann Writer]"})
    error = tree.only_error()
    assert error.startswith(f"{BAD}:5: authors: 'Ann Writer' does not say whether it is a person")
    assert "write a person as {given: Ann, family: Writer} (check which part is the family name)" in error
    assert "an organisation as {organisation: Ann Writer}, a signature as {signature: Ann Writer}" in error


def test_the_error_points_at_the_name_inside_an_inferred_value(tree):
    tree.source({"authors": "\n  value:\n    - {given: Ann, family: Writer}\n    - Bo\n  status: inferred\n"
                            "  basis: The footer."})  # fmt: skip
    error = tree.only_error()
    assert error.startswith(f"{BAD}:8: authors: 'Bo' does not say whether it is a person")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("[{given: Ann}]", "authors: author 1 is not a name in a form the site knows — write {given: Carey"),
        ("[{family: Writer, name: Ann}]", "authors: author 1 is not a name in a form the site knows"),
        ("[{organisation: A, signature: B}]", "authors: author 1 is not a name in a form the site knows"),
        ("[{family: ''}]", "authors: this field must be a line of text"),
        ("[]", "authors: this field must be a name or a list of names"),
    ],
)
def test_malformed_names_say_what_to_write(tree, value, message):
    tree.source({"authors": value})
    error = tree.only_error()
    assert error.startswith(f"{BAD}:5: "), error
    assert message in error
