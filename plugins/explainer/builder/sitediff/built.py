"""Build a laid-out tree with its own code and settings, and compare two built sites page by page."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

# "Last changed on …" comes from the history; it is not what a change does to a page.
_VOLATILE = re.compile(r'<p class="changed">.*?</p>', re.S)


@dataclass
class Build:
    output: Path
    ok: bool
    log: str = ""


def build_tree(tree: Path, output: Path) -> Build:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    env["PYTHONPATH"] = str(tree / "plugins")
    result = subprocess.run(
        [sys.executable, "-m", "explainer", "build", "--settings", "pelicanconf.py", "--output", str(output)],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    return Build(output, result.returncode == 0, (result.stderr or result.stdout).strip())


def pages(site: Path) -> dict[str, bytes]:
    """Site path -> the page's HTML without what only the history decides."""
    found = {}
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        if relative.startswith("pagefind/"):
            continue
        text = _VOLATILE.sub("", file.read_text(encoding="utf-8", errors="replace"))
        found["/" + relative.removesuffix("index.html")] = text.encode()
    return found


@dataclass
class PageChanges:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return bool(self.added or self.removed or self.changed)


def compare_sites(base: Path, head: Path) -> PageChanges:
    before, after = pages(base), pages(head)
    return PageChanges(
        added=sorted(set(after) - set(before)),
        removed=sorted(set(before) - set(after)),
        changed=sorted(path for path in set(before) & set(after) if before[path] != after[path]),
    )
