"""Compiled templates shared by every generator of a build, and kept between builds.

Pelican gives each generator a Jinja environment of its own, so without this the base
template and its partials are compiled once per generator. Jinja's bytecode cache lets them
share one compilation; when Pelican's content cache is on (CACHE_CONTENT), the compiled code
is also written to CACHE_PATH for the next build. Jinja stores each template's source
checksum with its code and compiles again when the template changed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import pelican
from jinja2 import BytecodeCache, FileSystemBytecodeCache
from jinja2.bccache import Bucket

from .render_cache import code_version, digest, reuses_last_build

FOLDER = "templates"


def _environment_fingerprint(settings: dict) -> str:
    """What compiled code depends on besides the template: versions, options, filter code."""
    return digest(
        jinja2.__version__,
        pelican.__version__,
        code_version(),  # the plugin's filters
        repr(sorted(settings.get("JINJA_ENVIRONMENT", {}).items())),
        *(repr(sorted(settings.get(name, {}))) for name in ("JINJA_FILTERS", "JINJA_GLOBALS", "JINJA_TESTS")),
    )


class SharedBytecode(BytecodeCache):
    def __init__(self, folder: Path | None = None):
        self.compiled: dict[str, bytes] = {}
        self.on_disk = None
        if folder:
            folder.mkdir(parents=True, exist_ok=True)
            self.on_disk = FileSystemBytecodeCache(str(folder))

    @classmethod
    def from_settings(cls, settings: dict) -> SharedBytecode:
        if not reuses_last_build(settings):
            return cls()
        # Jinja checks only a template's own text before reusing its code; the code also
        # depends on the environment's options, and on filters Jinja ran while compiling
        # (constant folding). So code is kept per fingerprint of those, and one set at a time.
        folders = Path(settings["CACHE_PATH"]) / FOLDER
        current = folders / _environment_fingerprint(settings)[:16]
        if folders.is_dir():
            for other in folders.iterdir():
                if other != current:
                    shutil.rmtree(other, ignore_errors=True)
        return cls(current)

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])
        elif self.on_disk:
            self.on_disk.load_bytecode(bucket)
            if bucket.code is not None:
                self.compiled[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()
        if self.on_disk:
            self.on_disk.dump_bytecode(bucket)
