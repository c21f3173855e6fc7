"""The benchmark's chart: build time against the number of sources, as a small SVG."""

from __future__ import annotations

from html import escape

WIDTH, HEIGHT, MARGIN = 640, 360, 56
SERIES = (
    (
        "Full build, cold, search index included",
        "#1f5fa8",
        lambda row: row["full_cold"]["seconds"] + row["full_cold"]["search_seconds"],
    ),
    ("Full build, cold, Pelican run only", "#6a9fd8", lambda row: row["full_cold"]["seconds"]),
    ("Rebuild after one edit, Pelican run only", "#2e7d32", lambda row: row["full_warm"]["seconds"]),
    ("Plain Pelican, cold", "#b23b3b", lambda row: row["plain_cold"]["seconds"]),
)


def _nice_step(top: float) -> float:
    for step in (0.5, 1, 2, 5, 10, 20, 50, 100):
        if top / step <= 8:
            return step
    return 200


def chart_svg(results: list[dict]) -> str:
    sizes = [row["sources"] for row in results]
    top = max(value(row) for _, _, value in SERIES for row in results) * 1.1
    step = _nice_step(top)
    plot_w, plot_h = WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN

    def x(size):
        return MARGIN + plot_w * size / max(sizes)

    def y(seconds):
        return HEIGHT - MARGIN - plot_h * seconds / top

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        'aria-labelledby="title" font-family="system-ui, sans-serif" font-size="12">',
        '<title id="title">Build time in seconds against the number of sources</title>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#fff"/>',
    ]
    tick = 0.0
    while tick <= top:
        parts.append(
            f'<line x1="{MARGIN}" x2="{WIDTH - MARGIN}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" stroke="#ddd"/>'
            f'<text x="{MARGIN - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">{tick:g}</text>'
        )
        tick += step
    for size in sizes:
        parts.append(f'<text x="{x(size):.1f}" y="{HEIGHT - MARGIN + 16}" text-anchor="middle">{size}</text>')
    parts.append(f'<text x="{WIDTH / 2}" y="{HEIGHT - 12}" text-anchor="middle">sources</text>')
    parts.append(f'<text x="14" y="{MARGIN - 14}">seconds</text>')
    for index, (label, colour, value) in enumerate(SERIES):
        points = " ".join(f"{x(row['sources']):.1f},{y(value(row)):.1f}" for row in results)
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for row in results:
            parts.append(
                f'<circle cx="{x(row["sources"]):.1f}" cy="{y(value(row)):.1f}" r="3" fill="{colour}"/>'
            )
        legend_y = MARGIN + index * 18
        parts.append(
            f'<rect x="{MARGIN + 10}" y="{legend_y - 9}" width="12" height="4" fill="{colour}"/>'
            f'<text x="{MARGIN + 28}" y="{legend_y}">{escape(label)}</text>'
        )
    parts.append("</svg>\n")
    return "\n".join(parts)
