"""What a change does to the site's claims on the world: citations, quotations, claims and
timeline entries, compared between two models of the content."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Cited:
    where: str  # the citing file
    key: str
    pinpoint: str  # "para. 3", or "" for the source as a whole

    def __str__(self) -> str:
        return f"{self.where} cites {self.key}" + (f", {self.pinpoint}" if self.pinpoint else "")


@dataclass(frozen=True, order=True)
class Quoted:
    where: str
    key: str
    words: str

    def __str__(self) -> str:
        return f"{self.where} quotes \u201c{self.words}\u201d from {self.key}"


@dataclass
class Difference:
    added: list = field(default_factory=list)
    removed: list = field(default_factory=list)


def _difference(before: Counter, after: Counter) -> Difference:
    return Difference(sorted((after - before).elements()), sorted((before - after).elements()))


def _citations(model) -> tuple[Counter, Counter]:
    cited, quoted = Counter(), Counter()
    spots = [(item.path, c) for item in model.items() for c in item.citations]
    spots += [(r.subject.path, r.citation) for r in model.relationships if r.citation]
    for path, citation in spots:
        cited[Cited(path, citation.key, citation.pinpoint.label if citation.pinpoint else "")] += 1
        for words in citation.quotations:
            quoted[Quoted(path, citation.key, words)] += 1
    return cited, quoted


def _timeline(model) -> Counter:
    entries = [f"{event.date.value.iso()}: {event.title} ({event.path})" for event in model.events]
    entries += [f"{s.date.value.iso()}: {s.display_title} ({s.path})" for s in model.sources if s.date.known]
    return Counter(entries)


def _claims(model) -> Counter:
    return Counter(f"{claim.question} ({claim.path})" for claim in model.claims)


@dataclass
class ContentChanges:
    citations: Difference
    quotations: Difference
    claims: Difference
    timeline: Difference


def compare_models(before, after) -> ContentChanges:
    cited_before, quoted_before = _citations(before)
    cited_after, quoted_after = _citations(after)
    return ContentChanges(
        citations=_difference(cited_before, cited_after),
        quotations=_difference(quoted_before, quoted_after),
        claims=_difference(_claims(before), _claims(after)),
        timeline=_difference(_timeline(before), _timeline(after)),
    )
