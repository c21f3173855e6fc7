"""Development rebuilds reuse the last build's work, and still give exactly what a fresh build gives."""

from __future__ import annotations

import gc
import locale
import os
from functools import partial

import pytest
from conftest import ROOT, reproducible, run_explainer
from contenttree import GOOD_ENTITY, GOOD_SOURCE, event_text

pytestmark = pytest.mark.slow


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


def _fresh_build_of(project, folder) -> dict:
    """What a build with no cache writes for the same content and settings."""
    cold = project.settings.with_name("cold.py")
    cold.write_text(project.settings.read_text() + "CACHE_CONTENT = False\nLOAD_CONTENT_CACHE = False\n")
    result = run_explainer("build", "--settings", str(cold), "--output", str(folder))
    assert result.returncode == 0, result.stderr
    return _files(folder)


def _assert_same_files(rebuilt: dict, fresh: dict) -> None:
    assert rebuilt.keys() == fresh.keys()
    assert [path for path in rebuilt if rebuilt[path] != fresh[path]] == []


def test_a_rebuild_after_edits_and_deletions_equals_a_fresh_build(rebuilt, tmp_path):
    rebuilt.write(
        "sources/good-source.md", GOOD_SOURCE.replace("something happened", "something else happened")
    )
    (rebuilt.content / "sources" / "other-source.md").unlink()
    _build(rebuilt)
    rebuilt_files = _files(rebuilt.output)
    _assert_same_files(rebuilt_files, _fresh_build_of(rebuilt, tmp_path / "fresh"))
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


def test_a_rebuild_after_a_template_option_changes_equals_a_fresh_build(rebuilt, tmp_path):
    # Jinja reuses a template's compiled code when only the template's text is unchanged.
    options = '{**JINJA_ENVIRONMENT, "trim_blocks": False, "lstrip_blocks": False}'
    rebuilt.settings.write_text(rebuilt.settings.read_text() + f"JINJA_ENVIRONMENT = {options}\n")
    _build(rebuilt)
    _assert_same_files(_files(rebuilt.output), _fresh_build_of(rebuilt, tmp_path / "fresh"))


def test_theme_files_at_the_site_root_survive_a_rebuild(project, tmp_path):
    project.write("entities/example-news.md", GOOD_ENTITY)
    project.settings.write_text(project.settings.read_text() + 'THEME_STATIC_DIR = ""\n')
    for _ in range(3):
        _build(project)
    assert (project.output / "css").is_dir()
    _assert_same_files(_files(project.output), _fresh_build_of(project, tmp_path / "fresh"))


def test_pelican_run_in_process_leaves_no_objects_set_aside_from_the_collector(project, monkeypatch, request):
    """Under `pelican --autoreload`, or any tool that builds again in one process, memory stays flat.

    Pelican sets the process's locale from LOCALE; the test gives the others theirs back."""
    from pelican import Pelican
    from pelican.settings import read_settings

    project.write("entities/example-news.md", GOOD_ENTITY)
    monkeypatch.syspath_prepend(str(ROOT))  # the settings import pelicanconf
    monkeypatch.chdir(ROOT)
    request.addfinalizer(partial(locale.setlocale, locale.LC_ALL, locale.setlocale(locale.LC_ALL)))
    for _ in range(2):
        Pelican(read_settings(str(project.settings))).run()
        assert gc.get_freeze_count() == 0
    assert (project.output / "sources" / "good-source" / "index.html").is_file()
