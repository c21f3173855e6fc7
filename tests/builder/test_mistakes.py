"""Every mistake, on every command a contributor or CI runs: one clean error, the same everywhere.

Each mistake of `tests/mistakes.py` is made in a clone of the repository (the working tree
committed, as its pull request will be), then run through `make check`, `make html` on a fresh
clone and after a good build, the production build, `make diff` and the start of `make test`,
each as the Makefile runs it. Every one must exit non-zero with the same first line, the
mistake's `path:line: problem — fix`, show no traceback, and leave the output folder as it was.
The loader's own check of every mistake, with and without a render cache, runs in-process and
fast; the commands are the slow part.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import PRODUCTION_SITEURL, ROOT, committed_clone, content_model, settings_file
from explainer.content.errors import ContentErrors
from explainer.model import load_model
from explainer.model.render_cache import RenderCache
from mistakes import MISTAKES


def test_the_matrix_covers_forty_mistakes_in_every_kind_of_content_file(tmp_path):
    kinds = set()
    for mistake in MISTAKES:
        content = tmp_path / mistake.name / "content"
        shutil.copytree(ROOT / "content", content, symlinks=True)
        kinds.add(mistake.make(content, content_model()).path.split("/")[1])
        shutil.rmtree(content.parent)
    assert kinds == {"sources", "events", "campaigns", "claims", "entities", "pages"}
    assert len(MISTAKES) >= 40 and len({m.name for m in MISTAKES}) == len(MISTAKES)


def errors_found(content: Path, cache: RenderCache | None = None) -> list[str]:
    """What make check prints for this content, line by line, found in-process."""
    with pytest.raises(ContentErrors) as raised:
        load_model(content, cache=cache)
    return [str(error) for error in raised.value.errors]


@pytest.fixture(scope="module")
def warm_cache_folder(tmp_path_factory) -> Path:
    """A render cache holding a good load of the real content, as `make html` leaves it."""
    folder = tmp_path_factory.mktemp("warm-render-cache")
    cache = RenderCache(folder, load=True)
    load_model(ROOT / "content", cache=cache)
    cache.save()
    return folder


@pytest.mark.parametrize("mistake", MISTAKES, ids=str)
def test_the_loader_reports_each_mistake_once_at_its_line_after_a_good_build(
    mistake, tmp_path, warm_cache_folder
):
    """As `make html` loads the content after a good build: with the render cache it left, whose
    work on the files that cite a broken one must not be reused or kept."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content, symlinks=True)
    where = mistake.make(content, content_model())
    cache = tmp_path / "cache"
    shutil.copytree(warm_cache_folder, cache)
    errors = errors_found(content, RenderCache(cache, load=True))
    assert len(errors) == 1, errors  # one mistake, one error: the files that need it stay quiet
    assert errors[0].startswith(f"{where.path}:{where.line}: ") and mistake.says in errors[0], errors
    assert " — " in errors[0]  # and how to fix it


# --- the commands ------------------------------------------------------------------------------

# What only a crash or a stray exception prints.
LEFTOVERS = ("Traceback", "failed unexpectedly", "ERROR collecting", "INTERNALERROR")


def _environment() -> dict:
    """The environment of a contributor's shell: not this test session's pytest variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "GITHUB_ACTIONS"))}
    env["PYTHONPATH"] = "plugins"
    return env


@dataclass
class Workspace:
    """A clone of the repository, built once as `make html` builds it (output/ and cache/)."""

    root: Path
    production_output: Path  # a previous production build's folder, to be left as it was
    fresh_settings: str  # development settings for a fresh clone: a cache and output of its own


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Workspace:
    base = tmp_path_factory.mktemp("mistakes")
    root = committed_clone(base / "repository")
    built = subprocess.run(
        [sys.executable, "-m", "explainer", "build", "--settings", "pelicanconf.py"],
        cwd=root,
        env=_environment(),
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    production = base / "production-output"
    production.mkdir()
    (production / "index.html").write_text("The site as the last production build left it.\n")
    return Workspace(root, production, settings_file(base, root / "content").read_text())


@dataclass(frozen=True)
class Command:
    """A command as the Makefile runs it (EXPLAINER := python -m explainer), from the clone's root."""

    name: str
    args: tuple[str, ...]
    output: str | None = None  # the folder it must leave as it was: "output", "production", "fresh"
    env: tuple[tuple[str, str], ...] = ()

    def folder(self, workspace: Workspace, scratch: Path) -> Path | None:
        return {
            "output": workspace.root / "output",
            "production": workspace.production_output,
            "fresh": scratch / "output",
        }.get(self.output)

    def run(self, workspace: Workspace, scratch: Path) -> subprocess.CompletedProcess:
        args = [arg.format(scratch=scratch, production=workspace.production_output) for arg in self.args]
        if self.output == "fresh":  # a fresh clone's first make html: no cache yet, no output
            (scratch / "settings.py").write_text(
                workspace.fresh_settings + f"CACHE_PATH = {str(scratch / 'cache')!r}\n"
            )
        return subprocess.run(
            [sys.executable, *args],
            cwd=workspace.root,
            env={**_environment(), **dict(self.env)},
            capture_output=True,
            text=True,
            timeout=600,
        )


