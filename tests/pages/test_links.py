"""Every internal link and #fragment resolves, in development and under a project subpath."""

from __future__ import annotations

from urllib.parse import urldefrag, urlsplit

from conftest import PRODUCTION_SITEURL
from reading import all_pages

LINKING = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"))


def internal_targets(site, siteurl_path: str = ""):
    """Yield (page, url) for every URL on the site that points into the site itself."""
    for file in site.html_files():
        page = site.url_of(file)
        soup = site.soup(page)
        for tag, attribute in LINKING:
            for element in soup.find_all(tag):
                url = element.get(attribute)
                if url is None or element.get("rel") == ["canonical"]:
                    continue
                if url.startswith("#"):
                    yield page, page + url
                elif url.startswith(siteurl_path + "/") or url == siteurl_path:
                    yield page, url


def resolve(site, url: str, prefix: str = ""):
    path, fragment = urldefrag(url)
    path = urlsplit(path).path.removeprefix(prefix) or "/"
    file = site.root / path.lstrip("/")
    if file.is_dir():
        file = file / "index.html"
    return path, file, fragment


def test_every_internal_link_and_fragment_resolves(any_site):
    broken = []
    checked = 0
    for page, url in internal_targets(any_site):
        checked += 1
        path, file, fragment = resolve(any_site, url)
        if not file.is_file():
            broken.append(f"{page} -> {url}: no such file")
        elif fragment and file.suffix == ".html" and any_site.soup(path).find(id=fragment) is None:
            broken.append(f"{page} -> {url}: no element with id {fragment!r}")
    assert checked > 100
    assert broken == []


def test_production_links_stay_under_the_project_subpath(production_site):
    prefix = urlsplit(PRODUCTION_SITEURL).path  # "/repo"
    broken, checked = [], 0
    for file in production_site.html_files():
        soup = production_site.soup(production_site.url_of(file))
        for tag, attribute in LINKING:
            for element in soup.find_all(tag):
                url = element.get(attribute, "")
                if url.startswith("/"):
                    broken.append(f"{file.name}: root-relative {url} escapes the subpath")
                elif url.startswith(PRODUCTION_SITEURL):
                    checked += 1
                    path, target, _ = resolve(production_site, url, prefix)
                    if not target.is_file():
                        broken.append(f"{file}: {url} has no file")
    assert checked > 100
    assert broken == []


def test_production_stylesheets_are_absolute_under_siteurl(production_site):
    for path in all_pages(production_site):
        stylesheet = production_site.soup(path).find("link", rel="stylesheet")["href"]
        assert stylesheet == f"{PRODUCTION_SITEURL}/theme/css/site.css", path
