"""CONTRIBUTING.md starts with the import path, and the pull-request template follows it."""

from __future__ import annotations

import re

from conftest import ROOT

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
TEMPLATE = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
PATH = "save the page, run one command, review three things"


def _three_things(text: str) -> list[str]:
    return re.findall(r"\*\*(The [a-z ]+)\.?\*\*", text)


def test_the_guide_opens_with_the_import_path():
    first = re.search(r"^## (.+)$", GUIDE, re.M).group(1)
    assert first.lower().endswith(PATH)
    section = GUIDE.split("\n## ", 2)[1]
    assert "make import FILE=" in section


def test_the_template_asks_for_the_same_three_things_in_the_same_order():
    guide = _three_things(GUIDE.split("\n## ", 2)[1])
    assert len(guide) == 3
    assert PATH in TEMPLATE.lower()
    assert _three_things(TEMPLATE) == guide
    assert "make import FILE=" in TEMPLATE and "make check" in TEMPLATE


def test_the_make_targets_the_guide_names_exist():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in set(re.findall(r"`make (\w+)", GUIDE + TEMPLATE)):
        assert re.search(rf"^{target}:", makefile, re.M), target
