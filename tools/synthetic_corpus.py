"""A synthetic content tree with the real content's shape, at any size, for `make bench`.

Every kind of content is generated in proportion to the number of sources, with the features
that cost build time: numbered paragraphs that name entities, quotations of a primary
document, checked quotations with pinpoint citations in events, entities, campaigns and
claims, relationships between entities, and relative dates. The same seed gives the same tree.

`plain_pelican_tree` writes the same Markdown for Pelican without the explainer: metadata in
Pelican's own header format, sources as articles, everything else as pages.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

# Proportions per source, close to a grown-up version of the real content.
EVENTS_PER_SOURCE = 1.0
ENTITIES_PER_SOURCE = 0.25
CAMPAIGNS_PER_SOURCE = 0.1
CLAIMS_PER_SOURCE = 0.2
PARAGRAPHS_PER_SOURCE = 10
LETTER_SLUG = "the-letter"
GROUPS = ["amazon", "microsoft", "google", "palantir", "government", "civil-society", "press", "history"]
ENTITY_TYPES = ["company", "government agency", "organisation", "person", "product", "publication"]
FORMS = ["open letter", "coalition letter", "petition", "internal petition"]
CATEGORIES = ["stop-face-recognition-sales", "end-ice-support", "transparency", "stop-military-work"]
WORDS = [
    "the",
    "workers",
    "company",
    "contract",
    "police",
    "software",
    "agency",
    "report",
    "letter",
    "public",
    "government",
    "system",
    "technology",
    "cloud",
    "service",
    "customer",
    "data",
    "camera",
    "image",
    "face",
    "record",
    "program",
    "request",
    "question",
    "answer",
    "meeting",
    "group",
    "policy",
    "rule",
    "court",
    "city",
    "county",
    "state",
    "office",
    "decision",
    "protest",
    "petition",
    "review",
    "response",
    "statement",
    "concern",
    "risk",
    "right",
    "law",
    "use",
    "sale",
    "market",
    "product",
    "team",
    "staff",
    "employee",
    "manager",
    "leader",
    "board",
    "member",
    "share",
    "price",
    "week",
    "month",
    "year",
    "day",
    "plan",
    "vote",
    "signature",
    "demand",
    "change",
]
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ter",
    "van",
    "sul",
    "ro",
    "dex",
    "pri",
    "na",
    "bel",
    "cor",
    "tis",
    "mon",
    "gra",
    "fe",
    "lu",
    "zan",
    "quo",
    "rin",
    "pa",
    "ve",
    "hol",
    "dri",
]


@dataclass
class Paragraphs:
    """A source's paragraphs, kept so that quotations can be taken from them."""

    slug: str
    texts: list[str] = field(default_factory=list)

    def quotation(self, rng: random.Random) -> tuple[str, int]:
        """Eight consecutive words of one paragraph with no entity name in them, and its number."""
        number = rng.randrange(1, len(self.texts) + 1)
        first_sentence = self.texts[number - 1].split(". ")[0]
        words = first_sentence.split()[:8]
        return " ".join(words), number


def _name(rng: random.Random, taken: set[str]) -> str:
    while True:
        word = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
        if word not in taken:
            taken.add(word)
            return word


