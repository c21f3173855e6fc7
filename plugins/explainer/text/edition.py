"""A document as a critical edition shows it: its text once, and at each place where a source
quoting it differs, what that source has there.

The quotations come from letter_quotes, each difference already placed in the document's
paragraphs. Differences whose places overlap make one place; the same difference in several
sources is one reading, with every source that has it as a witness.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from string import ascii_lowercase

from .letter_quotes import QuotedPassage, Variant

STRETCH_WORDS = 3  # words shown from each end of a partial quotation
_CLOSING = ".,;:"  # the stretch ends inside the quotation marks that show it
_LAST_WORD = re.compile(r"(\S*)\s*$")


@dataclass
class Reading:
    """What one or more quotations have at a place: 'spells “militarisation” as “militarization”'."""

    description: str
    witnesses: list[QuotedPassage] = field(default_factory=list)


@dataclass
class Place:
    start: int  # characters of the paragraph; start == end: an addition after the word before
    end: int
    readings: list[Reading] = field(default_factory=list)
    label: str = ""  # "a", "b"… in its paragraph's reading order

    @property
    def addition(self) -> bool:
        """Words a quotation adds: the place is a point after a word, not words of the text."""
        return self.start == self.end

    def touches(self, variant: Variant) -> bool:
        if self.start == self.end or variant.start == variant.end:  # an addition: a point
            return (self.start, self.end) == (variant.start, variant.end) or (
                self.start < variant.start < self.end or variant.start < self.start < variant.end
            )
        return variant.start < self.end and self.start < variant.end


@dataclass
class Piece:
    text: str
    place: Place | None = None


@dataclass
class Witness:
    """A quotation of (part of) one paragraph: the quoting passage and the stretch it quotes."""

    passage: QuotedPassage
    start: int
    end: int
    labels: list[str]  # the places where it differs


@dataclass
class EditedParagraph:
    number: int
    text: str
    pieces: list[Piece]
    places: list[Place]
    witnesses: list[Witness]

    def lemma(self, place: Place) -> str:
        """The paragraph's words at a place; for an addition, the word it follows ("" at the start)."""
        if place.addition:
            return _LAST_WORD.search(self.text[: place.start]).group(1)
        return self.text[place.start : place.end]

    def stretch(self, witness: Witness) -> tuple[str, str] | None:
        """The opening and closing words of what a witness quotes; None when it is all of it."""
        quoted = self.text[witness.start : witness.end].split()
        if quoted == self.text.split():
            return None
        if len(quoted) <= 2 * STRETCH_WORDS:
            return " ".join(quoted).rstrip(_CLOSING), ""
        return " ".join(quoted[:STRETCH_WORDS]), " ".join(quoted[-STRETCH_WORDS:]).rstrip(_CLOSING)


def label(index: int) -> str:
    """'a' … 'z', then 'aa', 'ab' …: a place's letter within its paragraph."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = ascii_lowercase[rest] + letters
    return letters


def _places(variants: list[tuple[Variant, QuotedPassage]]) -> list[Place]:
    places: list[Place] = []
    for variant, passage in sorted(variants, key=lambda found: (found[0].start, found[0].end)):
        if not (places and places[-1].touches(variant)):
            places.append(Place(variant.start, variant.end))
        place = places[-1]
        place.start, place.end = min(place.start, variant.start), max(place.end, variant.end)
        reading = next((r for r in place.readings if r.description == variant.description), None)
        if reading is None:
            reading = Reading(variant.description)
            place.readings.append(reading)
        if passage not in reading.witnesses:
            reading.witnesses.append(passage)
    for index, place in enumerate(places):
        place.label = label(index)
    return places


def _pieces(text: str, places: list[Place]) -> list[Piece]:
    pieces, position = [], 0
    for place in places:
        if place.start > position:
            pieces.append(Piece(text[position : place.start]))
        pieces.append(Piece(text[place.start : place.end], place))
        position = place.end
    return [*pieces, Piece(text[position:])] if position < len(text) else pieces


def edition(paragraphs: list[str], passages: list[QuotedPassage]) -> list[EditedParagraph]:
    """Each paragraph of the document, cut at the places where quotations of it differ."""
    edited = []
    for number, text in enumerate(paragraphs, 1):
        quoting = [p for p in passages if p.first <= number <= p.last]
        found = [(v, p) for p in quoting for v in p.variants if v.paragraph == number]
        places = _places(found)
        witnesses = [
            Witness(
                passage,
                passage.start if passage.first == number else 0,
                passage.end if passage.last == number else len(text),
                [place.label for place in places if any(passage in r.witnesses for r in place.readings)],
            )
            for passage in quoting
        ]
        edited.append(EditedParagraph(number, text, _pieces(text, places), places, witnesses))
    return edited
