"""How the site tests read a page, and how a model value must read on one (written here
independently of the theme's filters, so that a page is checked against the model, not itself)."""

from __future__ import annotations


def text_of(element, separator: str = "") -> str:
    """An element's text with its white space folded."""
    return " ".join(element.get_text(separator).split())


def paragraph_text(element) -> str:
    """A source paragraph's own words, as a reader reads them: not its number, nor the list of
    places citing it, which shows only when a reader arrives at the paragraph."""
    return "".join(
        text
        for text in element.find_all(string=True)
        if not any(
            parent.get("class") and {"para-num", "came-from"} & set(parent["class"])
            for parent in text.parents
        )
    )


def all_pages(site) -> list[str]:
    """Every HTML page the build wrote, as site paths (Pagefind's own files are not pages)."""
    return [site.url_of(f) for f in site.html_files() if f.relative_to(site.root).parts[0] != "pagefind"]


def names(value: tuple) -> str:
    value = [str(name) for name in value]
    return value[0] if len(value) == 1 else ", ".join(value[:-1]) + " and " + value[-1]


def value_text(fact, unknown: str = "Not known") -> str:
    """A provenance value or date as lists show it: 'June 2018 (inferred)', 'Ann and Bo', `unknown`."""
    if not fact.known:
        return unknown
    value = fact.display or _between(fact) or fact.value
    value = names(value) if isinstance(value, tuple) else getattr(value, "text", lambda: value)()
    return f"{value} (inferred)" if fact.inferred else str(value)


def marked_text(fact, unknown: str = "not known") -> str:
    """A value as bylines and source lists show it: one sign for a value the project worked out."""
    return value_text(fact, unknown).removesuffix(" (inferred)") + (
        "*" if fact.known and fact.inferred else ""
    )


def short_reference(source, pinpoint) -> str:
    """A short note: who (publication, else the document's title, else authors, else what it is),
    when, and the paragraph, with a sign after a worked-out name or date."""
    publication, authors, date = source.publication, source.authors, source.date
    if publication.known:
        who = marked_text(publication)
    elif source.kind == "primary document":
        who = source.display_title
    elif authors.known:
        who = marked_text(authors)
    else:
        who = f"An unsigned {source.kind}"
    parts = [who, marked_text(date, "undated")]
    if pinpoint:
        first, last = pinpoint
        parts.append(f"\u00b6 {first}" if first == last else f"\u00b6\u00b6 {first}\u2013{last}")
    return ", ".join(parts)


def _between(fact) -> str | None:
    """A date known within bounds: 'between May and 25 June 2018' (the shared year said once); a
    Monday to the Sunday after is 'week of 18 June 2018'; the thirds of a year (January to April,
    May to August, September to December, in whole months) are 'early 2017', 'mid-2017', 'late 2017'."""
    first, last = getattr(fact, "earliest", None), getattr(fact, "latest", None)
    if not (first and last):
        return f"on or after {first.text()}" if first else f"by {last.text()}" if last else None
    monday = first.day and first.as_date().isoweekday() == 1
    if monday and last.day and (last.as_date() - first.as_date()).days == 6:
        return f"week of {first.text()}"
    if not (first.day or last.day) and first.month and last.month and first.year == last.year:
        third = {(1, 4): "early {}", (5, 8): "mid-{}", (9, 12): "late {}"}.get((first.month, last.month))
        if third:
            return third.format(first.year)
    opening = first.text()
    if first.year == last.year:
        opening = opening.removesuffix(f" {first.year}")
        if first.day and first.month == last.month:
            opening = str(first.day)
    return f"between {opening} and {last.text()}"


def shown_as(fact) -> str:
    """What a source's page must show for a provenance value: the value, "(inferred)" and its basis,
    or "Not known"; then the note, if any."""
    basis = f" Basis: {fact.basis}" if fact.inferred else ""
    return " ".join(f"{value_text(fact)}{basis} {fact.note or ''}".split())


def note_href(note) -> str:
    """Where a note's "This site's copy" link must point: the source's page, at the paragraph."""
    return f"/{note.source.url}" + (f"#{note.pinpoint.anchor}" if note.pinpoint else "")
