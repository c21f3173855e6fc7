"""What may stand under content/: folders and regular files, read without following links.

A pull request can add a symbolic link as easily as a file. Followed, a link to a file
outside the repository would publish it, and a link to /dev/zero would read until memory
runs out; so links, devices, pipes and sockets are refused by name and never opened, and a
file is read no further than the size limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import ContentError

# Far beyond any article (the longest source is about 8 KB); a larger file is a mistake or an attack.
MAX_BYTES = 1_000_000

_KINDS = [
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
]


def irregular_kind(mode: int) -> str | None:
    """'a symbolic link', 'a named pipe'…, or None for a folder or a regular file."""
    if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def irregular_entries(root: Path) -> list[tuple[Path, str]]:
    """Every entry below `root` (and root itself) that is neither a folder nor a regular file."""
    found = []
    kind = irregular_kind(os.lstat(root).st_mode)
    if kind:
        return [(root, kind)]
    for folder, folders, files in os.walk(root):  # os.walk does not follow links into folders
        for name in sorted(folders + files):
            path = Path(folder) / name
            kind = irregular_kind(os.lstat(path).st_mode)
            if kind:
                found.append((path, kind))
    return found


def irregular_entry_error(display_path: str, kind: str) -> ContentError:
    return ContentError(
        display_path,
        1,
        f"this is {kind}, and content/ holds only folders and regular files",
        "replace it with the file itself (git add the file, not a link to it), or remove it",
    )


def read_content_file(file: Path, display_path: str) -> bytes:
    """The file's bytes: a regular file, opened without following a link, read up to the limit."""
    try:
        descriptor = os.open(file, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise ContentError(
            display_path, 1, f"the file cannot be opened ({exc.strerror})", "replace it with a regular file"
        ) from None
    with os.fdopen(descriptor, "rb") as handle:
        kind = irregular_kind(os.fstat(handle.fileno()).st_mode)
        if kind or stat.S_ISDIR(os.fstat(handle.fileno()).st_mode):
            raise irregular_entry_error(display_path, kind or "a folder")
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        size = max(file.stat().st_size, len(data))
        raise ContentError(
            display_path,
            1,
            f"the file is {size:,} bytes, more than the {MAX_BYTES:,} allowed",
            "split it, or check that the right file was added",
        )
    return data
