"""sitemap.xml and robots.txt, from the files the build wrote: they list exactly what exists."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

# Pages that are not content: kept out of the sitemap (and out of the index by the templates).
NOT_CONTENT = {"404.html", "search/index.html"}


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
