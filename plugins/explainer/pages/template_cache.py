"""Compiled templates shared by every generator of a build, and kept between builds.

Pelican gives each generator a Jinja environment of its own, so without this the base
template and its partials are compiled once per generator. Jinja's bytecode cache lets them
share one compilation; when Pelican's content cache is on (CACHE_CONTENT), the compiled code
is also written to CACHE_PATH for the next build. Jinja stores each template's source
checksum with its code and compiles again when the template changed. Compiled code runs when
it is read, so each file is sealed and one that does not verify is not read (model/cache_trust.py).
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import pelican
from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from ..model import cache_trust
from ..model.cache_keys import call_key
from ..model.render_cache import code_version, reuses_last_build

FOLDER = "templates"


def _environment_fingerprint(settings: dict) -> str:
    """What compiled code depends on besides the template: versions, options, filter code."""
    return call_key(
        jinja2.__version__,
        pelican.__version__,
        code_version(),  # the plugin's filters
        repr(sorted(settings.get("JINJA_ENVIRONMENT", {}).items())),
        *(repr(sorted(settings.get(name, {}))) for name in ("JINJA_FILTERS", "JINJA_GLOBALS", "JINJA_TESTS")),
    )


class SharedBytecode(BytecodeCache):
    def __init__(self, folder: Path | None = None):
        self.compiled: dict[str, bytes] = {}
        self.folder = cache_trust.own_folder(folder) if folder else None
        if self.folder:
            cache_trust.remove_leftovers(self.folder)

    @classmethod
    def from_settings(cls, settings: dict) -> SharedBytecode:
        cache = cache_trust.cache_folder(settings)
        if not reuses_last_build(settings) or cache is None:
            return cls()
        # Jinja checks only a template's own text before reusing its code; the code also
        # depends on the environment's options, and on filters Jinja ran while compiling
        # (constant folding). So code is kept per fingerprint of those, and one set at a time.
        folders = cache_trust.own_folder(cache / FOLDER)
        current = folders / _environment_fingerprint(settings)[:16]
        for other in folders.iterdir():
            if other != current:
                cache_trust.remove(other)
        return cls(current)

    def _file(self, bucket: Bucket) -> Path:
        return self.folder / f"{bucket.key}.sealed"

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key not in self.compiled and self.folder:
            data = cache_trust.read(self._file(bucket))
            if data is not None:
                self.compiled[bucket.key] = data
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()
        if self.folder:
            cache_trust.write(self._file(bucket), self.compiled[bucket.key])
