"""The model's classes: every kind of content item, and the model that holds them all.

Items refer to one another once linked (a source knows who cites it, an entity its events):
the model is a graph, built by loader.py and links.py, read by every page and export.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar

from ..content.facts import Fact
from ..content.fields import (
    DEMAND_CATEGORIES,
    EVENT_GROUPS,
    PLURAL_TYPES,
    RelativeDate,
    relationship_phrase,
)
from ..content.frontmatter import Document
from ..markup.render import Rendered
from ..text.answers import distinct_answers, is_known
from .cache_keys import call_key


@dataclass(repr=False)  # the model is a graph: see Item.__repr__
class Item:
    slug: str
    path: str
    document: Document
    rendered: Rendered
    # A field whose attribute has another name, the linked object taking the field's (builders.py).
    FIELD_ATTRIBUTES: ClassVar[dict[str, str]] = {}

    def __repr__(self) -> str:
        # Items refer to each other (cited by, named with…): a field-by-field repr would never end.
        return f"<{type(self).__name__} {self.slug}>"

    @property
    def html(self) -> str:
        return self.rendered.html

    @property
    def paragraphs(self) -> list[str]:
        return self.rendered.paragraphs

    @property
    def citations(self) -> list:
        return self.rendered.citations


@dataclass(repr=False)
class Source(Item):
    """An article or document, its text and its provenance: the fields of content/fields.py's
    SOURCE_FIELDS, each a Fact (stated, inferred with a basis, or not known) where it may be."""

    title: Fact = None
    label: str | None = None  # the project's description, where the copy shows no headline
    kind: str = ""
    publication: Fact = None
    authors: Fact = None
    date: Fact = None
    original_url: Fact = None
    archived_url: Fact = None
    accessed: Fact = None
    rights: Fact = None
    summary: str = ""
    text_from: str | None = None  # the source whose text this one reproduces
    edits: tuple[str, ...] = ()
    relative_dates: list[RelativeDate] = field(default_factory=list)  # resolved once linked
    # Linked (links.py): the source text_from names, who reproduces and cites this one, what it names.
    text_source: Source | None = None
    reproduced_in: list[Source] = field(default_factory=list)
    cited_by: list[CitingItem] = field(default_factory=list)
    named: list[tuple[Entity, int]] = field(default_factory=list)  # entities in the text, with counts
    related: list[tuple[Source, int]] = field(default_factory=list)  # sources sharing most entities
    # Where the deployment publishes only the cited paragraphs (published.py): which, and the text.
    kept: frozenset[int] | None = None
    excerpt: Rendered | None = None

    @cached_property
    def cache_fingerprint(self) -> str:
        """What a cached result may read of a source: its key and its paragraphs (their count too)."""
        return call_key(self.slug, self.paragraphs)

    @property
    def url(self) -> str:
        return f"sources/{self.slug}/"

    @property
    def save_as(self) -> str:
        return f"{self.url}index.html"

    @property
    def display_title(self) -> str:
        return self.title.value if self.title.known else self.label

    @property
    def heading(self) -> str:
        """The title as the source's page heads it: one the project wrote (label:) in brackets."""
        return self.display_title if self.title.known else f"[{self.display_title}]"

    @property
    def events(self) -> list[Event]:
        """The timeline events that cite this source, in order."""
        return [c.item for c in self.cited_by if isinstance(c.item, Event)]

    @property
    def campaigns(self) -> list[Campaign]:
        """The campaigns whose figures, demands or outcome cite this source."""
        return [c.item for c in self.cited_by if isinstance(c.item, Campaign)]

    @property
    def claims(self) -> list[Claim]:
        """The claims this source answers."""
        return [c.item for c in self.cited_by if isinstance(c.item, Claim)]

    @property
    def published_html(self) -> str:
        return (self.excerpt or self.rendered).html

    def shows(self, number: int) -> bool:
        """Whether the site reproduces paragraph `number` of this source."""
        return self.kept is None or number in self.kept

    @property
    def omitted(self) -> int:
        return sum(not self.shows(number) for number in range(1, len(self.paragraphs) + 1))


@dataclass(repr=False)
class Page(Item):
    title: str = ""
    description: str = ""

    @property
    def url(self) -> str:
        return {"index": "", "404": "404.html"}.get(self.slug, f"{self.slug}/")

    @property
    def save_as(self) -> str:
        return self.url if self.url.endswith(".html") else f"{self.url}index.html"


@dataclass(repr=False)
class Entity(Item):
    """A company, agency, organisation, person, product or programme the sources name."""

    name: str = ""
    type: str = ""
    aliases: tuple[str, ...] = ()
    events: list[Event] = field(default_factory=list)
    campaigns_led: list[Campaign] = field(default_factory=list)
    campaigns_targeting: list[Campaign] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    relationships: tuple = ()  # specs from the file: {verb, object, cite, index}
    mentions: list[EntityMention] = field(default_factory=list)
    named_with: list[tuple[Entity, int]] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.name

    @property
    def plural(self) -> bool:
        """Whether the name is plural, so that a verb after it agrees ("Amazon employees protest")."""
        return self.type in PLURAL_TYPES

    @property
    def url(self) -> str:
        return f"entities/{self.slug}/"

    @property
    def timeline_url(self) -> str:
        return f"timeline/entity/{self.slug}/"

    @property
    def mentions_by_item(self) -> list[tuple[Item, list[EntityMention]]]:
        grouped: dict[int, tuple[Item, list]] = {}
        for mention in self.mentions:
            grouped.setdefault(id(mention.item), (mention.item, []))[1].append(mention)
        return list(grouped.values())

    @property
    def save_as(self) -> str:
        return f"{self.url}index.html"


