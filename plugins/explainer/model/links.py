"""The cross-reference passes, once every item is loaded: who cites, names and relates to whom."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..content.dates import WEEKDAYS, PartialDate
from ..content.errors import ErrorCollector
from ..content.fields import RelativeDate, relationship_phrase
from ..content.phrasing import date_span, fact_text
from ..content.relative_dates import KNOWN_FORMS, UnresolvablePhrase, resolve_within
from ..content.relative_dates import resolve as resolve_phrase
from ..text.normal import normalise
from .graph import FIXED_PATHS, Model
from .items import CitingItem, Entity, EntityMention, Item, Relationship, Source


def check_addresses(model: Model, errors: ErrorCollector) -> None:
    """Two items may not claim one address (a page named sources.md would hide the list)."""
    owners = dict(FIXED_PATHS)
    for item in model.pages_of_their_own():
        address = "/" + item.url
        if address in owners:
            errors.add(
                item.path,
                1,
                f"the address {address} is already used by {owners[address]}",
                "rename the file to give it another slug",
            )
        owners.setdefault(address, f"{item.path}:1")
    if "index" not in model.pages:
        errors.add("content/pages/index.md", 1, "the home page is missing", "restore content/pages/index.md")


def _link_relationships(model: Model, errors: ErrorCollector, writing_renderer) -> None:
    """Render each relationship as a cited sentence; one notebook numbers them for /entities/."""
    notebook = {}
    for subject in model.entities.values():
        for spec in subject.relationships:
            key = ("relationships", spec["index"])
            obj = _entity(model, subject, (*key, "object"), spec["object"], errors)
            if obj is None:
                continue
            if obj is subject:
                errors.add(
                    subject.path,
                    subject.document.line_of(*key, "object"),
                    f"{subject.slug} is given a relationship with itself",
                    "name another entity as the object",
                )
                continue
            phrase = relationship_phrase(spec["verb"], subject.plural)
            sentence = f"{subject.name} {phrase} {obj.name}.[@{spec['cite']}]"
            rendered = writing_renderer.render(sentence, "relationships-", notebook, subject.slug)
            for problem in rendered.problems:
                errors.add(subject.path, subject.document.line_of(*key, "cite"), problem.problem, problem.fix)
            citation = rendered.citations[0] if rendered.citations else None
            model.relationships.append(Relationship(subject, spec["verb"], obj, rendered.html, citation))


def resolve(model: Model, errors: ErrorCollector, writing_renderer) -> None:
    by_slug = model.sources_by_slug
    for source in model.sources:
        _resolve_text_from(source, by_slug, errors)
        source.relative_dates = [
            _resolve_relative_date(source, entry, errors) for entry in source.relative_dates
        ]
    _collect_cited_by(model)
    _collect_mentions(model)
    _link_entities(model.events, "events", model, errors)
    _link_campaigns(model, errors)
    _link_entities(model.claims, "claims", model, errors)
    _link_relationships(model, errors, writing_renderer)
    _check_stated_order(model, errors)
    _check_dates_that_rest_on_others(model, errors)
    site_paths = model.site_paths()
    for item in model.items():
        for link in item.rendered.internal_links:
            _check_internal_link(item, link, site_paths, by_slug, errors)


def _entity(model: Model, item: Item, key: tuple, slug: str, errors: ErrorCollector) -> Entity | None:
    """The entity a field names, or None after reporting the unknown slug at that field's line."""
    entity = model.entities.get(slug)
    if entity is None:
        errors.add(
            item.path,
            item.document.line_of(*key),
            f"no entity has the slug '{slug}'",
            "use a file name from content/entities/ without .md, or add the entity",
        )
    return entity


def _link_entities(items, back: str, model: Model, errors: ErrorCollector) -> None:
    """Each item's `entities:` to the entities, and each entity back to the item (entity.<back>)."""
    for item in items:
        for index, slug in enumerate(item.entity_slugs):
            if entity := _entity(model, item, ("entities", index), slug, errors):
                item.entities.append(entity)
                getattr(entity, back).append(item)