def _sentence(rng: random.Random, names: list[str] = ()) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(10, 18))]
    for name in names:
        words.insert(rng.randrange(3, len(words)), name)
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _yaml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Corpus:
    def __init__(self, sources: int, seed: int = 2018):
        self.rng = random.Random(seed)
        taken: set[str] = set()
        count = max(8, round(sources * ENTITIES_PER_SOURCE))
        self.entities = [
            (f"entity-{i:05d}", f"{_name(self.rng, taken)} {_name(self.rng, taken)}") for i in range(count)
        ]
        self.popularity = list(accumulate(1 / rank for rank in range(1, count + 1)))  # Zipf's law
        self.start = date(2016, 1, 1)
        self.paragraphs: dict[str, Paragraphs] = {}
        self.files: dict[str, str] = {}
        self.slugs: list[str] = [LETTER_SLUG]
        self._letter()
        for index in range(sources):
            self._source(index)
        for index in range(round(sources * EVENTS_PER_SOURCE)):
            self._event(index)
        for index, (slug, name) in enumerate(self.entities):
            self._entity(index, slug, name)
        for index in range(max(1, round(sources * CAMPAIGNS_PER_SOURCE))):
            self._campaign(index)
        for index in range(max(1, round(sources * CLAIMS_PER_SOURCE))):
            self._claim(index)
        self._pages()

    # Helpers --------------------------------------------------------------------------------

    def _some_entities(self, count: int) -> list[tuple[str, str]]:
        """Distinct entities, the first few far more often than the rest, as in real reporting."""
        chosen: dict[str, str] = {}
        while len(chosen) < count:
            slug, name = self.rng.choices(self.entities, cum_weights=self.popularity)[0]
            chosen[slug] = name
        return list(chosen.items())

    def _cited_quote(self, slug: str | None = None) -> tuple[str, str]:
        """A quotation from a source (by default any) and its citation, 'words', 'slug, para. N'."""
        slug = slug or self.rng.choice(self.slugs)
        words, number = self.paragraphs[slug].quotation(self.rng)
        return words, f"{slug}, para. {number}"

    def _cited_sentence(self) -> str:
        words, cite = self._cited_quote()
        return f"{_sentence(self.rng)} One report says \u201c{words}\u201d.[@{cite}]"

    def _day(self, index: int) -> date:
        return self.start + timedelta(days=index % 1500)

    # Kinds ----------------------------------------------------------------------------------

    def _letter(self):
        texts = [" ".join(_sentence(self.rng) for _ in range(3)) for _ in range(6)]
        self.paragraphs[LETTER_SLUG] = Paragraphs(LETTER_SLUG, texts)
        self.files[f"sources/{LETTER_SLUG}.md"] = (
            "---\ntitle: The letter\nkind: primary document\npublication: unknown\nauthors: unknown\n"
            "date: 2016-01-01\noriginal_url: unknown\narchived_url: unknown\naccessed: unknown\n"
            "summary: The primary document the other sources quote.\n---\n" + "\n\n".join(texts) + "\n"
        )

    def _source(self, index: int):
        slug = f"source-{index:05d}"
        letter = self.paragraphs[LETTER_SLUG].texts
        texts = []
        for number in range(PARAGRAPHS_PER_SOURCE):
            names = [name for _, name in self._some_entities(2)]
            sentences = [_sentence(self.rng, names[:1]), _sentence(self.rng, names[1:]), _sentence(self.rng)]
            if number == 3:  # a quotation of the letter, for the differences page
                sentences.append(f"The letter says \u201c{letter[index % len(letter)].split('. ')[0]}.\u201d")
            texts.append(" ".join(sentences))
        texts[0] = "Last Thursday " + texts[0][0].lower() + texts[0][1:]
        self.paragraphs[slug] = Paragraphs(slug, texts)
        self.slugs.append(slug)
        day = self._day(index)
        self.files[f"sources/{slug}.md"] = (
            f"---\ntitle: Report number {index}\nkind: news report\npublication: Paper {index % 40}\n"
            f"authors: [{{given: Writer, family: No{index % 90}}}]\ndate: {day.isoformat()}\n"
            f"original_url: https://example.com/{slug}\narchived_url: unknown\naccessed: unknown\n"
            f"summary: Synthetic report {index} in the project's words.\n"
            "relative_dates:\n  - phrase: Last Thursday\n    paragraph: 1\n---\n" + "\n\n".join(texts) + "\n"
        )

    def _event(self, index: int):
        involved = [slug for slug, _ in self._some_entities(2)]
        body = " ".join(self._cited_sentence() for _ in range(2))
        # Before every source (they start in 2016): an event cannot postdate all its reports.
        day = self.start - timedelta(days=1 + index % 1500)
        self.files[f"events/event-{index:05d}.md"] = (
            f"---\ntitle: Event number {index}\ndate: {day.isoformat()}\n"
            f"group: {GROUPS[index % len(GROUPS)]}\nentities: [{', '.join(involved)}]\n---\n{body}\n"
        )

    def _entity(self, index: int, slug: str, name: str):
        other = self.entities[(index + 1) % len(self.entities)][0]
        _, cite = self._cited_quote()
        self.files[f"entities/{slug}.md"] = (
            f"---\nname: {name}\ntype: {ENTITY_TYPES[index % len(ENTITY_TYPES)]}\n"
            f"aliases: [{name.split()[0]} {name.split()[1][0]}.]\n"
            f"relationships:\n  - verb: supplies\n    object: {other}\n    cite: {cite}\n"
            f"---\n{self._cited_sentence()}\n"
        )

    def _quoted_entries(self, count: int, extra: dict | None = None) -> str:
        lines = []
        # Each entry quotes a different source, as a disputed claim needs two.
        for number, slug in enumerate(self.rng.sample(self.slugs, count)):
            words, cite = self._cited_quote(slug)
            first = True
            for key, value in {**(extra or {}), "quote": words, "cite": cite}.items():
                value = value(number) if callable(value) else value
                lines.append(f"  {'- ' if first else '  '}{key}: {_yaml_text(value)}")
                first = False
        return "\n".join(lines)

    def _campaign(self, index: int):
        actor, target = (slug for slug, _ in self._some_entities(2))
        demands = self._quoted_entries(2, {"category": lambda n: CATEGORIES[(index + n) % len(CATEGORIES)]})
        self.files[f"campaigns/campaign-{index:05d}.md"] = (
            f"---\ntitle: Campaign number {index}\nactor: {actor}\ntargets: [{target}]\n"
            f"date: {self._day(index * 7).isoformat()}\nform: {FORMS[index % len(FORMS)]}\n"
            f"participants:\n{self._quoted_entries(1)}\ndemands:\n{demands}\noutcome: not reported\n"
            f"---\n{self._cited_sentence()}\n"
        )

    def _claim(self, index: int):
        about = ", ".join(slug for slug, _ in self._some_entities(2))
        # The quotations are random words: the figures are the benchmark's own reckoning.
        reckoned = {"value": lambda n: f"{40 + n} people", "reckoning": "a figure made up for the benchmark"}
        answers = self._quoted_entries(2, reckoned)
        self.files[f"claims/claim-{index:05d}.md"] = (
            f"---\nquestion: How many took part in number {index}?\nentities: [{about}]\n"
            f"disputed: true\nanswers:\n{answers}\n---\n"
        )

    def _pages(self):
        intro = "\n\n".join(self._cited_sentence() for _ in range(6))
        self.files["pages/index.md"] = (
            "---\ntitle: In brief\ndescription: A synthetic explainer for the benchmark.\n---\n"
            f"{intro}\n\nSee [the timeline](/timeline/) and [the sources](/sources/).\n"
        )
        self.files["pages/about.md"] = "---\ntitle: About\ndescription: About the benchmark.\n---\nA page.\n"
        self.files["pages/404.md"] = "---\ntitle: Page not found\ndescription: Not here.\n---\nNothing.\n"

    # Output ---------------------------------------------------------------------------------

    def write(self, content: Path) -> None:
        for relative, text in self.files.items():
            target = content / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")

    def write_plain_pelican(self, content: Path) -> None:
        """The same Markdown with Pelican's own metadata header: no YAML, no plugins."""
        for relative, text in self.files.items():
            kind, name = relative.split("/")
            _, front, body = text.split("---\n", 2)
            title = next(
                (
                    line.split(": ", 1)[1]
                    for line in front.splitlines()
                    if line.split(":")[0] in ("title", "name", "question")
                ),
                name,
            )
            listed = front if kind in ("campaigns", "claims") else ""  # their quotations are content
            folder = "articles" if kind == "sources" else "pages"
            header = (
                f"Title: {title.strip(chr(34))}\nSlug: {kind}-{name[:-3]}\n"
                f"Date: 2018-06-25\nCategory: {kind}\n"
            )
            quoted = "\n".join(f"    {line}" for line in listed.splitlines())
            target = content / folder / f"{kind}-{name}"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(f"{header}\n{body}\n{quoted}\n", encoding="utf-8")


if __name__ == "__main__":  # python tools/synthetic_corpus.py 50 /tmp/corpus
    import sys

    corpus = Corpus(int(sys.argv[1]))
    corpus.write(Path(sys.argv[2]))
    print(f"wrote {len(corpus.files)} files to {sys.argv[2]}")
