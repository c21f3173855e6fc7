"""The repository holds everything its content checks need: nothing of the build or the tests
reads a file outside it (on GitHub the workflow checks out this repository alone)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, missing_tool

pytestmark = pytest.mark.slow


def repository_files() -> list[str]:
    """The files git tracks, and new ones it does not ignore, as the working tree has them."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        missing_tool("not a git checkout: the repository's files cannot be listed")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return [name for name in listed.split("\0") if name and (ROOT / name).is_file()]


def run_in(folder, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GITHUB_ACTIONS")}
    return subprocess.run(
        [sys.executable, *args],
        cwd=folder,
        env={**env, "PYTHONPATH": str(folder / "plugins")},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_content_checks_pass_in_a_copy_of_the_repository_alone(tmp_path):
    copy = tmp_path / "repository"
    for name in repository_files():
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, copy / name)
    assert list(tmp_path.iterdir()) == [copy]  # nothing beside it

    check = run_in(copy, "-m", "explainer", "check", "--settings", "pelicanconf.py")
    assert check.returncode == 0, check.stderr
    # The copies' tests build the site (the session fixture) and read the copies as received.
    tests = run_in(copy, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/content/test_copies.py")
    assert tests.returncode == 0, tests.stdout + tests.stderr
    summary = tests.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"\d+ passed in .*", summary), summary


def test_a_new_uncommitted_source_passes_the_publish_build_s_tests(tmp_path):
    """A contributor adds a source and runs `make test` before committing: the tests of the
    publish build (which dates pages from history) still pass, as in their pull request."""
    from conftest import committed_clone, content_model
    from newsource import add_a_new_source

    copy = committed_clone(tmp_path / "repository")
    add_a_new_source(copy / "content", content_model(copy / "content"))
    untracked = subprocess.run(
        ["git", "ls-files", "--others", "--exclude-standard", "content"],
        cwd=copy,
        capture_output=True,
        text=True,
    ).stdout
    assert untracked.strip(), "the new source is not committed"

    # Every test of a publish build (marked so in conftest), the browser's on the subpath too.
    tests = run_in(copy, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "publish")
    assert tests.returncode == 0, tests.stdout[-3000:] + tests.stderr[-2000:]
    ran = re.search(r"(\d+) passed", tests.stdout.strip().splitlines()[-1])
    assert ran and int(ran[1]) > 1, tests.stdout[-500:]
