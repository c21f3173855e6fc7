"""/data/demands.json and /data/demands.csv: one record per demand, with its source paragraph."""

from __future__ import annotations

import csv
import io

from .collections import DEMAND_CATEGORIES

CSV_COLUMNS = ("campaign", "actor", "target", "date", "category", "wording", "source", "paragraph")


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
            writer.writerow(
                (
                    campaign.slug,
                    campaign.actor_slug,
                    "; ".join(campaign.target_slugs),
                    campaign.date.value.iso(),
                    demand.category,
                    demand.quote,
                    demand.citation.key,
                    pinpoint.label.split(" ", 1)[1] if pinpoint else "",
                )
            )
    return out.getvalue()
