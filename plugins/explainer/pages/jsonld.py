"""schema.org JSON-LD for each kind of page, from the model: what search engines read.

Search engines take JSON-LD as fact, and it has no way to say "inferred". So it says no more
than the page: a value the project worked out, a vague or bounded date, a title the project
wrote, stay out of a source's fields that would state them as fact; the page's own text says
them. An event's date is the one exception: an event without one tells a reader of the data
nothing, so `startDate` is the value at its own precision (which holds every day the date
allows: "2018-06" for "week of 18 June 2018"), and `description` words it as the page does.

Each address says whose it is: the site's pages are WebPages about a thing (a ProfilePage about a
person or organisation), never that thing's own `url`; a source's page is this site's copy of
the work, which names it in `archivedAt`, and the work's `url` is its original address.
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
        # Each cited work by its page's heading (a title the project wrote in brackets), held here.
        "citation": [_cited(source, settings) for source in cited.values()],
    }


def _cited(source, settings) -> dict:
    work = {"@type": "CreativeWork", "name": source.heading, "archivedAt": _url(settings, source.url)}
    return work | ({"url": source.original_url.value} if stated(source.original_url) else {})


def _author(name) -> dict:
    if name.kind == PERSON:
        person = {"@type": "Person", "name": name.text, "familyName": name.family}
        return person | ({"givenName": name.given} if name.given else {})
    return {"@type": "Organization", "name": name.text}


def source_work(source, name: str, settings) -> dict:
    """This site's copy of a source, about the work: what the copy states, nothing inferred."""
    copy_url = _url(settings, source.url)
    work = {
        "@type": "NewsArticle" if source.kind in ("news report", "opinion") else "CreativeWork",
        "name": name,
        "description": source.summary,
        "archivedAt": copy_url,
    }
    if stated(source.title):
        work["headline"] = source.title.value
    if stated(source.publication):
        work["publisher"] = {"@type": "Organization", "name": source.publication.value}
    if stated(source.authors):
        named = [n for n in source.authors.value if n.kind in (PERSON, ORGANISATION)]
        if named:
            work["author"] = [_author(n) for n in named]
        # A signature ("Amazonians") is neither a Person nor an Organization: credited as written.
        signatures = [n.text for n in source.authors.value if n.kind not in (PERSON, ORGANISATION)]
        if signatures:
            work["creditText"] = ", ".join(signatures)
    if stated(source.date):
        work["datePublished"] = source.date.value.iso()
    if stated(source.original_url):
        work["url"] = source.original_url.value
    return {"@context": CONTEXT, "@type": "WebPage", "name": name, "url": copy_url, "mainEntity": work}


def _iso(fact) -> str | None:
    """A date at its own precision, or None for one the fields cannot give (a decade)."""
    return None if fact is None or fact.display else fact.value.iso()


def _event(entry, settings) -> dict:
    """A past event as the timeline shows it: no status or place it never had; its dates at
    their own precision, and in the page's own words, hedged as there."""
    event = entry.event
    data = {"@type": "Event", "name": entry.title, "url": _url(settings, f"timeline/#{entry.anchor}")}
    if _iso(entry.date):
        data["startDate"] = _iso(entry.date)
    if _iso(event.end):
        data["endDate"] = _iso(event.end)
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


PROFILED = ("Person", "Organization", "GovernmentOrganization")


def entity_thing(entity, settings) -> dict:
    """The entity's page, about the entity: the page's address is the site's, not the entity's."""
    thing = {"@type": ENTITY_TYPES.get(entity.type, "Thing"), "name": entity.name}
    other_names = [alias for alias in entity.aliases if alias.casefold() != entity.name.casefold()]
    if other_names:
        thing["alternateName"] = other_names
    page_type = "ProfilePage" if thing["@type"] in PROFILED else "WebPage"
    return {
        "@context": CONTEXT,
        "@type": page_type,
        "name": entity.name,
        "url": _url(settings, entity.url),
        "mainEntity": thing,
    }


def collection(name: str, path: str, settings) -> dict:
    return {"@context": CONTEXT, "@type": "CollectionPage", "name": name, "url": _url(settings, path)}
