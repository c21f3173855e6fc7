"""One numbering of notes for a whole page, whatever items the page gathers.

A text is rendered once and may be shown on several pages, so it carries no numbers: where each
group of its markers stands it holds a slot naming the markers (markup/marker_slots.py). A page
adds its items' citations in reading order, numbering each source and paragraph once, and
writes every group where its slot is: one number, one note, whose letters lead back to every
marker citing it.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..content.phrasing import paragraph_sign, when_text, who_text
from ..markup.citations import Note
from ..markup.marker_slots import slots
from ..text.highlight import segments
from .present import signed

# As Python-Markdown wrote the group before the page numbered its markers.
GROUP_OPENING, GROUP_CLOSING = '<sup class="cites" data-pagefind-ignore="">', "</sup>"


@dataclass(eq=False)
class PageNote(Note):
    """A note as the page numbers it: markup's Note, with a page-wide number and id, and how it reads."""

    # One note is one object: compared and hashed by identity, not by its fields.
    __eq__ = object.__eq__
    __hash__ = object.__hash__

    @property
    def who(self) -> tuple[str, bool]:
        return who_text(
            self.source.publication, self.source.authors, self.source.kind, self.source.display_title
        )

    @property
    def when(self) -> tuple[str, bool]:
        return when_text(self.source.date)

    @property
    def where(self) -> str:
        return paragraph_sign(self.pinpoint)

    @property
    def href(self) -> str:
        return f"{self.source.url}#{self.anchor}" if self.pinpoint else self.source.url

    @property
    def reference(self) -> Markup:
        """'WSWS, 25 June 2018, ¶ 4', with a sign after a worked-out name or date."""
        parts = [signed(*self.who), signed(*self.when)]
        if self.where:
            parts.append(escape(self.where))
        return Markup(", ").join(parts)

    @property
    def anchor(self) -> str:
        return self.pinpoint.anchor if self.pinpoint else ""

    @property
    def excerpt(self) -> list[tuple[int, tuple[tuple[str, bool], ...]]]:
        """Each cited paragraph, numbered, as (text, quoted) runs, for the preview; [] without a pinpoint."""
        if not self.pinpoint:
            return []
        quotations = tuple(self.quotations)
        return [
            (number, segments(self.source.paragraphs[number - 1], quotations))
            for number in range(self.pinpoint.first, self.pinpoint.last + 1)
        ]

    def excerpt_html(self) -> Markup:
        """The hidden paragraphs the preview shows, their quoted words marked; a range numbers each."""
        numbered = len(self.excerpt) > 1
        paragraphs = "".join(
            "<p>"
            + (f'<span class="excerpt-number">\u00b6 {number}</span> ' if numbered else "")
            + "".join(f"<mark>{escape(t)}</mark>" if quoted else str(escape(t)) for t, quoted in runs)
            + "</p>"
            for number, runs in self.excerpt
        )
        return Markup(
            f'<blockquote class="note-excerpt" hidden data-pagefind-ignore>{paragraphs}</blockquote>'
        )


class PageNotes:
    """The notes of one page, numbered in the order the page shows its items."""

    def __init__(self, siteurl: str = "", shared: dict | None = None):
        self._siteurl = siteurl
        self._notes: dict[tuple, PageNote] = {}
        self._by_ref: dict[str, PageNote] = {}
        # A note reads the same on every page that cites it: its reference and paragraph are
        # made once a build, whatever number each page gives it.
        self._shared = {} if shared is None else shared

    def body(self, note: PageNote) -> Markup:
        """The note's reference, linked to the paragraph, and the paragraph for the preview."""
        key = (note.source.slug, note.pinpoint, tuple(note.quotations))
        if key not in self._shared:
            self._shared[key] = (note.reference, note.excerpt_html() if note.pinpoint else Markup(""))
        reference, excerpt = self._shared[key]
        return Markup('<a class="note-link" id="{}" href="{}">{}</a>{}').format(
            note.text_id, self._siteurl + "/" + note.href, reference, excerpt
        )

    def add(self, citations) -> None:
        """An item's citations, in its reading order; call in the order the page shows items."""
        for citation in citations:
            if not citation.ref_id or citation.note is None or citation.note.source is None:
                continue
            identity = (citation.key, citation.pinpoint)
            note = self._notes.get(identity)
            if note is None:
                number = len(self._notes) + 1
                note = PageNote(number, f"cite-note-{number}", citation.note.source, citation.pinpoint)
                self._notes[identity] = note
            note.ref_ids.append(citation.ref_id)
            note.quotations.extend(q for q in citation.quotations if q not in note.quotations)
            self._by_ref[citation.ref_id] = note

    @property
    def notes(self) -> list[PageNote]:
        return list(self._notes.values())

    @property
    def sources(self) -> list:
        """Each source the page cites, once, by the name its short notes give it."""
        cited = {note.source.slug: note for note in self._notes.values()}
        return [note.source for note in sorted(cited.values(), key=lambda n: n.who[0].casefold())]

    @property
    def any_inferred(self) -> bool:
        return any(n.who[1] or n.when[1] for n in self._notes.values())

    def html(self, html: str, sidenotes: bool = False) -> Markup:
        """An item's HTML with each group of markers written where its slot is, numbered for this
        page and pointing at its notes.

        With sidenotes, each group is followed by its notes, hidden unless the stylesheet has a
        margin to set them in (wide screens); the list at the end stays.
        """
        out, last = [], set()  # a note cited again at once is not set in the margin twice
        for text, ref_ids in slots(str(html)):
            out.append(text)
            if ref_ids:
                notes = [self._note_of(ref_id) for ref_id in ref_ids]
                out += [GROUP_OPENING, *(self._marker(r, n) for r, n in zip(ref_ids, notes, strict=True))]
                out.append(GROUP_CLOSING)
                if sidenotes:
                    out.append(self._sidenotes(notes, last))
        return Markup("".join(out))

    def _note_of(self, ref_id: str) -> PageNote:
        note = self._by_ref.get(ref_id)
        if note is None:  # a programming error: every item a page shows gives it its citations
            raise LookupError(f"the marker {ref_id} is shown on a page that did not number its item")
        return note

    def _sidenotes(self, notes: list[PageNote], last: set[int]) -> str:
        fresh = [n for n in dict.fromkeys(notes) if n.number not in last]
        if not fresh:
            return ""
        last.clear()
        last.update(n.number for n in fresh)
        lines = "".join(
            f'<span class="sidenote-line"><span class="sidenote-number">{n.number}</span> '
            f'<a href="{self._siteurl}/{n.href}">{n.reference}</a></span>'
            for n in fresh
        )
        return f'<span class="sidenote" hidden data-pagefind-ignore>{lines}</span>'

    @staticmethod
    def _marker(ref_id: str, note: PageNote) -> str:
        return (
            f'<a class="cite-ref" href="#{note.id}" id="{escape(ref_id)}" '
            f'aria-describedby="{note.text_id}">[{note.number}]</a>'
        )
