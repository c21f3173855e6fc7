"""The pre-commit hooks: local commands only, each run for the files it is about, blocking a bad commit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

CONFIG = ROOT / ".pre-commit-config.yaml"
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")
# A stand-in for the project's Makefile: `make check` fails, and says it ran.
FAILING_CHECK = "check:\n\t@echo 'content/sources/x.md:2: make check ran' && false\n"


def test_every_hook_is_a_local_command_from_the_checkout():
    repos = yaml.safe_load(CONFIG.read_text())["repos"]
    assert [repo["repo"] for repo in repos] == ["local"]  # nothing fetched at commit time
    hooks = {hook["id"]: hook for hook in repos[0]["hooks"]}
    assert {hook["language"] for hook in hooks.values()} == {"system"}
    assert hooks["content"]["entry"] == "make check"
    assert all(hooks[name]["entry"].startswith(".venv/bin/ruff ") for name in ("ruff-check", "ruff-format"))


class HookedRepo:
    """A git repository with the project's hook configuration and ruff settings, this
    checkout's .venv, and a Makefile whose `make check` fails; the hooks installed."""

    def __init__(self, root: Path):
        self.folder = root / "repo"
        self.folder.mkdir()
        for name in (".pre-commit-config.yaml", "ruff.toml"):
            shutil.copy(ROOT / name, self.folder / name)
        (self.folder / "Makefile").write_text(FAILING_CHECK)
        os.symlink(Path(sys.executable).parent.parent, self.folder / ".venv")
        (self.folder / ".gitignore").write_text(".venv\n")
        self.env = {**os.environ, "PRE_COMMIT_HOME": str(root / "pre-commit-home")}
        for role in ("AUTHOR", "COMMITTER"):
            self.env.update({f"GIT_{role}_NAME": "Test", f"GIT_{role}_EMAIL": "test@example.org"})
        for command in (["git", "init", "-q"], [str(PRE_COMMIT), "install"], ["git", "add", "-A"]):
            assert self.run(*command).returncode == 0
        assert self.run("git", "commit", "-qm", "start").returncode == 0

    def run(self, *command: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            command, cwd=self.folder, env=self.env, capture_output=True, text=True, timeout=120
        )

    def commit(self, relative: str, text: str) -> subprocess.CompletedProcess:
        (self.folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (self.folder / relative).write_text(text)
        self.run("git", "add", relative)
        return self.run("git", "commit", "-qm", f"change {relative}")


@pytest.fixture
def repo(tmp_path):
    return HookedRepo(tmp_path)


def test_a_content_change_runs_make_check_and_its_failure_blocks_the_commit(repo):
    result = repo.commit("content/sources/x.md", "---\ntitle: x\n---\n")
    assert result.returncode != 0
    assert "content/sources/x.md:2: make check ran" in result.stderr


def test_unformatted_or_faulty_python_blocks_the_commit(repo):
    result = repo.commit("tools/x.py", "import os\nx=1\n")
    assert result.returncode != 0
    assert "F401" in result.stderr  # ruff check: os imported but unused
    assert "1 file reformatted" in result.stderr


def test_other_changes_run_no_hook(repo):
    result = repo.commit("README.md", "Words.\n")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "make check ran" not in result.stderr and "Passed" not in result.stderr
