"""/data/entities.json: every entity with its mentions and relationships."""

from __future__ import annotations


def entities_json(entities, relationships, siteurl: str) -> dict:
    return {
        "entities": [
            {
                "id": entity.slug,
                "name": entity.name,
                "type": entity.type,
                "aliases": list(entity.aliases),
                "url": f"{siteurl}/{entity.url}",
                "mentions": [{"url": f"{siteurl}/{m.link}", "sentence": m.sentence} for m in entity.mentions],
                "events": [event.slug for event in entity.events],
            }
            for entity in sorted(entities, key=lambda e: e.slug)
        ],
        "relationships": [
            {
                "subject": r.subject.slug,
                "verb": r.verb,
                "object": r.object.slug,
                "source": r.citation.key if r.citation else None,
                "paragraphs": [r.citation.pinpoint.first, r.citation.pinpoint.last]
                if r.citation and r.citation.pinpoint
                else None,
            }
            for r in relationships
        ],
    }
