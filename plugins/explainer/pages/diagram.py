"""The relationships between entities as SVG drawn at build time: no script, no request.

Two drawings of one graph, and the stylesheet shows the one that fits:

- wide screens: a layered drawing, left to right (grandalf's Sugiyama layout gives each entity
  its layer and orders each layer by the barycentre of its neighbours, so few arrows cross);
  each arrow bends through its label, set in the gap between two layers, so no label covers
  a box or another label;
- phones: top to bottom, one block per entity that acts on others, its arrows fanning out to
  each entity it acts on, so the column is never wider than the screen.

Colours come from the stylesheet (classes, currentColor), so both follow light and dark mode.
The page gives a text equivalent beside them, with citations.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from grandalf.graphs import Edge, Graph, Vertex
from grandalf.layouts import SugiyamaLayout

LONGEST_LABEL = 28  # characters; longer names use their shortest alias
LINE, P_LINE = 17, 13  # characters of a name on one line of a box: wide, phone
LINE_H = 16
# Wide drawing: box size, gap between layers (room for a label), row height.
BOX_W, BOX_H, GAP, ROW, MARGIN = 150, 44, 100, 56, 8
# Phone drawing: in CSS pixels at 390 px wide (the column is 358 px).
PHONE_W, P_BOX_W, P_BOX_H, P_ROW, P_BLOCK = 358, 128, 40, 46, 14
P_MOST_LINES = 3  # a phone's narrow box breaks a long name into three lines rather than spill
LABEL_H = 16
TITLE = "Who hosts, supplies, serves, owns, protests to or petitions whom"


def label_of(entity) -> str:
    if len(entity.name) <= LONGEST_LABEL:
        return entity.name
    return min((entity.name, *entity.aliases), key=len)


def _lines(text: str, limit: int, most: int = 2) -> list[str]:
    """A name in at most `most` lines of about `limit` characters, broken between words."""
    words, lines = text.split(), [""]
    for word in words:
        if lines[-1] and len(lines[-1]) + 1 + len(word) > limit and len(lines) < most:
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}".strip()
    return lines


def _box(entity, x: float, y: float, w: float, h: float, limit: int = LINE, most: int = 2) -> str:
    lines = _lines(label_of(entity), limit, most)
    first = y + h / 2 - (len(lines) - 1) * LINE_H / 2 + 5
    spans = "".join(
        f'<tspan x="{x + w / 2:.0f}" y="{first + i * LINE_H:.0f}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return (
        f'<rect class="node" x="{x:.0f}" y="{y:.0f}" width="{w}" height="{h}" rx="4"/>'
        f'<text class="node-label" text-anchor="middle">{spans}</text>'
    )


def _label(text: str, x: float, y: float) -> str:
    width = 7.5 * len(text) + 8  # a backing box keeps the label readable over other arrows
    return (
        f'<rect class="label-bg" x="{x - width / 2:.0f}" y="{y - 12:.0f}" width="{width:.0f}" '
        f'height="{LABEL_H}" rx="3"/>'
        f'<text class="edge-label" x="{x:.0f}" y="{y:.0f}" text-anchor="middle">{escape(text)}</text>'
    )


def _layers(relationships) -> tuple[list[list[list]], list[list]]:
    """Each connected group's layers, left to right, each layer ordered to cross few arrows (a
    slot is an entity, or a bend point of an arrow that spans layers); and for each relationship
    the bend points its arrow passes."""
    vertices, edges = {}, []
    for r in relationships:
        for entity in (r.subject, r.object):
            vertices.setdefault(entity.slug, Vertex(entity))
        edges.append(Edge(vertices[r.subject.slug], vertices[r.object.slug]))
    graph = Graph(list(vertices.values()), edges)
    groups, bends = [], [[] for _ in edges]
    for component in graph.C:
        for vertex in component.sV:
            vertex.view = type("View", (), {"w": BOX_H, "h": BOX_W})()
        layout = SugiyamaLayout(component)
        layout.init_all()
        layout.draw(4)  # rounds of barycentre ordering
        groups.append([[getattr(v, "data", v) for v in layer] for layer in layout.layers])
        for index, edge in enumerate(edges):
            if edge in layout.ctrls:
                route = layout.ctrls[edge]
                bends[index] = [route[rank] for rank in sorted(route)[1:-1]]
    # The largest group first; groups of one size in the order of their first entity's name.
    groups.sort(key=lambda g: (-sum(map(len, g)), g[0][0].name))
    return groups, bends


def _wide(relationships, groups, bends) -> tuple[str, int, int]:
    """Layers as columns; an arrow bends through its label in the gap after its subject's layer,
    then through its bend points in the layers it crosses."""
    place, top = {}, MARGIN
    layer_count = max(len(g) for g in groups)
    for group in groups:
        rows = max(len(layer) for layer in group)
        for index, layer in enumerate(group):
            offset = top + (rows - len(layer)) * ROW / 2
            for row, slot in enumerate(layer):
                key = slot.slug if hasattr(slot, "slug") else id(slot)
                place[key] = (MARGIN + index * (BOX_W + GAP), offset + row * ROW, index)
        top += rows * ROW + ROW / 2
    width = 2 * MARGIN + layer_count * BOX_W + (layer_count - 1) * GAP
    by_gap: dict[int, list] = {}
    for r, bend in zip(relationships, bends, strict=True):
        sx, sy, layer = place[r.subject.slug]
        ex, ey, _ = place[r.object.slug]
        start, end = (sx + BOX_W, sy + BOX_H / 2), (ex - 6, ey + BOX_H / 2)
        if ex <= sx:  # an arrow back to an earlier layer leaves from the box's left side
            start, end = (sx, sy + BOX_H / 2), (ex + BOX_W + 6, ey + BOX_H / 2)
            layer -= 1
        # A bend point stands in its layer's column; the arrow crosses it level, at mid-row.
        through = [(x, y + BOX_H / 2, x + BOX_W) for x, y, _ in (place[id(b)] for b in bend)]
        after = through[0][1] if through else end[1]
        by_gap.setdefault(layer, []).append([r, start, end, (start[1] + after) / 2, through])
    parts = []
    for layer, edges in by_gap.items():
        # Labels in one gap keep their order and are pushed apart until none covers another.
        edges.sort(key=lambda e: e[3])
        for before, following in zip(edges, edges[1:], strict=False):
            following[3] = max(following[3], before[3] + LABEL_H + 2)
        x = MARGIN + layer * (BOX_W + GAP) + BOX_W + GAP / 2
        for r, (x1, y1), (x2, y2), y, through in edges:
            points = [(x1, y1), (x, y)] + [p for bx, by, bx2 in through for p in ((bx, by), (bx2, by))]
            path = " L".join(f"{px:.0f},{py:.0f}" for px, py in [*points, (x2, y2)])
            parts.append(f'<path class="edge" d="M{path}" marker-end="url(#arrow-wide)"/>')
            parts.append(_label(r.phrase, x, y + 4))
    for group in groups:
        for layer in group:
            for slot in layer:
                if hasattr(slot, "slug"):
                    x, y, _ = place[slot.slug]
                    parts.append(_box(slot, x, y, BOX_W, BOX_H))
    lowest = max(e[3] for edges in by_gap.values() for e in edges) + LABEL_H
    return "".join(parts), width, int(max(top, lowest))


def _phone(relationships, groups) -> tuple[str, int, int]:
    """One block per subject, in layer order: its box at left, arrows fanning out to each object."""
    order = [e.slug for g in groups for layer in g for e in layer if hasattr(e, "slug")]
    acts: dict[str, list] = {}
    for r in sorted(relationships, key=lambda r: (order.index(r.subject.slug), order.index(r.object.slug))):
        acts.setdefault(r.subject.slug, []).append(r)
    # Every box as tall as the longest name needs, so rows stay even and no name spills.
    names = {e.slug: e for r in relationships for e in (r.subject, r.object)}
    lines = max(len(_lines(label_of(e), P_LINE, P_MOST_LINES)) for e in names.values())
    box_h = max(P_BOX_H, lines * LINE_H + 10)
    row_h = P_ROW + box_h - P_BOX_H
    parts, top = [], MARGIN
    right = PHONE_W - P_BOX_W
    for slug in order:
        if slug not in acts:
            continue
        block = acts[slug]
        mid = top + (len(block) - 1) * row_h / 2
        parts.append(_box(block[0].subject, 1, mid, P_BOX_W, box_h, P_LINE, P_MOST_LINES))
        for row, r in enumerate(block):
            y = top + row * row_h
            (x1, y1), (x2, y2) = (P_BOX_W + 1, mid + box_h / 2), (right - 7, y + box_h / 2)
            parts.append(
                f'<path class="edge" d="M{x1},{y1:.0f} L{x2},{y2:.0f}" marker-end="url(#arrow-phone)"/>'
            )
            # The label sits on its arrow near the box it points to, where arrows are a row apart.
            lx = x2 - 4 - (7.5 * len(r.phrase) + 8) / 2
            ly = y1 + (y2 - y1) * (lx - x1) / (x2 - x1)
            parts.append(_label(r.phrase, lx, ly + 4))
            parts.append(_box(r.object, right - 1, y, P_BOX_W, box_h, P_LINE, P_MOST_LINES))
        top += len(block) * row_h + P_BLOCK
    return "".join(parts), PHONE_W, int(top)


def _svg(kind: str, body: str, width: int, height: int, relationships, count: int) -> str:
    return (
        f'<svg class="diagram diagram-{kind}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="diagram-{kind}-title diagram-{kind}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="diagram-{kind}-title">{TITLE}</title>'
        f'<desc id="diagram-{kind}-desc">{len(relationships)} relationships between {count} people and '
        "organisations; the list beside the diagram gives each one with its source.</desc>"
        f'<defs><marker id="arrow-{kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker></defs>'
        f"{body}</svg>"
    )


def relationship_svg(relationships) -> str:
    """Images only: no links inside, since role="img" may not hold controls; the list has them."""
    if not relationships:
        return ""
    groups, bends = _layers(relationships)
    count = len({e.slug for r in relationships for e in (r.subject, r.object)})
    wide = _svg("wide", *_wide(relationships, groups, bends), relationships, count)
    return wide + _svg("phone", *_phone(relationships, groups), relationships, count)
