"""When each content file was first committed and last changed, from the repository's history
(never the build time): pages show "last changed", feed entries are published and updated then.

One `git log` over the content folder gives every file's commits. Outside a git checkout (a
downloaded archive, a test's temporary tree) dates are simply not known; a build that must date
what it publishes asks for the whole history with `require_whole` and stops without it, or with
a content file that is not committed yet.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path


class HistoryError(Exception):
    """The repository's history cannot date the site: what is wrong, and how to get it."""


class UncommittedFiles(HistoryError):
    """Content files the history does not know yet: one line each, `path: what is wrong — fix`."""

    def __init__(self, paths: list[str]):
        self.paths = sorted(paths)
        self.lines = [
            f'{path}: not committed yet, so its "last changed" date is not known — commit it, '
            "or use a development build (make html)"
            for path in self.paths
        ]
        super().__init__("\n".join(self.lines))


@dataclass(frozen=True)
class Changes:
    first: dt.datetime  # the commit that added the file (at this path), in UTC
    last: dt.datetime  # the latest commit that changed it, in UTC


@dataclass
class History:
    files: dict[str, Changes] = field(default_factory=dict)  # 'content/sources/x.md' -> its commits
    latest: dt.datetime | None = None  # the latest commit anywhere in the content
    checkout: bool = False  # False outside a git checkout
    shallow: bool = False  # a clone cut short: its oldest commit stands for all before it

    def changed_on(self, path: str | None) -> str | None:
        """'2026-11-22': the day a file last changed; for a page with no file of its own, the
        latest change in the content; None for a file not committed yet (the page says so)."""
        if path is None:
            moment = self.latest
        else:
            changes = self.files.get(path)
            moment = changes.last if changes else None
        return moment.date().isoformat() if moment else None


def _git(content_dir: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(content_dir), *args], capture_output=True, text=True, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def _utc(stamp: str) -> dt.datetime:
    return dt.datetime.fromisoformat(stamp).astimezone(dt.UTC)


def read_history(content_dir: Path) -> History:
    # The main line's history: a change merged from a branch dates from its merge, when it
    # reached the site, and a merge lists the files it brought (--diff-merges=first-parent).
    log = _git(
        content_dir,
        "log",
        "--first-parent",
        "--diff-merges=first-parent",
        "--relative",
        "--name-only",
        "--format=%x00%cI",
        "--",
        ".",
    )
    if log is None:
        return History()
    history = History(
        checkout=True, shallow=_git(content_dir, "rev-parse", "--is-shallow-repository") == "true\n"
    )
    prefix = content_dir.name
    for commit in log.split("\0")[1:]:  # newest first
        stamp, *files = commit.strip().splitlines()
        moment = _utc(stamp)
        history.latest = history.latest or moment
        for name in filter(None, files):
            path = f"{prefix}/{name}"
            known = history.files.get(path)
            history.files[path] = Changes(first=moment, last=known.last if known else moment)
    return history


SHALLOW_FIX = (
    "fetch the whole history (git fetch --unshallow; on GitHub Actions, actions/checkout with "
    "fetch-depth: 0) and build again"
)


def require_whole(history: History, paths) -> None:
    """Stop a build that would publish wrong dates: no history, a shallow clone, or a content
    file not yet committed (its feed entry has no date to take, and its page would say "not yet
    committed"). Development builds do not call this: such a page says so, and the build goes on.
    """
    if not history.checkout or history.latest is None:
        raise HistoryError(
            "the content is not in a git checkout, so no page or feed entry can be dated from "
            "its history — build from a clone of the repository"
        )
    if history.shallow:
        raise HistoryError(
            "the repository is a shallow clone: every file would seem added and changed in its "
            f"oldest fetched commit, so pages and feeds would show wrong dates — {SHALLOW_FIX}"
        )
    uncommitted = [path for path in paths if path not in history.files]
    if uncommitted:
        raise UncommittedFiles(uncommitted)
