"""Shared fixtures: one real build per session, a local server, and Chromium for browser tests."""

from __future__ import annotations

import functools
import os
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
# The copies of the articles as received: the tests check each source's text against its copy.
COPIES = ROOT / "content" / "sources" / "copies"
PRODUCTION_SITEURL = "https://example.github.io/repo"
SETTINGS = runpy.run_path(str(ROOT / "pelicanconf.py"))  # the development build's settings
# The CSL data schema (vendored, MIT): what /data/sources.json and each page's record must meet.
CSL_SCHEMA = ROOT / "tests" / "fixtures" / "csl" / "csl-data.json"
# CI sets this so that a missing browser or Java fails instead of skipping.
REQUIRE_TOOLS = os.environ.get("EXPLAINER_REQUIRE_BROWSER_TESTS") == "1"

sys.path.insert(0, str(ROOT / "plugins"))


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session):
    """The content is checked before any test is collected: a mistake stops `make test` with the
    message `make check` gives, not with a traceback from each module that reads the content."""
    if hasattr(session.config, "workerinput"):  # a pytest-xdist worker: its controller checked
        return
    from explainer.builder.problems import report_problems
    from explainer.content.errors import ContentErrors

    try:
        content_model()
    except ContentErrors as errors:
        report_problems(errors, "no test was run")
        pytest.exit("the content has problems (make check lists them)", returncode=1)


def run_explainer(*args: str, env: dict | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run `python -m explainer …` as a contributor would, capturing its output."""
    full_env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    full_env.update(PYTHONPATH=str(ROOT / "plugins"), **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "explainer", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def tree(tmp_path):
    """A minimal valid content tree (one source, one page, one entity) to break one thing in."""
    from contenttree import GOOD_ENTITY, ContentTree

    tree = ContentTree(tmp_path)
    tree.write("entities/example-news.md", GOOD_ENTITY)
    return tree


def settings_file(folder: Path, content: Path = ROOT / "content", extra: str = "") -> Path:
    """Development settings for `content`, with the build's cache in `folder`, not in cache/.

    Pelican reads relative paths in a settings file from the file's folder: these are absolute.
    """
    file = folder / "settings.py"
    file.write_text(
        "from pelicanconf import *\n"
        f"PATH = {str(content)!r}\n"
        f"THEME = {str(ROOT / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
        f"CACHE_PATH = {str(folder / 'cache')!r}\n" + extra
    )
    return file


@pytest.fixture
def project(tmp_path):
    """A content tree plus a settings file pointing at it, as a fork's checkout would have."""
    from contenttree import ContentTree

    tree = ContentTree(tmp_path)
    tree.output = tmp_path / "output"
    tree.settings = settings_file(tmp_path, tree.content, f"OUTPUT_PATH = {str(tree.output)!r}\nMENU = []\n")
    return tree


def reproducible(path: Path) -> bool:
    """Pagefind's index and filter files vary between runs (Pagefind/pagefind#638); its
    fragments, and everything the project writes, must not."""
    parts = path.parts
    return parts[0] != "pagefind" or (len(parts) > 1 and parts[1] == "fragment")


def content_model(content: Path = ROOT / "content"):
    """The model of a content folder, loaded as a build loads it, once per process."""
    return _loaded_model(content.resolve())


@functools.cache
def _loaded_model(content: Path):
    from explainer.model import load_model

    return load_model(content, site_name=SETTINGS["SITENAME"])  # as the build's settings give it


class BuiltSite:
    def __init__(
        self, root: Path, siteurl: str = "", content: Path = ROOT / "content", repository: Path = ROOT
    ):
        self.root, self.siteurl, self.content = root, siteurl, content
        self.repository = repository  # whose history dated the pages

    @property
    def model(self):
        """The model of the content this site was built from: what derived tests check it against."""
        return content_model(self.content)

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))

    def url_of(self, file: Path) -> str:
        relative = file.relative_to(self.root).as_posix()
        return "/" + relative.removesuffix("index.html")

    @functools.cache  # noqa: B019 - one parse per page per session
    def soup(self, path: str) -> BeautifulSoup:
        """Parse the page at a site path such as '/sources/' or '/404.html'."""
        file = self.root / path.lstrip("/")
        if path.endswith("/"):
            file = file / "index.html"
        return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def _build(
    tmp_path_factory,
    name: str,
    settings: str | Path,
    env: dict | None = None,
    content: Path = ROOT / "content",
) -> BuiltSite:
    output = tmp_path_factory.mktemp(name) / "output"
    result = run_explainer("build", "--settings", str(settings), "--output", str(output), env=env)
    assert result.returncode == 0, result.stderr
    return BuiltSite(output, (env or {}).get("SITEURL", ""), content)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    return _build(tmp_path_factory, "dev", settings_file(tmp_path_factory.mktemp("dev-settings")))


@pytest.fixture(scope="session")
def model():
    """The real content's model, loaded as a build loads it: what tests derive their checks from."""
    return content_model()


