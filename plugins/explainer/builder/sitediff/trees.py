"""A git ref, or the working tree, laid out in a folder of its own, with no history: both sides of
a comparison are built the same way, so no page differs by a date from `git log`."""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
from pathlib import Path


class TreeError(Exception):
    """A ref that git cannot give: printed as `ref: problem — fix`."""


def _git(repo: Path, *args: str, binary: bool = False):
    result = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=not binary, timeout=300
    )
    if result.returncode != 0:
        stderr = result.stderr if isinstance(result.stderr, str) else result.stderr.decode(errors="replace")
        raise TreeError(stderr.strip().splitlines()[-1] if stderr.strip() else "git failed")
    return result.stdout


def export_ref(repo: Path, ref: str, folder: Path) -> str:
    """The files of `ref` in `folder`; returns the commit's short name."""
    try:
        commit = _git(repo, "rev-parse", "--verify", "--short", f"{ref}^{{commit}}").strip()
    except TreeError:
        raise TreeError(
            f"{ref}: git knows no such branch, tag or commit — fetch it (git fetch origin {ref}) "
            "or name another, e.g. make diff BASE=origin/main"
        ) from None
    archive = _git(repo, "archive", "--format=tar", commit, binary=True)
    folder.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")  # "data": no links out of the folder, no devices
    return commit


def export_worktree(repo: Path, folder: Path) -> None:
    """The working tree as it is now, tracked and new files alike, without what git ignores."""
    listed = _git(repo, "ls-files", "--cached", "--others", "--exclude-standard", "-z")
    for name in filter(None, listed.split("\0")):
        source = repo / name
        if source.is_file() and not source.is_symlink():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
