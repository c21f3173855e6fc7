"""Two folders swapped in one step, so that a crash or a reader never finds either name empty.

Linux has renameat2(RENAME_EXCHANGE) since 3.15, wrapped by glibc since 2.28: both names stay
taken at every instant. Where it is missing (another system, an older C library, a filesystem
that refuses it), exchange() says so and the caller swaps in steps it can recover from.
"""

from __future__ import annotations

import ctypes
import errno
import functools
import os
import sys
from pathlib import Path

AT_FDCWD = -100
RENAME_EXCHANGE = 1 << 1
# What renameat2 answers when this kernel or filesystem cannot exchange.
UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP}


@functools.cache
def _renameat2():
    if not sys.platform.startswith("linux"):
        return None
    function = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if function is not None:
        function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
        function.restype = ctypes.c_int
    return function


def exchange(one: Path, other: Path) -> bool:
    """Swap what the two paths name, atomically; False where this system cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(one), AT_FDCWD, os.fsencode(other), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(one), None, str(other))
