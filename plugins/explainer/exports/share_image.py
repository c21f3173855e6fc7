"""The image link previews show, drawn at build time with Pillow (nothing fetched)."""

from __future__ import annotations

import io
import textwrap

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
BACKGROUND, FOREGROUND, ACCENT = (22, 52, 92), (255, 255, 255), (255, 214, 102)


def share_png(title: str, subtitle: str) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    # Pillow's own scalable font: the same pixels on every machine, no system font needed.
    heading, body = ImageFont.load_default(size=68), ImageFont.load_default(size=34)
    y = 90
    for line in textwrap.wrap(title, 28):
        draw.text((80, y), line, font=heading, fill=FOREGROUND)
        y += 84
    draw.rectangle((80, y + 20, 240, y + 28), fill=ACCENT)
    y += 70
    for line in textwrap.wrap(subtitle, 58)[:5]:
        draw.text((80, y), line, font=body, fill=FOREGROUND)
        y += 46
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