BUILD = ("-m", "explainer", "build", "--settings")
COMMANDS = [
    Command("make check", ("-m", "explainer", "check", "--settings", "pelicanconf.py")),
    Command(
        "make html, fresh clone", (*BUILD, "{scratch}/settings.py", "--output", "{scratch}/output"), "fresh"
    ),
    Command("make html, after a good build", (*BUILD, "pelicanconf.py"), "output"),
    Command(
        "make publish",
        (*BUILD, "publishconf.py", "--output", "{production}"),
        "production",
        (("SITEURL", PRODUCTION_SITEURL),),
    ),
    Command("make diff", ("-m", "explainer", "diff", "--base", "HEAD", "--summary", "{scratch}/summary.md")),
    # Collection only: were a mistake let through, the tests would not run for minutes.
    Command("make test, start", ("-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider")),
]


def _snapshot(folder: Path | None) -> dict | None:
    """Every file of a folder and its bytes' digest; None when there is no folder."""
    if folder is None or not folder.exists():
        return None
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _restore(root: Path) -> None:
    subprocess.run(["git", "checkout", "-q", "--", "content"], cwd=root, check=True)
    subprocess.run(["git", "clean", "-fdq", "--", "content"], cwd=root, check=True)


def _what_is_wrong(command: Command, workspace: Workspace, scratch: Path, expected: str, before) -> list[str]:
    """Run the command; what a contributor would see wrong with what it did."""
    result = command.run(workspace, scratch)
    shown, lines = result.stdout + result.stderr, result.stderr.splitlines()
    folder = command.folder(workspace, scratch)
    wrong = [f"exit status {result.returncode}"] if result.returncode == 0 else []
    if not lines or lines[0] != expected:
        wrong.append(f"its first line is {lines[0] if lines else '(nothing)'!r}")
    wrong += [f"it shows {word!r}" for word in LEFTOVERS if word in shown]
    if _snapshot(folder) != before:
        wrong.append(f"it changed {folder}")
    if folder is not None and folder.with_name(folder.name + ".partial").exists():
        wrong.append(f"it left {folder.name}.partial")
    summary = scratch / "summary.md"
    if "--summary" in command.args and expected not in (summary.read_text() if summary.exists() else ""):
        wrong.append("the job summary does not give the error")
    return [f"{command.name}: {problem}" for problem in wrong]


@pytest.mark.slow
@pytest.mark.parametrize("mistake", MISTAKES, ids=str)
def test_every_command_gives_the_mistakes_one_clean_error_and_writes_nothing(mistake, workspace, tmp_path):
    where = mistake.make(workspace.root / "content", content_model())
    try:
        expected = errors_found(workspace.root / "content")[0]
        assert expected.startswith(f"{where.path}:{where.line}: "), expected
        scratch = {command: tmp_path / f"command-{index}" for index, command in enumerate(COMMANDS)}
        for folder in scratch.values():
            folder.mkdir()
        before = {command: _snapshot(command.folder(workspace, scratch[command])) for command in COMMANDS}
        # The commands only read the content: they run side by side, one per CPU.
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            found = pool.map(
                lambda c: _what_is_wrong(c, workspace, scratch[c], expected, before[c]), COMMANDS
            )
            wrong = [problem for problems in found for problem in problems]
        assert not wrong, "\n".join([f"expected, first: {expected}", *wrong])
    finally:
        _restore(workspace.root)
