"""Development rebuilds reuse the last build's work, and still give exactly what a fresh build gives."""

from __future__ import annotations

import os

import pytest
from conftest import run_explainer
from contenttree import GOOD_ENTITY, GOOD_SOURCE, event_text
from test_cli import reproducible


def _files(folder) -> dict:
    return {
        path.relative_to(folder): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and reproducible(path.relative_to(folder))
    }


def _build(project, *args) -> None:
    result = run_explainer("build", "--settings", str(project.settings), *args)
    assert result.returncode == 0, result.stderr


@pytest.fixture
def rebuilt(project):
    """A tree built three times, so that the third build reused the site the first one wrote."""
    project.write("entities/example-news.md", GOOD_ENTITY)
    project.write("sources/other-source.md", GOOD_SOURCE.replace("A headline", "Another headline"))
    project.write("events/quoted.md", event_text(body='It said "a quotation"[@good-source, para. 2].'))
    for _ in range(3):
        _build(project)
    return project


def test_a_rebuild_after_edits_and_deletions_equals_a_fresh_build(rebuilt, tmp_path):
    rebuilt.write(
        "sources/good-source.md", GOOD_SOURCE.replace("something happened", "something else happened")
    )
    (rebuilt.content / "sources" / "other-source.md").unlink()
    _build(rebuilt)
    fresh = tmp_path / "fresh"
    cold = rebuilt.settings.with_name("cold.py")
    cold.write_text(rebuilt.settings.read_text() + "CACHE_CONTENT = False\nLOAD_CONTENT_CACHE = False\n")
    result = run_explainer("build", "--settings", str(cold), "--output", str(fresh))
    assert result.returncode == 0, result.stderr

    rebuilt_files, fresh_files = _files(rebuilt.output), _files(fresh)
    assert rebuilt_files.keys() == fresh_files.keys()
    assert rebuilt_files == fresh_files
    assert not (rebuilt.output / "sources" / "other-source").exists()
    assert (
        b"something else happened"
        in rebuilt_files[next(p for p in rebuilt_files if p.parts[:2] == ("sources", "good-source"))]
    )


def test_a_rebuild_leaves_unchanged_pages_alone(rebuilt):
    kept = rebuilt.root / "cache" / "site"
    unchanged, edited = "search/index.html", "sources/good-source/index.html"
    before = {page: os.stat(kept / page) for page in (unchanged, edited)}
    rebuilt.write(
        "sources/good-source.md", GOOD_SOURCE.replace("something happened", "something else happened")
    )
    _build(rebuilt)
    after = {page: os.stat(rebuilt.output / page) for page in (unchanged, edited)}
    # The output folder is the reused one: an unchanged page is the same file, never rewritten.
    assert after[unchanged].st_ino == before[unchanged].st_ino
    assert after[unchanged].st_mtime_ns == before[unchanged].st_mtime_ns
    assert after[edited].st_mtime_ns != before[edited].st_mtime_ns


def test_a_failed_rebuild_leaves_the_site_untouched_and_the_next_one_recovers(rebuilt, tmp_path):
    before = _files(rebuilt.output)
    rebuilt.write("events/broken.md", event_text(body="Cites a source that is not there.[@no-such-source]"))
    assert run_explainer("build", "--settings", str(rebuilt.settings)).returncode == 1
    assert _files(rebuilt.output) == before
    (rebuilt.content / "events" / "broken.md").unlink()
    _build(rebuilt)
    assert _files(rebuilt.output) == before
