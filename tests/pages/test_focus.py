"""The keyboard's focus indicator (issue 28): on every kind of page, at 390 and 1400 px, each stop
of the Tab key shows an indicator that lies wholly on screen and inside any box that clips it,
and covers none of the words beside it."""

from __future__ import annotations

import pytest
from conftest import PHONE, WIDE
from test_site import PAGE_TYPES

pytestmark = pytest.mark.browser

# How far each Tab stop's indicator reaches, from its outline and box shadows; what of the text in
# its block (a paragraph, list item, cell…) lies under that reach; and what cuts it off.
MEASURE = """() => {
  const el = document.activeElement, style = getComputedStyle(el);
  if (el === document.body) return {what: 'body', covered: [], cut: false, visible: false};
  const px = v => parseFloat(v) || 0;
  let [top, right, bottom, left] = [0, 0, 0, 0];
  if (style.outlineStyle !== 'none' && !/rgba\\(.*, 0\\)$|transparent/.test(style.outlineColor)) {
    top = right = bottom = left = px(style.outlineWidth) + px(style.outlineOffset);  // < 0: inside
  }
  for (const shadow of style.boxShadow === 'none' ? [] : style.boxShadow.split(/,(?![^(]*\\))/)) {
    if (/inset/.test(shadow)) continue;
    const [x, y, blur, spread] = (shadow.replace(/rgba?\\([^)]*\\)/, '').match(/-?[\\d.]+px/g) || []).map(px);
    const grow = (blur || 0) + (spread || 0);
    top = Math.max(top, grow - y); bottom = Math.max(bottom, grow + y);
    left = Math.max(left, grow - x); right = Math.max(right, grow + x);
  }
  // What is drawn: the box where it has a fill, else (and where the fill stops at the content)
  // only the text inside the padding.
  const bare = style.backgroundColor === 'rgba(0, 0, 0, 0)' || style.backgroundClip === 'content-box';
  const pad = bare ? ['Top', 'Right', 'Bottom', 'Left'].map(side => px(style['padding' + side])) : [0, 0, 0, 0];
  const rings = [...el.getClientRects()].map(r => ({x: r.left + pad[3] - left, y: r.top + pad[0] - top,
    right: r.right - pad[1] + right, bottom: r.bottom - pad[2] + bottom}));
  const hit = (a, b) => a.x < b.right - .5 && b.x < a.right - .5 && a.y < b.bottom - .5 && b.y < a.bottom - .5;
  const block = el.closest('p, li, td, th, dd, dt, h1, h2, h3, h4, figcaption, summary') || el.parentElement;
  const covered = [];
  // A control laid over the page (the skip link) hides what is under it, by design.
  const overlay = /absolute|fixed/.test(style.position) && style.backgroundColor !== 'rgba(0, 0, 0, 0)';
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && !overlay; node = walker.nextNode()) {
    if (el.contains(node) || !node.parentElement.offsetParent) continue;
    for (let i = 0; i < node.length; i++) {
      if (!node.data[i].trim()) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      for (const r of range.getClientRects()) {
        if (r.width && rings.some(ring => hit(ring, r))) covered.push(node.data.slice(Math.max(0, i - 8), i + 8));
      }
    }
  }
  const clips = [];
  for (let box = el.parentElement; box; box = box.parentElement) {
    const s = getComputedStyle(box);
    if (s.overflowX !== 'visible' || s.overflowY !== 'visible') clips.push(box.getBoundingClientRect());
  }
  clips.push({left: 0, top: 0, right: innerWidth, bottom: innerHeight});
  // A box taller or wider than the window (a diagram) cannot be wholly on screen.
  const whole = rings.every(ring => ring.right - ring.x <= innerWidth && ring.bottom - ring.y <= innerHeight);
  const cut = whole && rings.some(ring => clips.some(c => ring.x < c.left - .5 || ring.y < c.top - .5
    || ring.right > c.right + .5 || ring.bottom > c.bottom + .5));
  return {what: el.outerHTML.slice(0, 90), covered, cut, visible: rings.length > 0};
}"""

STOPS = 80  # Tab stops tried on each page: header, text, notes


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["390", "1400"])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_every_tab_stop_shows_an_indicator_on_screen_over_no_other_words(browser, server, path, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(server + path)
    seen, problems = set(), []
    for _ in range(STOPS):
        page.keyboard.press("Tab")
        found = page.evaluate(MEASURE)
        if found["what"] in seen or not found["visible"]:
            continue
        seen.add(found["what"])
        if found["cut"]:
            problems.append(("cut off", found["what"]))
        if found["covered"]:
            problems.append(("covers", found["what"], found["covered"][:3]))
    context.close()
    assert seen
    assert not problems, problems
