"""One build at a time per output folder, including what a killed build left running.

The lock is an flock on `<output>.lock`, which the kernel releases when the last process
holding it ends. The build passes it on to the programs it starts (Pagefind), so a build that
is killed while Pagefind writes keeps the folder locked until Pagefind has stopped too: the
next build waits for it instead of building in a folder someone else is still writing.
"""

from __future__ import annotations

import fcntl
import os
import sys
from contextlib import contextmanager
from pathlib import Path


def lock_file(output: Path) -> Path:
    return output.with_name(output.name + ".lock")


@contextmanager
def build_lock(output: Path):
    """Hold the output folder's lock; yields the descriptor to pass to child processes."""
    path = lock_file(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_symlink():  # no build makes one: opening it could create a file anywhere
        path.unlink()
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"build: waiting for another build of {os.path.relpath(output)}/ to end", file=sys.stderr)
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield descriptor
    finally:
        os.close(descriptor)
