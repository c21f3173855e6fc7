"""Steps over the finished site, before it replaces the output folder: the search index,
sitemap.xml and robots.txt. They read the written files, so they list exactly what exists."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

# Pages that are not content: kept out of the sitemap (and out of the index by the templates).
NOT_CONTENT = {"404.html", "search/index.html"}


class PostBuildError(RuntimeError):
    """A step over the built site failed; the message says which and why."""


def page_urls(site: Path, siteurl: str) -> list[str]:
    urls = []
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        if relative in NOT_CONTENT or relative.startswith("pagefind/"):
            continue
        urls.append(f"{siteurl}/{relative.removesuffix('index.html')}")
    return urls


def write_sitemap(site: Path, siteurl: str) -> None:
    """sitemap.xml needs absolute addresses, so only a build that knows its address writes one."""
    robots = "User-agent: *\nAllow: /\n"
    if not siteurl:
        (site / "robots.txt").write_text(robots, encoding="utf-8")
        return
    entries = "".join(f"  <url><loc>{escape(url)}</loc></url>\n" for url in page_urls(site, siteurl))
    (site / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + entries + "</urlset>\n",
        encoding="utf-8",
    )
    (site / "robots.txt").write_text(robots + f"Sitemap: {siteurl}/sitemap.xml\n", encoding="utf-8")


def build_search_index(site: Path, keep_open: tuple[int, ...] = ()) -> None:
    """Pagefind indexes the pages marked data-pagefind-body (its binary comes from PyPI).

    `keep_open` are descriptors Pagefind inherits: the build's lock (build_lock.py)."""
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
