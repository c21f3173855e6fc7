"""schema.org JSON-LD for each kind of page, from the model: what search engines read."""

from __future__ import annotations

CONTEXT = "https://schema.org"
ENTITY_TYPES = {"person": "Person", "company": "Organization", "organisation": "Organization",
                "government agency": "GovernmentOrganization", "publication": "Organization"}  # fmt: skip


def _url(settings, path: str) -> str:
    return f"{settings['SITEURL']}/{path}"


def website(settings) -> dict:
    return {"@context": CONTEXT, "@type": "WebSite", "name": settings["SITENAME"], "url": _url(settings, "")}


def article(page, settings) -> dict:
    """A page of the project's own writing, with the sources its notes cite."""
    cited = {note.source.slug: note.source for note in page.rendered.notes if note.source}
    return {
        "@context": CONTEXT,
        "@type": "Article",
        "headline": page.title,
        "description": page.description,
        "url": _url(settings, page.url),
        "citation": [
            {"@type": "CreativeWork", "name": s.display_title, "url": _url(settings, s.url)}
            for s in cited.values()
        ],
    }


def source_work(source, settings) -> dict:
    """A source: a NewsArticle with publisher, authors and date as far as they are known."""
    data = {
        "@context": CONTEXT,
        "@type": "NewsArticle" if source.kind in ("news report", "opinion") else "CreativeWork",
        "headline": source.display_title,
        "description": source.summary,
        "url": _url(settings, source.url),
    }
    if source.publication.known:
        data["publisher"] = {"@type": "Organization", "name": source.publication.value}
    if source.authors.known:
        data["author"] = [{"@type": "Person", "name": str(name)} for name in source.authors.value]
    if source.date.known:
        data["datePublished"] = source.date.value.iso()
    if source.original_url.known:
        data["sameAs"] = source.original_url.value
    return data


def timeline_events(entries, settings) -> dict:
    return {
        "@context": CONTEXT,
        "@graph": [
            {
                "@type": "Event",
                "name": entry.title,
                "startDate": entry.date.value.iso(),
                "url": _url(settings, f"timeline/#{entry.anchor}"),
                "eventStatus": "https://schema.org/EventScheduled",
                "location": {"@type": "VirtualLocation", "url": _url(settings, f"timeline/#{entry.anchor}")},
            }
            for entry in entries
            if entry.kind == "event"
        ],
    }


def entity_thing(entity, settings) -> dict:
    return {
        "@context": CONTEXT,
        "@type": ENTITY_TYPES.get(entity.type, "Thing"),
        "name": entity.name,
        "alternateName": list(entity.aliases),
        "url": _url(settings, entity.url),
    }


def collection(name: str, path: str, settings) -> dict:
    return {"@context": CONTEXT, "@type": "CollectionPage", "name": name, "url": _url(settings, path)}
