"""A build killed at any moment leaves the last complete site in output/, and the next build succeeds."""

from __future__ import annotations

import fcntl
import itertools
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, reproducible, run_explainer, settings_file
from contenttree import GOOD_ENTITY, ContentTree
from explainer.builder.lock import build_lock, lock_file
from explainer.builder.site_folder import SiteFolder

pytestmark = pytest.mark.slow

KILLS = 30
CRASH_POINTS = Path(__file__).parent.parent / "crash_points.py"


def _site(folder: Path) -> dict:
    return {
        path.relative_to(folder): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and reproducible(path.relative_to(folder))
    }


class TwoVersions:
    """A content tree in two versions, with rebuilding and production-like settings."""

    def __init__(self, root: Path, content: Path):
        self.root = root
        self.output = root / "output"
        self.warm = settings_file(root, content, f"OUTPUT_PATH = {str(self.output)!r}\n")
        self.cold = self.warm.with_name("cold.py")
        self.cold.write_text(self.warm.read_text() + "CACHE_CONTENT = False\nLOAD_CONTENT_CACHE = False\n")
        self.edited = sorted((content / "sources").glob("*.md"))[0]  # its new last paragraph is cited by none
        original = self.edited.read_text(encoding="utf-8")
        self.versions = [original, original.rstrip("\n") + "\n\nA paragraph only one version has.\n"]
        self.sites: list[dict] = []
        self.shown = None  # which version's site output/ holds

    def build_both(self) -> list[float]:
        """Build each version once, the first cold and the second over it; their durations."""
        durations = []
        for version, settings in enumerate((self.cold, self.warm)):
            started = time.monotonic()
            self.build(version, settings)
            durations.append(time.monotonic() - started)
            self.sites.append(_site(self.output))
        assert self.sites[0] != self.sites[1]
        self.shown = 1
        return durations

    def build(self, version: int, settings: Path) -> None:
        self.edited.write_text(self.versions[version], encoding="utf-8")
        result = run_explainer("build", "--settings", str(settings))
        assert result.returncode == 0, result.stderr

    def check_output(self, after: str) -> str:
        """output/ is one of the two complete sites: 'old site', or 'new site' if the swap was done."""
        assert self.output.is_dir() and not self.output.is_symlink(), f"{after}: no output folder"
        now = _site(self.output)
        assert now in self.sites, f"{after}: output/ is neither complete site"
        old, self.shown = self.shown, self.sites.index(now)
        return "old site" if self.shown == old else "new site"

    def leftovers(self) -> list[str]:
        names = {"cache", "cold.py", "content", "output", "output.lock", "settings.py"}
        strays = [p.name for p in self.root.iterdir() if p.name not in names]
        temporary = (".tmp", ".partial", ".previous")
        return strays + [p.name for p in (self.root / "cache").rglob("*") if p.name.endswith(temporary)]


@pytest.fixture
def real_site(tmp_path):
    """The real content, about a hundred pages: kills land among many files being written."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return TwoVersions(tmp_path, tmp_path / "content")


@pytest.fixture
def small_site(tmp_path):
    """A few pages: the steps of the swap are the same, and each build takes less time."""
    tree = ContentTree(tmp_path)
    tree.write("entities/example-news.md", GOOD_ENTITY)
    return TwoVersions(tmp_path, tree.content)


def _build(settings: Path, *crash_point: str, **how) -> subprocess.Popen:
    """`python -m explainer build`, or with crash_point (N, FOLDER…) one that kills itself."""
    runner = [str(CRASH_POINTS), *crash_point, "--"] if crash_point else ["-m", "explainer"]
    return subprocess.Popen(
        [sys.executable, *runner, "build", "--settings", str(settings)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")},
        text=True,
        **how,
    )


def test_builds_killed_at_thirty_moments_leave_a_complete_site(real_site):
    durations = real_site.build_both()
    # Kills spread from the start of the process to just past its end, half of them in
    # production builds (a fresh folder, swapped in, the old site removed) and half in rebuilds
    # (built over the site before last, kept in the cache); they take turns, so each sees every
    # phase. Each build changes the site, so a half-swapped output/ would match neither version.
    span = 1.1 * min(durations)  # the shorter: a build slowed by other work is less likely
    outcomes = []
    for kill in range(KILLS):
        real_site.edited.write_text(real_site.versions[1 - real_site.shown], encoding="utf-8")
        settings = (real_site.warm, real_site.cold)[kill % 2]
        build = _build(settings, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        delay = span * (kill + 0.5) / KILLS
        time.sleep(delay)
        finished = build.poll() is not None
        build.send_signal(signal.SIGKILL)
        build.wait()
        outcome = real_site.check_output(f"{settings.name} killed at {delay:.2f} s")
        outcomes.append("finished" if finished else outcome)
    # Many kills struck a running build, not one that had already ended.
    assert outcomes.count("old site") >= KILLS // 3, outcomes

    real_site.build(0, real_site.warm)
    assert _site(real_site.output) == real_site.sites[0]
    assert real_site.leftovers() == []


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
def test_a_build_killed_between_any_two_steps_of_the_swap_leaves_a_complete_site(small_site, exchange):
    """Killed just before each rename, removal or exchange of a folder beside output/ or in the
    cache. Without an atomic exchange, output/ can be missing after such a kill, but the next
    build puts the old site back before anything else."""
    small_site.build_both()
    flags = () if exchange else ("--no-exchange",)
    for settings in (small_site.cold, small_site.warm):
        for point in itertools.count(1):
            small_site.edited.write_text(small_site.versions[1 - small_site.shown], encoding="utf-8")
            build = _build(settings, str(point), str(small_site.root), *flags, stderr=subprocess.PIPE)
            errors = build.communicate(timeout=300)[1]
            if build.returncode == 0:
                break  # the build made fewer changes: none left to kill it before
            assert build.returncode == -signal.SIGKILL, errors
            if not exchange:
                SiteFolder(small_site.output).tidy()  # what the next build does first
            small_site.check_output(f"{settings.name} killed before step {point}")
        assert point > 1, "the build made no change to kill it before"
        small_site.check_output(f"{settings.name} not killed")
    assert small_site.leftovers() == []


def test_a_second_build_of_the_same_folder_waits_for_the_first(small_site):
    small_site.build_both()
    with build_lock(small_site.output):  # a build under way
        build = _build(small_site.warm, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert build.stderr.readline().startswith("build: waiting for another build of")
        assert build.poll() is None
    output, errors = build.communicate(timeout=300)
    assert build.returncode == 0, errors
    small_site.check_output("after waiting")


def test_a_killed_builds_search_indexer_keeps_the_folder_locked_until_it_ends(small_site):
    """Pagefind outlives a build killed while it runs; the next build must not start beside it."""
    small_site.build_both()
    build = _build(small_site.warm, "0", str(small_site.root), "--at-pagefind", stderr=subprocess.PIPE)
    assert build.wait(timeout=300) == -signal.SIGKILL, build.stderr.read()
    lock = os.open(lock_file(small_site.output), os.O_RDWR)
    try:
        with pytest.raises(BlockingIOError):  # Pagefind, still indexing, holds it
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(lock, fcntl.LOCK_EX)  # and lets go when it ends
    finally:
        os.close(lock)
    small_site.check_output("after Pagefind ended")
    small_site.build(0, small_site.warm)
    assert _site(small_site.output) == small_site.sites[0]