def _check_stated_order(model: Model, errors: ErrorCollector) -> None:
    """An event that states what it follows may not be dated wholly before it, unless a claim
    on /differences/ shows how the sources disagree."""
    events = {event.slug: event for event in model.events}
    claims = {claim.slug: claim for claim in model.claims}
    for event in model.events:
        for spec in event.follows:
            key = ("follows", spec["index"])
            other = events.get(spec["event"])
            if other is None or other is event:
                errors.add(
                    event.path,
                    event.document.line_of(*key, "event"),
                    f"'follows' names '{spec['event']}', which is not another event",
                    "use a file name from content/events/ without .md",
                )
                continue
            claim = claims.get(spec["explained_by"]) if spec["explained_by"] else None
            if spec["explained_by"] and claim is None:
                errors.add(
                    event.path,
                    event.document.line_of(*key, "explained_by"),
                    f"no claim has the slug '{spec['explained_by']}'",
                    "use a file name from content/claims/ without .md",
                )
                continue
            impossible = date_span(event.date)[1] < date_span(other.date)[0]
            if impossible and claim is None:
                errors.add(
                    event.path,
                    event.document.line_of(*key, "event"),
                    f"the event is dated {fact_text(event.date)}, before {other.slug}, which it follows, "
                    f"dated {fact_text(other.date)}",
                    "correct one of the dates; or, where the sources disagree, add a claim to "
                    "content/claims/ that shows it and name it with 'explained_by:'",
                )
            elif claim is not None and not impossible:
                errors.add(
                    event.path,
                    event.document.line_of(*key, "explained_by"),
                    f"'explained_by' names {claim.slug}, but the dates agree that the event follows "
                    f"{other.slug}",
                    "remove 'explained_by:'",
                )
            else:
                event.after.append((other, claim))


def _check_dates_that_rest_on_others(model: Model, errors: ErrorCollector) -> None:
    """A date worked out from another item's date is worked out again, from that date as it now
    stands: one that no longer follows from it is reported with the value that does."""
    bases = {"event": {e.slug: e.date for e in model.events}, "source": {}}
    bases["source"] = {s.slug: s.date for s in model.sources}
    dated = [(s, s.date) for s in model.sources]
    dated += [(item, item.date) for item in (*model.events, *model.campaigns)]
    for item, fact in dated:
        if not fact.known or not fact.rests_on:
            continue
        kind, slug, phrase = fact.rests_on
        line = item.document.line_of("date", "rests_on")
        base = bases[kind].get(slug)
        if base is None or not base.known or base is fact:
            problem = f"the date rests on {kind} '{slug}', which has no date of its own"
            errors.add(item.path, line, problem, f"name another {kind} whose date is known")
            continue
        first, last = date_span(base)
        try:
            start, end = resolve_within(phrase, first, last)
        except UnresolvablePhrase:
            problem = f"“{phrase}” cannot be worked out from {slug}, dated {fact_text(base)}"
            forms = f"this week (of a day), a weekday (within a week), {KNOWN_FORMS} (of a day)"
            errors.add(item.path, line, problem, f"give a phrase of these forms: {forms}")
            continue
        written = date_span(fact)
        if (start, end) != written or (start == end and fact.value.precision != "day"):
            problem = (
                f"the date rests on {slug}, dated {fact_text(base)}: “{phrase}” makes it "
                f"{_days_text(start, end)}, not {_days_text(*written)}"
            )
            errors.add(item.path, line, problem, f"write {_date_fields(start, end)}")


def _days_text(start, end) -> str:
    from_, to = PartialDate.from_date(start).text(), PartialDate.from_date(end).text()
    return from_ if start == end else f"{from_} to {to}"


def _date_fields(start, end) -> str:
    if start == end:
        return f"value: {start.isoformat()} (and no bounds)"
    same_month = (start.year, start.month) == (end.year, end.month)
    value = f"{start.year}-{start.month:02d}" if same_month else start.year
    return f"value: {value}, earliest: {start.isoformat()}, latest: {end.isoformat()}"


def _link_campaigns(model: Model, errors: ErrorCollector) -> None:
    for campaign in model.campaigns:
        if actor := _entity(model, campaign, ("actor",), campaign.actor_slug, errors):
            campaign.actor = actor
            actor.campaigns_led.append(campaign)
        for index, slug in enumerate(campaign.target_slugs):
            if target := _entity(model, campaign, ("targets", index), slug, errors):
                campaign.targets.append(target)
                target.campaigns_targeting.append(campaign)


def _collect_mentions(model: Model) -> None:
    """Each entity's mentions across the content, and the entities most often named with it."""
    together: dict[str, Counter] = {slug: Counter() for slug in model.entities}
    for item in model.items():
        by_place: dict[str | None, set[str]] = {}
        for mention in item.rendered.mentions:
            entity = model.entities[mention.slug]
            entity.mentions.append(EntityMention(item, mention.anchor, mention.sentence))
            by_place.setdefault(mention.anchor or item.slug, set()).add(mention.slug)
        for named in by_place.values():
            for slug in named:
                together[slug].update(named - {slug})
    for slug, counts in together.items():
        ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))[:6]
        model.entities[slug].named_with = [(model.entities[other], n) for other, n in ranked]
    for source in model.sources:
        counts = Counter(mention.slug for mention in source.rendered.mentions)
        source.named = [
            (model.entities[slug], n) for slug, n in sorted(counts.items(), key=lambda p: (-p[1], p[0]))
        ]
    _relate_sources(model.sources)


# An entity nearly every source names (Amazon, say) tells little about which sources belong
# together, and counting it would compare every source with every other: time would grow with
# the square of the number of sources. Such entities are left out of the comparison.
COMMON_ENTITY_SOURCES = 50


