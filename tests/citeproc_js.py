"""citeproc-js, the citation processor in Zotero and Mendeley, run by Node on CSL-JSON records in
the CSL styles vendored in tests/fixtures/csl/styles/ (see its README).

The Node package is pinned in tests/citeproc/package-lock.json and installed with `npm ci` the
first time a test asks for it; without Node a test skips on a laptop and fails in CI.
"""

from __future__ import annotations

import fcntl
import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE = HERE / "citeproc"
STYLES = HERE / "fixtures" / "csl" / "styles"
# Each style with the locale its manual is written for.
STYLE_LOCALES = {"apa": "en-US", "chicago-author-date": "en-US", "harvard-cite-them-right": "en-GB"}


@dataclass(frozen=True)
class Rendered:
    order: list[str]  # record ids in the bibliography's order
    bibliography: dict[str, str]  # id -> its entry, as plain text
    citations: dict[str, str]  # id -> its in-text citation, alone


def install() -> str | None:
    """Install the pinned citeproc-js if needed; the reason it cannot be, or None."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        return "Node.js and npm are needed to run citeproc-js"
    lock = PACKAGE / "package-lock.json"
    installed = PACKAGE / "node_modules" / ".package-lock.json"
    # One install at a time: `make quick` runs a session in each pytest-xdist worker.
    with open(PACKAGE / ".install.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        if installed.exists() and installed.stat().st_mtime >= lock.stat().st_mtime:
            return None
        result = subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--prefix", str(PACKAGE)],
            capture_output=True,
            text=True,
            timeout=300,
        )
    return None if result.returncode == 0 else f"npm ci could not install citeproc-js: {result.stderr[-500:]}"


def render(items: list[dict], style: str) -> Rendered:
    request = {"style": str(STYLES / f"{style}.csl"), "locale": STYLE_LOCALES[style], "items": items}
    result = subprocess.run(
        ["node", str(PACKAGE / "render.js")],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    out = json.loads(result.stdout)
    return Rendered(out["order"], out["bibliography"], out["citations"])
