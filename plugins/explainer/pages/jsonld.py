"""schema.org JSON-LD for each kind of page, from the model: what search engines read.

Search engines take JSON-LD as fact, and it has no way to say "inferred". So it says no more
than the page: a value the project worked out, a vague or bounded date, a title the project
wrote, stay out of the fields that would state them as fact; the page's own text says them.
"""

from __future__ import annotations

from ..content.names import ORGANISATION, PERSON
from ..content.phrasing import period_text

CONTEXT = "https://schema.org"
ENTITY_TYPES = {"person": "Person", "company": "Organization", "organisation": "Organization",
                "government agency": "GovernmentOrganization", "publication": "Organization"}  # fmt: skip


def _url(settings, path: str) -> str:
    return f"{settings['SITEURL']}/{path}"


def stated(fact) -> bool:
    """A value the copy shows as it stands: not inferred, not worded vaguer, not only bounded."""
    return fact is not None and fact.status == "stated" and not (fact.display or fact.earliest or fact.latest)


def article(page, settings) -> dict:
    """A page of the project's own writing (the home page too), with the sources its notes cite."""
    cited = {note.source.slug: note.source for note in page.rendered.notes if note.source}
    return {
        "@context": CONTEXT,
        "@type": "Article",
        "name": page.title,
        "headline": page.title,
        "description": page.description,
        "url": _url(settings, page.url),
        "isPartOf": {"@type": "WebSite", "name": settings["SITENAME"], "url": _url(settings, "")},
        "citation": [
            {"@type": "CreativeWork", "name": s.display_title, "url": _url(settings, s.url)}
            for s in cited.values()
        ],
    }


def _author(name) -> dict:
    if name.kind == PERSON:
        person = {"@type": "Person", "name": name.text, "familyName": name.family}
        return person | ({"givenName": name.given} if name.given else {})
    return {"@type": "Organization", "name": name.text}


def source_work(source, name: str, settings) -> dict:
    """This site's copy of a source: what the copy states, and nothing the project inferred."""
    data = {
        "@context": CONTEXT,
        "@type": "NewsArticle" if source.kind in ("news report", "opinion") else "CreativeWork",
        "name": name,
        "description": source.summary,
        "url": _url(settings, source.url),
    }
    if stated(source.title):
        data["headline"] = source.title.value
    if stated(source.publication):
        data["publisher"] = {"@type": "Organization", "name": source.publication.value}
    if stated(source.authors):
        named = [n for n in source.authors.value if n.kind in (PERSON, ORGANISATION)]
        if named:
            data["author"] = [_author(n) for n in named]
        # A signature ("Amazonians") is neither a Person nor an Organization: credited as written.
        signatures = [n.text for n in source.authors.value if n.kind not in (PERSON, ORGANISATION)]
        if signatures:
            data["creditText"] = ", ".join(signatures)
    if stated(source.date):
        data["datePublished"] = source.date.value.iso()
    if stated(source.original_url):
        data["sameAs"] = source.original_url.value
    return data


def _event(entry, settings) -> dict:
    """A past event as the timeline shows it: no status or place it never had, and a start date
    only where the sources state it; otherwise the date in the page's own words."""
    event = entry.event
    data = {"@type": "Event", "name": entry.title, "url": _url(settings, f"timeline/#{entry.anchor}")}
    if stated(entry.date):
        data["startDate"] = entry.date.value.iso()
    if stated(event.end):
        data["endDate"] = event.end.value.iso()
    data["description"] = f"When: {period_text(entry.date, event.end, event.expected)}."
    return data


def timeline(name: str, path: str, entries, settings) -> dict:
    events = [entry for entry in entries if entry.kind == "event"]
    return {
        **collection(name, path, settings),
        "mainEntity": {
            "@type": "ItemList",
            "numberOfItems": len(events),
            "itemListElement": [
                {"@type": "ListItem", "position": index, "item": _event(entry, settings)}
                for index, entry in enumerate(events, start=1)
            ],
        },
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
