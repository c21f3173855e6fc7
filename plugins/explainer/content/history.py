"""When each content file last changed, from the repository's history (never the build time).

One `git log` over the content folder gives every file's latest commit date; outside a git
checkout (a downloaded archive, a test's temporary tree) dates are simply not known.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

LATEST = "*"  # key for the latest change anywhere in the content


def last_changed(content_dir: Path) -> dict[str, str]:
    """{'content/sources/x.md': '2026-11-22', …, '*': latest}; empty when there is no history."""
    try:
        result = subprocess.run(
            [
                "git",
                "-C",
                str(content_dir),
                "log",
                "--relative",
                "--name-only",
                "--format=%x00%cs",
                "--",
                ".",
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if result.returncode != 0:
        return {}
    dates: dict[str, str] = {}
    prefix = content_dir.name
    for commit in result.stdout.split("\0")[1:]:
        date, *files = commit.strip().splitlines()
        dates.setdefault(LATEST, date)
        for name in filter(None, files):
            dates.setdefault(f"{prefix}/{name}", date)
    return dates
