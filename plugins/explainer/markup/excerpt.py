"""A source's text cut down to the paragraphs the site cites, for a deployment that publishes
only those of a source whose rights are not known.

Numbers and anchors stay as in the full text: each run of left-out paragraphs becomes one short
line that says so, and still holds the anchors (#p4…), so every link into the text lands.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

NUMBERED = ("p", "li")


def _number(element) -> int | None:
    anchor = element.get("id", "")
    if element.tag in NUMBERED and "para" in element.get("class", "").split() and anchor[1:].isdigit():
        return int(anchor[1:])
    return None


def _stub(tag: str, numbers: list[int]):
    first, last = numbers[0], numbers[-1]
    stub = etree.Element(tag, {"id": f"p{first}", "class": "para omitted"})
    which = f"Paragraph {first} is" if first == last else f"Paragraphs {first} to {last} are"
    stub.text = f"[{which} not reproduced here.]"
    stub.tail = "\n"
    for number in numbers[1:]:
        etree.SubElement(stub, "span", {"id": f"p{number}"})
    return stub


def keep_only(parent, keep: frozenset[int]) -> None:
    """Replace each run of numbered children of `parent` not in `keep`, in lists and quotations too."""
    children, run = list(parent), []
    for child in children:
        number = _number(child)
        if number is not None and number not in keep:
            run.append((child, number))
            continue
        _close(parent, run)
        run = []
        if child.tag in ("ul", "ol", "blockquote"):
            keep_only(child, keep)
    _close(parent, run)


def _close(parent, run: list) -> None:
    if not run:
        return
    first = run[0][0]
    parent.insert(list(parent).index(first), _stub(first.tag, [number for _, number in run]))
    for element, _ in run:
        parent.remove(element)