def _relate_sources(sources: list[Source]) -> None:
    """Each source's four closest sources: those that name most of the same entities."""
    by_slug = {source.slug: source for source in sources}
    naming: dict[str, list[Source]] = {}
    for source in sources:
        for entity, _ in source.named:
            naming.setdefault(entity.slug, []).append(source)
    for source in sources:
        shared = Counter()
        for entity, _ in source.named:
            others = naming[entity.slug]
            if len(others) <= COMMON_ENTITY_SOURCES:
                shared.update(other.slug for other in others if other is not source)
        ranked = sorted(shared.items(), key=lambda pair: (-pair[1], pair[0]))[:4]
        source.related = [(by_slug[slug], count) for slug, count in ranked]


def _collect_cited_by(model: Model) -> None:
    by_slug = model.sources_by_slug
    for item in model.items():
        spots: dict[str, list[str]] = {}
        for citation in item.citations:
            if citation.key in by_slug:
                spots.setdefault(citation.key, []).append(citation.ref_id)
        for key, ref_ids in spots.items():
            by_slug[key].cited_by.append(CitingItem(item, ref_ids))


def _resolve_text_from(source: Source, by_slug: dict[str, Source], errors: ErrorCollector) -> None:
    slug = source.text_from
    if not slug:
        return
    doc = source.document
    origin = by_slug.get(slug)
    if origin is None or origin is source:
        errors.add(
            doc.path,
            doc.line_of("text_from"),
            f"text_from names '{slug}', which is not another source",
            "give the slug of the source file the text was taken from",
        )
        return
    whole = normalise(" ".join(origin.paragraphs))
    for number, paragraph in enumerate(source.paragraphs, 1):
        if normalise(paragraph) not in whole:
            errors.add(
                doc.path,
                doc.body_line_of(paragraph[:30]),
                f"paragraph {number} does not occur in {slug}, which text_from says the text comes from",
                f"copy the paragraph exactly as content/sources/{slug}.md has it",
            )
    source.text_source = origin
    origin.reproduced_in.append(source)


def _resolve_relative_date(source: Source, entry: RelativeDate, errors: ErrorCollector) -> RelativeDate:
    """The entry as read, with the date it points to where the build can work it out."""
    doc, index = source.document, entry.index
    line = doc.line_of("relative_dates", index)
    phrase, number = entry.phrase, entry.paragraph
    result = replace(entry, resolved=None, basis=None)
    if number > len(source.paragraphs):
        errors.add(
            doc.path,
            line,
            f"paragraph {number} does not exist",
            f"the text has {len(source.paragraphs)} paragraphs",
        )
        return result
    if phrase.casefold() not in source.paragraphs[number - 1].casefold():
        errors.add(
            doc.path,
            line,
            f"'{phrase}' does not occur in paragraph {number}",
            "copy the phrase exactly as the text has it, or correct the paragraph number",
        )
        return result
    date = source.date
    if not (date.known and date.value.precision == "day"):
        return result
    article_day = date.value.as_date()
    try:
        resolved, rule = resolve_phrase(phrase, article_day)
    except UnresolvablePhrase:
        if not result.unresolved:
            errors.add(
                doc.path,
                line,
                f"the build cannot resolve '{phrase}'",
                f"list phrases of these forms: {KNOWN_FORMS}; or add 'unresolved:' saying why it names "
                "no single date",
            )
        return result
    if result.unresolved:
        errors.add(
            doc.path,
            doc.line_of("relative_dates", index, "unresolved"),
            f"'{phrase}' is marked unresolved, but the build resolves it to {resolved.text()}",
            "remove 'unresolved:'",
        )
        return result
    result.resolved = resolved
    weekday = WEEKDAYS[article_day.weekday()]
    result.basis = f"{rule} {weekday} {date.value.text()}, the article's own date"
    return result


def _check_internal_link(item, link, site_paths, by_slug, errors) -> None:
    doc = item.document
    line = doc.body_line_of(link.needle)
    if link.path not in site_paths:
        hint = link.path + "/" if link.path + "/" in site_paths else None
        errors.add(
            doc.path,
            line,
            f"the link '{link.needle}' points to no page of the site",
            f"did you mean '{hint}'?" if hint else "link to an existing page, e.g. /sources/<slug>/",
        )
        return
    match = re.fullmatch(r"p(\d+)", link.fragment)
    target = by_slug.get(link.path.removeprefix("/sources/").rstrip("/"))
    # A number too long to be a paragraph's is not read as one (Python reads at most 4,300 digits).
    number = int(match.group(1)) if match and len(match.group(1)) <= 9 else 0
    if match and target and not 1 <= number <= len(target.paragraphs):
        errors.add(
            doc.path,
            line,
            f"the link '{link.needle}' names a paragraph that does not exist",
            f"{target.slug} has paragraphs 1 to {len(target.paragraphs)}",
        )
