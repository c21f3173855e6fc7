"""Nothing a pull request can add to cache/ or beside output/ runs code or reaches outside them."""

from __future__ import annotations

import gzip
import os
import pickle
import shutil
import stat

import pytest
from conftest import run_explainer
from contenttree import GOOD_ENTITY
from explainer.model.cache_trust import SEAL
from explainer.model.render_cache import CACHE_FILE


class _RunsCode:
    """A pickle that, when read, creates the file `marker`."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (os.mkdir, (self.marker,))


@pytest.fixture
def built(project, tmp_path):
    """A tree built once with its cache, and the cache key kept in a folder of the test's own."""
    project.write("entities/example-news.md", GOOD_ENTITY)
    project.env = {"XDG_CACHE_HOME": str(tmp_path / "home-cache")}
    project.cache = project.root / "cache"
    project.marker = tmp_path / "code-ran"
    project.forged = pickle.dumps(_RunsCode(project.marker))
    project.build = lambda **env: run_explainer(
        "build", "--settings", str(project.settings), env={**project.env, **env}
    )
    result = project.build()
    assert result.returncode == 0, result.stderr
    return project


def _succeeds_without_running_it(project, **env) -> str:
    result = project.build(**env)
    assert result.returncode == 0, result.stderr
    assert not project.marker.exists(), "the forged cache ran code"
    return result.stderr + result.stdout


def test_the_key_is_kept_outside_the_repository_readable_by_its_owner_only(built, tmp_path):
    key = tmp_path / "home-cache" / "explainer" / "cache-key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and key.stat().st_size == 32
    assert (built.cache / CACHE_FILE).read_bytes().startswith(SEAL)


@pytest.mark.parametrize(
    "forgery",
    [
        pytest.param(lambda data: data, id="a plain pickle"),
        pytest.param(lambda data: SEAL + bytes(32) + data, id="a made-up seal"),
    ],
)
def test_a_forged_render_cache_is_ignored_with_a_note_and_replaced(built, forgery):
    (built.cache / CACHE_FILE).write_bytes(forgery(built.forged))
    said = _succeeds_without_running_it(built)
    assert f"cache/{CACHE_FILE}: not written by a build on this machine" in said.replace(
        str(built.root) + "/", ""
    )
    assert (built.cache / CACHE_FILE).read_bytes().startswith(SEAL)  # replaced by this build's own
    assert "not written by a build" not in _succeeds_without_running_it(built)


def test_without_a_place_for_the_key_the_build_keeps_no_cache_and_says_so(built, tmp_path):
    (built.cache / CACHE_FILE).write_bytes(built.forged)
    (tmp_path / "a-file").write_text("")
    said = _succeeds_without_running_it(built, XDG_CACHE_HOME=str(tmp_path / "a-file"))
    assert "cache-key: the cache key cannot be made (Not a directory) — this build keeps no cache" in said
    assert (built.cache / CACHE_FILE).read_bytes() == built.forged  # neither read nor replaced


def test_a_cache_sealed_under_another_key_is_not_read(built, tmp_path):
    said = _succeeds_without_running_it(built, XDG_CACHE_HOME=str(tmp_path / "another-machine"))
    assert f"{CACHE_FILE}: not written by a build on this machine" in said


def test_forged_compiled_templates_are_ignored(built):
    compiled = sorted((built.cache / "templates").rglob("*.sealed"))
    assert compiled
    for file in compiled:
        file.write_bytes(SEAL + bytes(32) + b"j2" + built.forged)
    assert ".sealed: not written by a build on this machine" in _succeeds_without_running_it(built)


def test_pelicans_own_cache_is_never_loaded(built):
    for name in ("ArticlesGenerator-Readers", "PagesGenerator-Readers"):
        (built.cache / name).write_bytes(gzip.compress(built.forged))
    _succeeds_without_running_it(built)


def test_under_github_actions_the_note_is_a_warning_annotation(built):
    (built.cache / CACHE_FILE).write_bytes(built.forged)
    said = _succeeds_without_running_it(built, GITHUB_ACTIONS="true")
    assert f"::warning file={built.cache / CACHE_FILE},line=1::not written by" in said


def _victim(tmp_path):
    """A folder outside the project, with a file a build must never touch."""
    folder = tmp_path / "elsewhere"
    folder.mkdir(exist_ok=True)
    (folder / "keep.txt").write_text("mine")
    return folder


def _untouched(folder) -> bool:
    return (
        sorted(p.name for p in folder.iterdir()) == ["keep.txt"]
        and (folder / "keep.txt").read_text() == "mine"
    )


@pytest.mark.parametrize(
    "links",
    [
        pytest.param(
            ["cache/site", "cache/templates", "output.partial", "output.previous", "output.lock"],
            id="folders",
        ),
        pytest.param(["cache/site/sources"], id="inside the kept site"),
    ],
)
def test_a_link_where_the_build_writes_is_removed_never_followed(built, tmp_path, links):
    victim = _victim(tmp_path)
    _succeeds_without_running_it(built)  # the second build leaves the first one's site in the cache
    for link in links:
        place = built.root / link
        if place.is_dir():
            shutil.rmtree(place)
        place.unlink(missing_ok=True)
        # The lock is a file the build opens, creating it if missing: its link names a new one.
        os.symlink(victim / "made" if link.endswith(".lock") else victim, place)
    _succeeds_without_running_it(built)
    assert _untouched(victim)
    assert not [link for link in links if (built.root / link).is_symlink()]
    assert (built.output / "sources" / "good-source" / "index.html").is_file()


def test_a_cache_folder_that_is_a_link_is_not_used(built, tmp_path):
    victim = _victim(tmp_path)
    os.rename(built.cache, tmp_path / "old-cache")
    os.symlink(victim, built.cache)
    said = _succeeds_without_running_it(built)
    assert (
        "cache: is a symbolic link, so the build neither reads nor keeps a cache there — remove the link"
        in said
    )
    assert _untouched(victim) and built.cache.is_symlink()


def test_an_output_folder_that_is_a_link_is_refused(built, tmp_path):
    victim = _victim(tmp_path)
    os.rename(built.output, tmp_path / "old-output")
    os.symlink(victim, built.output)
    result = built.build()
    assert result.returncode == 1
    assert "output: is a symbolic link, and a build replaces the output folder whole — remove the link" in (
        result.stderr.replace(str(built.root) + "/", "")
    )
    assert "Traceback" not in result.stderr
    assert _untouched(victim)
