"""Where a text's citation markers stand, left for the page to number.

A text is rendered once, wherever it is shown, but a note's number belongs to the page that shows
it: the same event is note 3 on the timeline and note 1 on its entity's page. So the renderer
writes no marker. Its last treeprocessor takes each group of markers (`<sup class="cites">`) off
the element tree and leaves in its place a slot: the ids of the group's markers between two
characters no content can hold (content/characters.py refuses every control character, and
Python-Markdown's own placeholders of these characters are gone by then). The page numbers its
notes once, in reading order, and writes each group where its slot is (pages/notes.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from .base import ExtensionTreeprocessor

SLOT_START, SLOT_END = "\x02", "\x03"
# After every other treeprocessor of the site's and Python-Markdown's (whose last runs at 0).
MARKER_SLOTS_PRIORITY = -20


def is_marker_group(element) -> bool:
    return element.tag == "sup" and element.get("class") == "cites"


class MarkerSlots(ExtensionTreeprocessor):
    def run(self, root):
        for parent in list(root.iter()):
            for child in list(parent):
                if is_marker_group(child):
                    ids = [marker.get("id") for marker in child if marker.get("id")]
                    _replace_with_text(parent, child, f"{SLOT_START}{' '.join(ids)}{SLOT_END}" if ids else "")


def _replace_with_text(parent, child, text: str) -> None:
    """`child` taken out of `parent`, `text` and what followed it left where it stood."""
    index = list(parent).index(child)
    following = text + (child.tail or "")
    if index == 0:
        parent.text = (parent.text or "") + following
    else:
        before = parent[index - 1]
        before.tail = (before.tail or "") + following
    parent.remove(child)


def slots(html: str) -> Iterator[tuple[str, list[str]]]:
    """(text, the ids of the markers that follow it) through the rendered HTML; the last text is
    followed by none."""
    first, *rest = html.split(SLOT_START)
    for piece in rest:
        ids, text = piece.split(SLOT_END, 1)
        yield first, ids.split()
        first = text
    yield first, []


def without_markers(html: str) -> str:
    """The rendered HTML with its slots left empty: a text as words alone."""
    return "".join(text for text, _ in slots(html))
