"""Find names of entities in text: one combined pattern over every alias, one pass per text.

Aliases match as whole words and with the case they are written in ("ICE" is not "ice").
Longer aliases are tried first, so "Amazon Web Services" wins over "Amazon" where both fit;
the regular expression scans the text once, left to right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class AliasClash:
    alias: str
    first: str  # the slug that kept the alias
    second: str  # the slug that claimed it again


@dataclass(frozen=True)
class Mention:
    slug: str
    start: int
    end: int
    text: str


class EntityMatcher:
    def __init__(self, aliases_by_slug: dict[str, list[str]]):
        self.owner: dict[str, str] = {}
        self.clashes: list[AliasClash] = []  # an alias two entities claim links to neither
        for slug, aliases in aliases_by_slug.items():
            for alias in aliases:
                if self.owner.get(alias, slug) != slug:
                    self.clashes.append(AliasClash(alias, self.owner[alias], slug))
                self.owner.setdefault(alias, slug)
        for clash in self.clashes:
            self.owner.pop(clash.alias, None)
        ordered = sorted(self.owner, key=lambda alias: (-len(alias), alias))
        alternatives = "|".join(re.escape(alias) for alias in ordered)
        # \b would fail next to a non-word edge ("Mr. Bezos."); look-arounds state the intent.
        self.pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if ordered else None

    def find(self, text: str) -> list[Mention]:
        if self.pattern is None:
            return []
        return [
            Mention(self.owner[m.group()], m.start(), m.end(), m.group()) for m in self.pattern.finditer(text)
        ]
