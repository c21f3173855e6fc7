"""What the build reads back from its cache is only what this machine's builds wrote there.

The render cache is a pickle, and Jinja's compiled templates are a pickle and code objects:
reading either runs whatever it says. They live in the working tree (cache/), where a pull
request could add a file. So every file is sealed with an HMAC-SHA256 under a key kept outside
the repository ($XDG_CACHE_HOME/explainer/cache-key, or ~/.cache/explainer/cache-key, mode
0600), and a file whose seal does not verify is never unpickled: it is ignored, with a note.

The note is printed, not logged. The build fails on any logged warning, and a planted file
must not stop a build (the build redoes the work from the content instead), but it must be
seen: on the terminal, and under GitHub Actions as a warning annotation.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import os
import shutil
import sys
import tempfile
from pathlib import Path

from ..content.errors import annotation

SEAL = b"explainer cache, sealed\n"
KEY_SIZE = 32


def key_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "explainer" / "cache-key"


def note(path: Path, problem: str, consequence: str) -> None:
    """Tell the person building about a cache file that was not used, without failing the build."""
    shown = os.path.relpath(path) if Path(path).absolute().is_relative_to(Path.cwd()) else str(path)
    print(f"{shown}: {problem} — {consequence}", file=sys.stderr)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        print(annotation("warning", shown, 1, f"{problem} — {consequence}"))


@functools.cache  # one key per process: made at most once, read at most once
def _key() -> bytes | None:
    path = key_file()
    with contextlib.suppress(OSError):  # missing or unreadable: made anew below, or said why not
        key = path.read_bytes()
        if len(key) == KEY_SIZE:
            return key
    try:
        return _new_key(path)
    except OSError as exc:
        note(path, f"the cache key cannot be made ({exc.strerror})", "this build keeps no cache")
        return None


def _new_key(path: Path) -> bytes:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = os.urandom(KEY_SIZE)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent)  # mode 0600
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(key)
        try:
            os.link(temporary, path)  # whole, and only if no other build made one meanwhile
        except FileExistsError:
            existing = path.read_bytes()
            if len(existing) == KEY_SIZE:
                return existing
            os.replace(temporary, path)  # a damaged key: nothing it sealed can be checked
        return key
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _mac(key: bytes, data: bytes) -> bytes:
    return hmac.new(key, data, hashlib.sha256).digest()


def read(path: Path) -> bytes | None:
    """The data sealed in `path`; None, with a note, if this machine's builds did not write it."""
    try:
        sealed = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None
    key = _key()
    if key is None:
        return None
    mac, data = sealed[len(SEAL) : len(SEAL) + 32], sealed[len(SEAL) + 32 :]
    if not sealed.startswith(SEAL) or not hmac.compare_digest(mac, _mac(key, data)):
        note(
            path,
            "not written by a build on this machine (its seal does not match), so it was not read",
            "the build redid that work and will replace it; if you did not expect this, check "
            "where the file came from",
        )
        return None
    return data


def write(path: Path, data: bytes) -> None:
    """Seal `data` into `path`, whole or not at all; a link at `path` is replaced, not followed."""
    key = _key()
    if key is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(SEAL + _mac(key, data) + data)
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def remove_leftovers(folder: Path, pattern: str = "*.tmp") -> None:
    """Temporary files a killed build left before it could rename them into place."""
    for leftover in folder.glob(pattern):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def remove(path: Path) -> None:
    """Remove a file, a link (never what it points to) or a folder with all it holds."""
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)


def own_folder(path: Path) -> Path:
    """A folder inside the cache, made if missing; a link or file at its name is removed first,
    since no build makes one there and writing through it could reach anywhere."""
    if not path.is_dir() or path.is_symlink():
        remove(path)
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_folder(settings: dict) -> Path | None:
    """CACHE_PATH, unless it is a link: a cache read and written through one could be anywhere."""
    folder = Path(settings["CACHE_PATH"])
    if not folder.is_symlink():
        return folder
    _note_linked_cache(str(folder))
    return None


@functools.cache  # once per build, however many parts of it ask
def _note_linked_cache(folder: str) -> None:
    note(
        Path(folder),
        "is a symbolic link, so the build neither reads nor keeps a cache there",
        "remove the link",
    )
