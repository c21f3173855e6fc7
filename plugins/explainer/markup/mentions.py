"""Find names of entities in text, in one pass per text whatever the number of entities.

Aliases match as whole words and with the case they are written in ("ICE" is not "ice").
Longer aliases are tried first, so "Amazon Web Services" wins over "Amazon" where both fit.
A name inside the title of a work the matcher is told of (the site's own name, "The Amazon
employees' letter, explained") names the work, not the entity: it is no mention.

One regular expression alternating every alias would test each alias at each word, so time
would grow with text times entities. Instead aliases are indexed by their first word: the
text is scanned once for words, and only the aliases starting with each word are tried.
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
    def __init__(self, aliases_by_slug: dict[str, list[str]], titles: tuple[str, ...] = ()):
        self.titles = tuple(title for title in titles if title)
        self.owner: dict[str, str] = {}
        self.clashes: list[AliasClash] = []  # an alias two entities claim links to neither
        for slug, aliases in aliases_by_slug.items():
            for alias in aliases:
                if self.owner.get(alias, slug) != slug:
                    self.clashes.append(AliasClash(alias, self.owner[alias], slug))
                self.owner.setdefault(alias, slug)
        for clash in self.clashes:
            self.owner.pop(clash.alias, None)
        self.fingerprint = repr((sorted(self.owner.items()), self.titles))
        self.by_first_word: dict[str, list[str]] = {}
        for alias in sorted(self.owner, key=lambda alias: (-len(alias), alias)):
            if alias:
                self.by_first_word.setdefault(_first_word(alias), []).append(alias)
        # Where a name may start, not preceded by a letter or digit (\b would fail next to signs,
        # as in "Mr. Bezos."): a word starting with a letter some alias starts with, or a sign
        # an alias starts with ("#NoTechForICE"). Other words are passed over inside the engine.
        firsts = sorted({word[0] for word in self.by_first_word})
        letters = re.escape("".join(c for c in firsts if _WORD.match(c)))
        signs = re.escape("".join(c for c in firsts if not _WORD.match(c)))
        starts = [rf"[{letters}]\w*"] * bool(letters) + [f"[{signs}]"] * bool(signs)
        self.starts = re.compile(rf"(?<!\w)(?:{'|'.join(starts)})") if starts else None

    def find(self, text: str) -> list[Mention]:
        found, cursor = [], 0
        if self.starts is None:
            return found
        titles = self._titles_in(text)
        for word in self.starts.finditer(text):
            start = word.start()
            if start < cursor or word.group() not in self.by_first_word:
                continue
            for alias in self.by_first_word[word.group()]:
                end = start + len(alias)
                if text.startswith(alias, start) and not _WORD.match(text, end):
                    if not any(first < end and start < last for first, last in titles):
                        found.append(Mention(self.owner[alias], start, end, alias))
                    cursor = end
                    break
        return found

    def _titles_in(self, text: str) -> list[tuple[int, int]]:
        """Where the titles stand in the text, (start, end)."""
        spans = []
        for title in self.titles:
            start = text.find(title)
            while start >= 0:
                spans.append((start, start + len(title)))
                start = text.find(title, start + len(title))
        return spans


_WORD = re.compile(r"\w")
_FIRST_WORD = re.compile(r"\w+|.", re.S)


def _first_word(alias: str) -> str:
    """'U.S. Army' -> 'U'; '#NoTechForICE' -> '#': the text a scan for name starts finds."""
    return _FIRST_WORD.match(alias).group()
