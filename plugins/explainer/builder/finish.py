"""Steps over the finished site, before it replaces the output folder: the search index,
sitemap.xml and robots.txt. They read the written files, so they list exactly what exists."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ..exports.sitemap import write_sitemap


class PostBuildError(RuntimeError):
    """A step over the built site failed; the message says which and why."""


def build_search_index(site: Path, keep_open: tuple[int, ...] = ()) -> None:
    """Pagefind indexes the pages marked data-pagefind-body (its binary comes from PyPI).

    `keep_open` are descriptors Pagefind inherits: the build's lock (lock.py)."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--silent"],
        capture_output=True,
        text=True,
        pass_fds=keep_open,
    )
    if result.returncode != 0:
        raise PostBuildError(
            f"the search index could not be built: {(result.stderr or result.stdout).strip()}"
        )


# Pagefind also writes its ready-made interfaces; the site has its own (theme/js/search.js),
# so only the index and the search API it imports are kept.
UNUSED_PAGEFIND_FILES = ("*-ui.css", "*-ui.js", "pagefind-highlight.js")


def remove_unused_search_files(site: Path) -> None:
    for pattern in UNUSED_PAGEFIND_FILES:
        for file in (site / "pagefind").glob(pattern):
            file.unlink()


def finish_site(site: Path, siteurl: str, keep_open: tuple[int, ...] = ()) -> None:
    write_sitemap(site, siteurl)
    build_search_index(site, keep_open)
    remove_unused_search_files(site)
