"""Compiled templates shared by every generator of a build, and kept between builds.

Pelican gives each generator a Jinja environment of its own, so without this the base
template and its partials are compiled once per generator. Jinja's bytecode cache lets them
share one compilation; when Pelican's content cache is on (CACHE_CONTENT), the compiled code
is also written to CACHE_PATH for the next build. Jinja stores each template's source
checksum with its code and compiles again when the template changed.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import BytecodeCache, FileSystemBytecodeCache
from jinja2.bccache import Bucket

FOLDER = "templates"


class SharedBytecode(BytecodeCache):
    def __init__(self, folder: Path | None = None):
        self.compiled: dict[str, bytes] = {}
        self.on_disk = None
        if folder:
            folder.mkdir(parents=True, exist_ok=True)
            self.on_disk = FileSystemBytecodeCache(str(folder))

    @classmethod
    def from_settings(cls, settings: dict) -> SharedBytecode:
        caching = settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE")
        return cls(Path(settings["CACHE_PATH"]) / FOLDER if caching else None)

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
