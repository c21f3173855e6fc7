"""/data/demands.csv as a spreadsheet imports it: UTF-8 with a byte order mark, one kind of cell
a column (a date as year, month and day numbers, with its precision and whether it is inferred),
and the wording in quotation marks, so that no cell starts as a formula would.

These are the properties LibreOffice 7.4 and Excel act on; they were checked by hand by
importing the file in LibreOffice (headless, its default CSV options) and are tested here with
Python's csv module: LibreOffice is a 300 MB install that would test its own parser, not ours.
"""

from __future__ import annotations

import csv
import io

import pytest
from contenttree import GOOD_ENTITY, campaign_text
from explainer.exports.demands import CSV_COLUMNS, demands_csv, demands_json, spreadsheet_text

FORMULA = "=HYPERLINK(example) stop selling Rekognition to police"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def rows_of(text: str) -> list[dict]:
    assert text.startswith("\ufeff")  # without it LibreOffice and Excel may read UTF-8 as Latin-1
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


@pytest.mark.parametrize("start", FORMULA_STARTS)
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
    rows = rows_of(demands_csv(campaigns))
    # A quotation, shown as one: no guard for a spreadsheet to show.
    assert [row["wording"] for row in rows] == [f"\u201c{FORMULA}\u201d"]
    assert rows[0]["campaign"] == "formula" and rows[0]["paragraph_first"] == rows[0]["paragraph_last"] == "2"


def test_an_en_dash_and_a_paragraph_range_survive(tree):
    words = "stop selling Rekognition \u2013 now"
    tree.source(
        body=f"Last Thursday, staff wrote.\n\nThey said {words} and more.\n\nAnd more.\n", name="dash-source"
    )
    tree.write("campaigns/dash.md", campaign_text(quote=f"'{words}'", cite="dash-source, paras. 2\u20133"))
    text = demands_csv(tree.model().campaigns)
    (row,) = rows_of(text)
    assert row["wording"] == f"\u201c{words}\u201d"
    assert (row["paragraph_first"], row["paragraph_last"]) == ("2", "3")  # two numbers, not "2–3"
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbf") and "\u2013".encode() in text.encode("utf-8")


def test_every_column_holds_one_kind_of_cell(any_site):
    text = (any_site.root / "data" / "demands.csv").read_text(encoding="utf-8")
    rows = rows_of(text)
    demands = [(c, d) for c in any_site.model.campaigns for d in c.demands]
    assert list(rows[0]) == list(CSV_COLUMNS) and len(rows) == len(demands)
    for row, (campaign, demand) in zip(rows, demands, strict=True):
        date = campaign.date.value
        # Numbers sort as numbers: a year always, a month and day only where the date has them.
        assert row["year"] == str(date.year)
        assert row["month"] == (str(date.month) if date.month else "")
        assert row["day"] == (str(date.day) if date.day else "")
        assert row["date_precision"] == date.precision and row["date_status"] == campaign.date.status
        assert row["wording"] == f"\u201c{demand.quote}\u201d"
        pinpoint = demand.citation.pinpoint
        assert (row["paragraph_first"], row["paragraph_last"]) == (
            (str(pinpoint.first), str(pinpoint.last)) if pinpoint else ("", "")
        )
        for column in ("year", "month", "day", "paragraph_first", "paragraph_last"):
            assert row[column] == "" or row[column].isdigit(), (column, row[column])
        assert row["date_precision"] in {"year", "month", "day"}
        assert row["date_status"] in {"stated", "inferred"}
        assert not any(cell.startswith((*FORMULA_STARTS, "'")) for cell in row.values()), row
