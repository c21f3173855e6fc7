"""/data/demands.json and /data/demands.csv: one record per demand, with its source paragraph."""

from __future__ import annotations

import csv
import io

from ..content.fields import DEMAND_CATEGORIES

# One kind of cell a column, as a spreadsheet reads them (LibreOffice 7.4's and Excel's default
# import): a date is its year, month and day as numbers, since ISO text of mixed precision would
# come in as a number ("2018"), text ("2018-05") and a date ("2018-06-19") in one column, which
# sorts wrongly; its precision and whether it is inferred are words; a paragraph range is two
# numbers, where "2–3" would be text beside the numbers.
CSV_COLUMNS = (
    "campaign", "actor", "target", "year", "month", "day", "date_precision", "date_status",
    "category", "wording", "source", "paragraph_first", "paragraph_last",
)  # fmt: skip
# A spreadsheet reads a cell that starts with one of these as a formula, which can fetch
# addresses or run commands (OWASP, "CSV Injection"). The wording, the one column of
# contributed text, is a quotation and is written as one, in quotation marks, so no cell starts
# so; a leading apostrophe, which spreadsheets show, guards any other cell that ever would.
# Only the CSV is changed: /data/demands.json keeps the sources' exact words.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Read by LibreOffice and Excel as UTF-8 only with this mark; without it an en dash is garbled.
BYTE_ORDER_MARK = "\ufeff"


def spreadsheet_text(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _quoted(quoted) -> dict:
    pinpoint = quoted.citation.pinpoint if quoted.citation else None
    return {
        "quote": quoted.quote,
        "source": quoted.citation.key if quoted.citation else None,
        "paragraphs": [pinpoint.first, pinpoint.last] if pinpoint else None,
    }


def demands_json(campaigns) -> dict:
    return {
        "categories": DEMAND_CATEGORIES,
        "campaigns": [
            {
                "id": campaign.slug,
                "title": campaign.title,
                "actor": campaign.actor_slug,
                "targets": campaign.target_slugs,
                "date": {
                    "iso": campaign.date.value.iso(),
                    "status": campaign.date.status,
                    "basis": campaign.date.basis,
                },
                "form": campaign.form,
                "participants": [_quoted(q) for q in campaign.participants],
                "demands": [{"category": q.category, **_quoted(q)} for q in campaign.demands],
                "outcome": [_quoted(q) for q in campaign.outcome] or None,
            }
            for campaign in campaigns
        ],
    }


def _csv_row(campaign, demand) -> tuple:
    date, pinpoint = campaign.date, demand.citation.pinpoint
    return (
        campaign.slug,
        campaign.actor_slug,
        "; ".join(campaign.target_slugs),
        date.value.year,
        date.value.month or "",
        date.value.day or "",
        date.value.precision,
        date.status,
        demand.category,
        f"\u201c{demand.quote}\u201d",
        demand.citation.key,
        pinpoint.first if pinpoint else "",
        pinpoint.last if pinpoint else "",
    )


def demands_csv(campaigns) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for campaign in campaigns:
        for demand in campaign.demands:
            writer.writerow([spreadsheet_text(str(cell)) for cell in _csv_row(campaign, demand)])
    return BYTE_ORDER_MARK + out.getvalue()
