"""/data/demands.csv: a cell a spreadsheet would read as a formula is written as text."""

from __future__ import annotations

import csv
import io

import pytest
from contenttree import GOOD_ENTITY, campaign_text
from explainer.exports.demands import demands_csv, demands_json, spreadsheet_text

FORMULA = "=HYPERLINK(example) stop selling Rekognition to police"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_starting_as_a_formula_would_is_read_as_text(start):
    assert spreadsheet_text(f"{start}1+1") == f"'{start}1+1"


@pytest.mark.parametrize("cell", ["stop selling", "1-2", " =1", "'quoted", ""])
def test_other_cells_are_left_as_they_are(cell):
    assert spreadsheet_text(cell) == cell


def test_a_demand_quoted_from_a_source_that_begins_with_equals(tree):
    tree.source(body=f"Last Thursday, staff wrote a letter.\n\nIt said: {FORMULA}.\n", name="formula-source")
    tree.write("entities/example-news.md", GOOD_ENTITY)
    tree.write("campaigns/formula.md", campaign_text(quote=f"'{FORMULA}'", cite="formula-source, para. 2"))
    campaigns = tree.model().campaigns
    assert demands_json(campaigns)["campaigns"][0]["demands"][0]["quote"] == FORMULA  # the exact words
    rows = list(csv.DictReader(io.StringIO(demands_csv(campaigns))))
    assert [row["wording"] for row in rows] == ["'" + FORMULA]
    assert rows[0]["campaign"] == "formula" and rows[0]["paragraph"] == "2"