@pytest.fixture(scope="session")
def site_with_a_new_source(tmp_path_factory) -> BuiltSite:
    """The real content plus a valid new source (with an event, a claim and a campaign citing it),
    built in a temporary folder: what a contributor's pull request adding a source builds."""
    from newsource import add_a_new_source

    folder = tmp_path_factory.mktemp("new-source")
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    add_a_new_source(content, content_model())
    return _build(tmp_path_factory, "new-source-site", settings_file(folder, content), content=content)


@pytest.fixture(scope="session", params=["content", "content-plus-a-new-source"])
def any_site(request) -> BuiltSite:
    """Each derived test runs on the real site, then on the site with a new source added: a test
    that reads its expectations from `any_site.model` must hold for any valid content."""
    return request.getfixturevalue("site" if request.param == "content" else "site_with_a_new_source")


def _git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="session")
def publishable_repository(tmp_path_factory) -> Path:
    """The repository as its pull request will be: a publish build refuses content that is not
    committed (its dates come from history), so a contributor's new, uncommitted files are
    committed in a throwaway clone, and `make test` passes before they commit."""
    if not _git("ls-files", "--others", "--exclude-standard", "--", "content").strip():
        return ROOT
    return committed_clone(tmp_path_factory.mktemp("as-committed") / "repository")


def committed_clone(clone: Path) -> Path:
    """A clone of the repository with its history, the working tree's files (new ones too)
    committed on top."""
    _git("clone", "-q", str(ROOT), str(clone))
    for name in _git("ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0"):
        if name and (ROOT / name).is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, clone / name)
    _git("add", "-A", cwd=clone)
    author = ["-c", "user.name=Tests", "-c", "user.email=tests@localhost"]
    _git(*author, "commit", "-q", "--allow-empty", "-m", "The working tree, as its pull request", cwd=clone)
    return clone


def _publish(repository: Path, output: Path, siteurl: str) -> None:
    """`make publish` of the working tree as its pull request will be (new files committed)."""
    result = run_explainer(
        "build",
        "--settings",
        "publishconf.py",
        "--output",
        str(output),
        env={"SITEURL": siteurl},
        cwd=repository,
    )
    assert result.returncode == 0, result.stderr


# The fixtures that run a production build: what a contributor's uncommitted files must pass.
PUBLISH_BUILDS = ("production_site", "subpath_site")


@pytest.fixture(scope="session")
def production_site(tmp_path_factory, publishable_repository) -> BuiltSite:
    output = tmp_path_factory.mktemp("prod") / "output"
    _publish(publishable_repository, output, PRODUCTION_SITEURL)
    return BuiltSite(output, PRODUCTION_SITEURL, repository=publishable_repository)


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory, publishable_repository):
    """A production build served at http://127.0.0.1:<port>/repo/, as GitHub Pages serves a project."""
    from explainer.builder.serve import serve_in_background

    root = tmp_path_factory.mktemp("pages")
    server, url = serve_in_background(root)
    siteurl = url + "/repo"
    _publish(publishable_repository, root / "repo", siteurl)
    yield siteurl
    server.shutdown()


@pytest.fixture(scope="session")
def server(site):
    from explainer.builder.serve import serve_in_background

    httpd, url = serve_in_background(site.root)
    yield url
    httpd.shutdown()


def missing_tool(reason: str):
    """Skip on a developer's machine; fail in CI, where every tool must be present."""
    if REQUIRE_TOOLS:
        pytest.fail(f"{reason} (required because EXPLAINER_REQUIRE_BROWSER_TESTS=1)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def citeproc_js():
    """citeproc-js's `render(items, style)`, installed from its lockfile on first use."""
    import citeproc_js

    problem = citeproc_js.install()
    if problem:
        missing_tool(problem)
    return citeproc_js.render


CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    """CHROMIUM_PATH, then Debian's /usr/bin/chromium; None means Playwright's own browser."""
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        missing_tool("Playwright is not installed")
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        except Error as exc:
            missing_tool(f"no Chromium to drive: {exc.message.splitlines()[0]}")
        yield launched
        launched.close()


PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1400, "height": 900}


@pytest.fixture
def visit(browser, server):
    """Open a site path in a fresh context: a touch phone, or a wide screen with a mouse."""
    contexts = []

    def visit_(
        path: str,
        viewport: dict = PHONE,
        touch: bool | None = None,
        color_scheme: str = "light",
        javascript: bool = True,
    ):
        touch = viewport["width"] < 600 if touch is None else touch
        context = browser.new_context(
            viewport=viewport,
            has_touch=touch,
            is_mobile=touch,
            color_scheme=color_scheme,
            java_script_enabled=javascript,
        )
        contexts.append(context)
        page = context.new_page()
        page.goto(server + path)
        return page

    yield visit_
    for context in contexts:
        context.close()


def pytest_collection_modifyitems(items):
    """A test that drives Chromium is a browser test, and one that reads a production build a
    publish test, whatever file it stands in."""
    for item in items:
        used = getattr(item, "fixturenames", ())
        if "browser" in used:
            item.add_marker(pytest.mark.browser)
        if any(name in used for name in PUBLISH_BUILDS):
            item.add_marker(pytest.mark.publish)