@dataclass(repr=False)
class Relationship:
    """Subject verb object, as a cited statement: 'Amazon Web Services hosts Palantir.'"""

    subject: Entity
    verb: str
    object: Entity
    html: str  # the statement rendered with its citation marker
    citation: object

    @property
    def phrase(self) -> str:
        return relationship_phrase(self.verb, self.subject.plural)

    @property
    def citations(self) -> list:
        return [self.citation] if self.citation else []


@dataclass(repr=False)
class EntityMention:
    """One place an entity is named: the item, its paragraph anchor (if any) and the sentence."""

    item: Item
    anchor: str | None
    sentence: str

    @property
    def link(self) -> str:
        # A source paragraph (#p4), else the item's own place on its page (#employees-letter).
        anchor = self.anchor or getattr(self.item, "anchor", None)
        return self.item.url + (f"#{anchor}" if anchor else "")


@dataclass(repr=False)
class Event(Item):
    """Something that happened, dated at the precision the sources allow, with citations."""

    FIELD_ATTRIBUTES: ClassVar[dict[str, str]] = {"entities": "entity_slugs"}

    title: str = ""
    date: object = None  # facts.Fact holding a PartialDate
    end: object = None
    group: str = ""
    expected: bool = False  # the sources foresee it; it had not happened when they were published
    follows: tuple = ()  # specs from the file: {event, explained_by, index}
    # (the event it follows, the claim that explains dates saying otherwise, or None)
    after: list[tuple] = field(default_factory=list)
    entity_slugs: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    @property
    def url(self) -> str:
        return "timeline/"

    @property
    def anchor(self) -> str:
        return self.slug

    @property
    def group_label(self) -> str:
        return EVENT_GROUPS[self.group]


@dataclass
class Quoted:
    """A source's own words with their citation, rendered and checked like any quotation."""

    quote: str
    cite: str
    html: str
    citation: object  # citations.Citation
    category: str | None = None
    value: str | None = None  # a claim's answer, as the source states it
    reckoning: str | None = None  # how the project worked out a value the quotation does not state

    @property
    def category_label(self) -> str:
        return DEMAND_CATEGORIES.get(self.category, "")


@dataclass(repr=False)
class Campaign(Item):
    """A letter, petition, resignation or threat: who asked whom for what, and what came of it."""

    FIELD_ATTRIBUTES: ClassVar[dict[str, str]] = {"actor": "actor_slug", "targets": "target_slugs"}

    title: str = ""
    actor_slug: str = ""
    target_slugs: list[str] = field(default_factory=list)
    date: object = None
    form: str = ""
    participants: list[Quoted] = field(default_factory=list)
    demands: list[Quoted] = field(default_factory=list)
    outcome: list[Quoted] = field(default_factory=list)
    actor: Entity | None = None
    targets: list[Entity] = field(default_factory=list)

    @property
    def url(self) -> str:
        return "demands/"

    @property
    def anchor(self) -> str:
        return f"campaign-{self.slug}"

    @property
    def citations(self) -> list:
        quoted = [q.citation for q in (*self.participants, *self.demands, *self.outcome) if q.citation]
        return [*quoted, *self.rendered.citations]

    def demands_in(self, category: str) -> list[Quoted]:
        return [demand for demand in self.demands if demand.category == category]


@dataclass(repr=False)
class Claim(Item):
    """A question of fact, and each source's answer in its own words."""

    FIELD_ATTRIBUTES: ClassVar[dict[str, str]] = {"entities": "entity_slugs"}

    question: str = ""
    entity_slugs: list[str] = field(default_factory=list)
    disputed: bool = False
    answers: list[Quoted] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.question

    @property
    def url(self) -> str:
        return "differences/"

    @property
    def anchor(self) -> str:
        return f"claim-{self.slug}"

    @property
    def values(self) -> list[str]:
        """The different answers, each in the first wording given for it."""
        return distinct_answers([answer.value for answer in self.answers])

    @property
    def known_values(self) -> list[str]:
        return [value for value in self.values if is_known(value)]

    @property
    def sources_differ(self) -> bool:
        """Two sources give different figures; one that does not know contradicts nobody."""
        return len(self.known_values) > 1

    @property
    def citations(self) -> list:
        return [answer.citation for answer in self.answers if answer.citation]


@dataclass(repr=False)
class CitingItem:
    """One page or item that cites a source, and the ids of its markers (the citing spots)."""

    item: Item
    ref_ids: list[str]

    @property
    def title(self) -> str:
        return getattr(self.item, "title", "") or self.item.slug

    @property
    def kind(self) -> str:
        return type(self.item).__name__.lower()
