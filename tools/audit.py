"""`make audit`: Lighthouse (mobile) over one page of each type; every category must score 0.95+.

Lighthouse is the npm package, pointed at Debian's Chromium through CHROME_PATH.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))
from explainer.builder.serve import serve_in_background  # noqa: E402

PAGES = [
    "/",
    "/sources/",
    "/sources/wsws-2018-06-25/",
    "/sources/amazon-employees-letter/",
    "/timeline/",
    "/timeline/entity/aclu/",
    "/demands/",
    "/differences/",
    "/entities/",
    "/search/",
    "/about/",
    "/404.html",
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
THRESHOLD = 0.95
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


def scores(lighthouse: str, url: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        subprocess.run(
            [lighthouse, url, "--quiet", "--output=json", f"--output-path={report}",
             f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}"],
            check=True,
            env={**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")},
            timeout=300,
        )  # fmt: skip
        categories = json.loads(report.read_text())["categories"]
    return {name: categories[name]["score"] for name in CATEGORIES}


def main(site: str, lighthouse: str) -> int:
    httpd, base = serve_in_background(Path(site))
    failures = 0
    print(f"{'page':40} " + " ".join(f"{c:>14}" for c in CATEGORIES))
    try:
        for page in PAGES:
            result = scores(lighthouse, base + page)
            failures += sum(score < THRESHOLD for score in result.values())
            print(f"{page:40} " + " ".join(f"{result[c]:>14.2f}" for c in CATEGORIES))
    finally:
        httpd.shutdown()
    print(f"audit: {failures} score(s) below {THRESHOLD}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
