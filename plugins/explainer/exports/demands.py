"""/data/demands.json and /data/demands.csv: one record per demand, with its source paragraph."""

from __future__ import annotations

import csv
import io

from ..content.fields import DEMAND_CATEGORIES

CSV_COLUMNS = ("campaign", "actor", "target", "date", "category", "wording", "source", "paragraph")
# A spreadsheet reads a cell that starts with one of these as a formula, which can fetch
# addresses or run commands (OWASP, "CSV Injection"); a leading apostrophe makes it read the
# cell as text. Only the CSV is changed: /data/demands.json keeps the sources' exact words.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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


def demands_csv(campaigns) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for campaign in campaigns:
        for demand in campaign.demands:
            pinpoint = demand.citation.pinpoint
            row = (
                campaign.slug,
                campaign.actor_slug,
                "; ".join(campaign.target_slugs),
                campaign.date.value.iso(),
                demand.category,
                demand.quote,
                demand.citation.key,
                pinpoint.label.split(" ", 1)[1] if pinpoint else "",
            )
            writer.writerow([spreadsheet_text(cell) for cell in row])
    return out.getvalue()
