"""The relationships between entities as an SVG drawn at build time: no script, no request.

Entities stand in three columns, campaigners, companies and their products, and government,
and each relationship is an arrow labelled with its verb. Colours come from the stylesheet
(classes, currentColor), so the diagram follows light and dark mode. The page gives a text
equivalent beside it, with citations.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

COLUMNS = {
    "group of people": 0,
    "organisation": 0,
    "company": 1,
    "product": 1,
    "publication": 1,
    "programme": 1,
    "person": 1,
    "government agency": 2,
}
BOX_WIDTH, BOX_HEIGHT, ROW, GAP, MARGIN = 210, 34, 58, 150, 12
LONGEST_LABEL = 28  # characters that fit a box; longer names use their shortest alias


def label_of(entity) -> str:
    if len(entity.name) <= LONGEST_LABEL:
        return entity.name
    return min((entity.name, *entity.aliases), key=len)


def _layout(relationships):
    """Position each entity that takes part in a relationship: {slug: (x, y)} and the size."""
    involved = {}
    for r in relationships:
        involved.setdefault(r.subject.slug, r.subject)
        involved.setdefault(r.object.slug, r.object)
    columns: list[list] = [[], [], []]
    for entity in sorted(involved.values(), key=lambda e: e.name.casefold()):
        columns[COLUMNS.get(entity.type, 1)].append(entity)
    positions = {}
    for index, column in enumerate(columns):
        x = MARGIN + index * (BOX_WIDTH + GAP)
        for row, entity in enumerate(column):
            positions[entity.slug] = (x, MARGIN + 30 + row * ROW)
    width = 2 * MARGIN + 3 * BOX_WIDTH + 2 * GAP
    height = MARGIN * 2 + 30 + max(len(c) for c in columns) * ROW
    return positions, width, height, [e for column in columns for e in column]


def _edge(r, positions) -> str:
    (x1, y1), (x2, y2) = positions[r.subject.slug], positions[r.object.slug]
    label = escape(r.phrase)
    if x1 == x2:  # same column: a curve out to the right and back
        sx, sy, ex, ey = x1 + BOX_WIDTH, y1 + BOX_HEIGHT / 2, x2 + BOX_WIDTH, y2 + BOX_HEIGHT / 2
        bend = sx + 60
        path = f"M{sx},{sy} C{bend},{sy} {bend},{ey} {ex + 6},{ey}"
        lx, ly = bend - 8, (sy + ey) / 2
    else:
        forward = x2 > x1
        sx = x1 + (BOX_WIDTH if forward else 0)
        ex = x2 + (-6 if forward else BOX_WIDTH + 6)
        sy, ey = y1 + BOX_HEIGHT / 2, y2 + BOX_HEIGHT / 2
        path = f"M{sx},{sy} L{ex},{ey}"
        lx, ly = (sx + ex) / 2, (sy + ey) / 2 - 4
    width = 7 * len(r.phrase) + 6  # a backing box keeps the label readable over other arrows
    return (
        f'<path class="edge" d="{path}" marker-end="url(#arrow)"/>'
        f'<rect class="label-bg" x="{lx - width / 2:.0f}" y="{ly - 12:.0f}" '
        f'width="{width}" height="16" rx="3"/>'
        f'<text class="edge-label" x="{lx:.0f}" y="{ly:.0f}" text-anchor="middle">{label}</text>'
    )


def relationship_svg(relationships) -> str:
    """An image only: no links inside, since role="img" may not hold controls; the list has them."""
    if not relationships:
        return ""
    positions, width, height, entities = _layout(relationships)
    parts = [
        f'<svg class="diagram" viewBox="0 0 {width} {height}" role="img" '
        'aria-labelledby="diagram-title diagram-desc" xmlns="http://www.w3.org/2000/svg">',
        '<title id="diagram-title">Who hosts, supplies, serves, owns, protests to or petitions whom</title>',
        f'<desc id="diagram-desc">{len(relationships)} relationships between {len(entities)} people and '
        "organisations; the list beside the diagram gives each one with its source.</desc>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker></defs>',
    ]
    for index, heading in enumerate(("Campaigners", "Companies and products", "Government")):
        x = MARGIN + index * (BOX_WIDTH + GAP) + BOX_WIDTH / 2
        top = MARGIN + 12
        parts.append(
            f'<text class="column-heading" x="{x:.0f}" y="{top}" text-anchor="middle">{heading}</text>'
        )
    parts += [_edge(r, positions) for r in relationships]
    for entity in entities:
        x, y = positions[entity.slug]
        parts.append(
            f'<rect class="node" x="{x}" y="{y}" width="{BOX_WIDTH}" height="{BOX_HEIGHT}" rx="4"/>'
            f'<text class="node-label" x="{x + BOX_WIDTH / 2:.0f}" y="{y + 22}" text-anchor="middle">'
            f"{escape(label_of(entity))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
