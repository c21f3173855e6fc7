"""/data/claims.json: each question of fact, and every source's answer in its own words."""

from __future__ import annotations


def claims_json(claims) -> dict:
    return {
        "claims": [
            {
                "id": claim.slug,
                "question": claim.question,
                "sources_differ": claim.sources_differ,
                "entities": claim.entity_slugs,
                "answers": [
                    {
                        "value": answer.value,
                        "reckoning": answer.reckoning,
                        "wording": answer.quote,
                        "source": answer.citation.key,
                        "paragraphs": [answer.citation.pinpoint.first, answer.citation.pinpoint.last]
                        if answer.citation.pinpoint
                        else None,
                    }
                    for answer in claim.answers
                ],
            }
            for claim in claims
        ]
    }
