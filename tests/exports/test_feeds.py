"""The Atom feeds of a production build: every element RFC 4287 requires, dates of change from
the repository's history, authors, feedparser's reading, and a shallow clone that stops the build.

Expected dates are read from git here, file by file, independently of the build's own reading.
"""

from __future__ import annotations

import re
import runpy
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import PRODUCTION_SITEURL, ROOT, reproducible, run_explainer, settings_file
from contenttree import GOOD_SOURCE, ContentTree, commit_all
from reading import value_text

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")
FEEDS = ("sources", "timeline")


def feed_root(site, name: str):
    return ET.parse(site.root / "feeds" / f"{name}.atom.xml").getroot()


def one(element, name: str):
    found = element.findall(f"{ATOM}{name}")
    assert len(found) == 1, f"{name}: {len(found)} elements"
    return found[0]


def moment(stamp: str):
    from datetime import datetime

    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def utc(stamp: str) -> str:
    """An RFC 3339 time as UTC, to the second, to compare git's and the feed's."""
    from datetime import UTC

    return moment(stamp).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def commits(path, repository=ROOT) -> list[str]:
    """The commit times of one file on the main line (a merge dates what it brought), newest first."""
    path = Path(path)
    if path.is_absolute():
        path = path.relative_to(ROOT)
    out = subprocess.run(
        [
            "git",
            "-C",
            str(repository),
            "log",
            "--first-parent",
            "--format=%cI",
            "--",
            path,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [utc(line) for line in out.split()]


def items_by_link(site, name: str) -> dict:
    model = site.model
    if name == "sources":
        return {f"{PRODUCTION_SITEURL}/{s.url}": s for s in model.sources}
    return {f"{PRODUCTION_SITEURL}/timeline/#{e.anchor}": e for e in model.events}


@pytest.mark.parametrize("name", FEEDS)
def test_every_element_rfc_4287_requires(production_site, name):
    root = feed_root(production_site, name)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):  # §4.1.1
        assert one(root, required).text.strip(), required
    assert RFC3339.fullmatch(one(root, "updated").text)
    feed_authors = root.findall(f"{ATOM}author")
    assert all(one(author, "name").text.strip() for author in feed_authors)
    links = root.findall(f"{ATOM}link")
    assert [link.get("href") for link in links if link.get("rel") == "self"] == [
        f"{PRODUCTION_SITEURL}/feeds/{name}.atom.xml"
    ]
    ids = []
    for entry in root.findall(f"{ATOM}entry"):
        for required in ("id", "title", "updated"):  # §4.1.2
            assert one(entry, required).text.strip(), required
        assert RFC3339.fullmatch(one(entry, "updated").text) and RFC3339.fullmatch(
            one(entry, "published").text
        )
        assert moment(one(entry, "published").text) <= moment(one(entry, "updated").text)
        # An entry names its author, or the feed's authors apply (§4.1.1, §4.2.1).
        assert entry.findall(f"{ATOM}author") or feed_authors
        alternate = [
            link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"
        ]
        assert len(alternate) == 1 or entry.find(f"{ATOM}content") is not None
        ids.append(one(entry, "id").text)
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name", FEEDS)
def test_entries_are_dated_by_their_files_commits_and_the_feed_by_its_newest_entry(production_site, name):
    items = items_by_link(production_site, name)
    root = feed_root(production_site, name)
    entries = root.findall(f"{ATOM}entry")
    assert {one(entry, "id").text for entry in entries} == set(items)
    for entry in entries:
        item = items[one(entry, "id").text]
        history = commits(item.path, production_site.repository)
        # Its last commit, to the second: entries one commit changed are told apart by milliseconds.
        assert utc(one(entry, "updated").text) == history[0], item.path
        assert one(entry, "published").text == history[-1], item.path  # its first
    updated = [one(entry, "updated").text for entry in entries]
    # No two entries updated at one instant (the W3C feed validator warns of it: DuplicateUpdated).
    assert len(set(updated)) == len(updated)
    assert one(root, "updated").text == max(updated, key=moment)


def test_entry_authors_and_text_say_what_the_pages_say(production_site):
    root = feed_root(production_site, "sources")
    project = runpy.run_path(str(ROOT / "pelicanconf.py"))["AUTHOR"]
    assert [one(a, "name").text for a in root.findall(f"{ATOM}author")] == [project]
    items = items_by_link(production_site, "sources")
    for entry in root.findall(f"{ATOM}entry"):
        source = items[one(entry, "id").text]
        authors = source.authors
        # A worked-out name is supplied, in brackets; an unknown author is said, so that the
        # feed's author (the project) is never taken for the writer of a source.
        expected = [f"[{n}]" if authors.inferred else str(n) for n in authors.value] if authors.known else []
        assert [one(a, "name").text for a in entry.findall(f"{ATOM}author")] == (
            expected or ["Author not known"]
        )
        summary = one(entry, "summary")
        assert summary.get("type") == "html"
        assert value_text(source.date, "date unknown") in summary.text
        title = source.display_title if source.title.known else f"[{source.display_title}]"
        assert one(entry, "title").text == title
    events = items_by_link(production_site, "timeline")
    for entry in feed_root(production_site, "timeline").findall(f"{ATOM}entry"):
        event = events[one(entry, "id").text]
        assert entry.findall(f"{ATOM}author") == []  # the project wrote it: the feed's author applies
        assert f"When: {value_text(event.date)}" in one(entry, "summary").text


@pytest.mark.parametrize("name", FEEDS)
def test_feedparser_reads_each_feed_without_a_complaint(production_site, name):
    import feedparser

    parsed = feedparser.parse((production_site.root / "feeds" / f"{name}.atom.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.author and parsed.feed.updated_parsed
    assert len(parsed.entries) == len(items_by_link(production_site, name))
    for entry in parsed.entries:
        assert entry.updated_parsed and entry.published_parsed and entry.link.startswith(PRODUCTION_SITEURL)


def publish(content_root, output, env_extra: dict | None = None):
    settings = settings_file(content_root, content_root / "content")
    settings.write_text(
        settings.read_text().replace("from pelicanconf import *", "from publishconf import *") + "MENU = []\n"
    )
    return run_explainer(
        "build", "--settings", str(settings), "--output", str(output), env={"SITEURL": PRODUCTION_SITEURL}
    )


@pytest.fixture
def repository(tmp_path):
    """A content tree committed twice, as a repository a clone is taken from."""
    origin = tmp_path / "origin"
    tree = ContentTree(origin)
    commit_all(origin, "First", "2026-01-02T03:04:05+00:00")
    tree.source({"summary": "A changed summary."}, name="good-source")
    commit_all(origin, "Second", "2026-02-03T04:05:06+00:00")
    return origin


def test_a_shallow_clone_stops_the_production_build_and_says_why(repository, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repository}", str(clone)], check=True)
    result = publish(clone, tmp_path / "output")
    assert result.returncode == 1
    assert "the repository is a shallow clone" in result.stderr
    assert "git fetch --unshallow" in result.stderr and "fetch-depth: 0" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "output").exists()


def test_an_uncommitted_file_stops_the_production_build_and_names_it(repository, tmp_path):
    """Its "last changed" date is not known until it is committed: the feed would show another's."""
    for name in ("new-source", "another-new-source"):
        (repository / "content" / "sources" / f"{name}.md").write_text(
            GOOD_SOURCE.replace("A headline", f"A headline for {name}"), encoding="utf-8"
        )
    result = publish(repository, tmp_path / "output")
    assert result.returncode == 1
    assert result.stderr.splitlines()[:3] == [
        f'content/sources/{name}.md: not committed yet, so its "last changed" date is not known — '
        "commit it, or use a development build (make html)"
        for name in ("another-new-source", "new-source")
    ] + ["2 files not committed; nothing was written."]
    assert "Traceback" not in result.stderr and not (tmp_path / "output").exists()


def test_a_development_build_says_a_file_is_not_committed_yet(repository, tmp_path):
    """A contributor's new source builds with `make html` before it is committed, and its page
    says so instead of taking another commit's date."""
    (repository / "content" / "sources" / "new-source.md").write_text(
        GOOD_SOURCE.replace("A headline", "A new headline"), encoding="utf-8"
    )
    output = tmp_path / "output"
    settings = settings_file(repository, repository / "content")
    result = run_explainer("build", "--settings", str(settings), "--output", str(output))
    assert result.returncode == 0, result.stderr

    def changed(slug):
        page = (output / "sources" / slug / "index.html").read_text()
        return page[page.index('<p class="changed">') :].split("</p>")[0]

    assert "Not yet committed to the repository." in changed("new-source")
    assert '<time datetime="2026-02-03">' in changed("good-source")


def test_two_clones_of_one_commit_publish_the_same_bytes(repository, tmp_path):
    built = []
    for name in ("one", "two"):
        clone = tmp_path / name
        subprocess.run(["git", "clone", "-q", f"file://{repository}", str(clone)], check=True)
        output = tmp_path / f"output-{name}"
        result = publish(clone, output)
        assert result.returncode == 0, result.stderr
        files = (path for path in sorted(output.rglob("*")) if path.is_file())
        built.append(
            {
                p.relative_to(output).as_posix(): p.read_bytes()
                for p in files
                if reproducible(p.relative_to(output))
            }
        )
    assert built[0] == built[1]
    assert {f"feeds/{name}.atom.xml" for name in FEEDS} <= set(built[0])
    root = ET.fromstring(built[0]["feeds/sources.atom.xml"])
    entry = one(root, "entry")
    # Dated by the commits: added in the first, changed in the second.
    assert one(entry, "published").text == "2026-01-02T03:04:05Z"
    assert one(entry, "updated").text == one(root, "updated").text == "2026-02-03T04:05:06Z"
