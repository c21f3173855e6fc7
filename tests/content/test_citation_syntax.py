"""How a citation is written: brackets, keys and pinpoints read, malformed ones refused."""

from __future__ import annotations

import pytest
from explainer.content.citation_syntax import CitationSyntaxError, Pinpoint, parse_citation


@pytest.mark.parametrize(
    ("bracket", "expected"),
    [
        ("[@src]", [("src", None)]),
        ("[@src, para. 4]", [("src", Pinpoint(4, 4))]),
        ("[@src, para 4]", [("src", Pinpoint(4, 4))]),
        ("[@src, paras. 4-6]", [("src", Pinpoint(4, 6))]),
        ("[@src, \u00b6 2]", [("src", Pinpoint(2, 2))]),
        ("[@a; @b, para. 2]", [("a", None), ("b", Pinpoint(2, 2))]),
        ("[ @a ;@b ]", [("a", None), ("b", None)]),
    ],
)
def test_parse_citation(bracket, expected):
    assert parse_citation(bracket) == expected


@pytest.mark.parametrize(
    "bracket",
    [
        "[@]",
        "[@src para 4]",
        "[@src, page 4]",
        "[@Src]",
        "[@src, para. x]",
        "[@src,]",
        "[@a; b]",
        "[@src, paras. 5-3]",
    ],
)
def test_malformed_citations_are_refused(bracket):
    with pytest.raises(CitationSyntaxError):
        parse_citation(bracket)


def test_pinpoint_labels():
    assert Pinpoint(4, 4).label == "para. 4" and Pinpoint(4, 6).label == "paras. 4\u20136"
