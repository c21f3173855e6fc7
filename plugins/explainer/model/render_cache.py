"""Work kept between builds, so a rebuild redoes only what changed.

Pelican's content cache (CACHE_CONTENT, LOAD_CONTENT_CACHE, CACHE_PATH) covers Pelican's own
readers, which this site does not use; this cache honours the same settings for the
explainer's own work: parsing content files, rendering Markdown, and comparing texts.

A result is found by the call that computed it, function and arguments (cache_keys.py derives
the key from them; no caller names its inputs), and by the plugin's own code. A rendering's
call holds the text and the renderer, which stands for its configuration (site address, entity
names). A text that cites sources also records each cited source's paragraphs, and is rendered
afresh when they change, since its quotations must be checked again. Renders that found
problems are never kept.

Sources referred to by a kept result are stored by key and bound to this build's sources when
it is read, as Pelican's cache stores its content objects with pickle. The file is written
once the site is (RenderCacheWriter), keeping only what that build used. Since unpickling runs
code, the file is sealed with a key kept outside the repository, and one that does not verify
is not read (cache_trust.py).
"""

from __future__ import annotations

import functools
import io
import pickle
import sys
from collections import Counter
from functools import partial
from pathlib import Path

import markdown
import yaml

from . import cache_trust
from .cache_keys import call_key

CACHE_FILE = "explainer-render.sealed"


def reuses_last_build(settings: dict) -> bool:
    """Pelican's cache settings both on: a development build that builds on the last one."""
    return bool(settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE"))


@functools.cache  # the code this process imported: read once, however many caches ask
def code_version() -> str:
    """The plugin's source and what it builds on: new code never reads old results.

    Python's version covers its Unicode tables, which the quotation checks normalise with.
    """
    files = sorted(Path(__file__).parent.parent.rglob("*.py"))  # the whole plugin
    return call_key(
        sys.version,
        markdown.__version__,
        yaml.__version__,
        *(file.read_text(encoding="utf-8") for file in files),
    )


class _SourcesByKey(pickle.Pickler):
    def __init__(self, file, source_ids):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.source_ids = source_ids

    def persistent_id(self, obj):
        return ("source", obj.slug) if id(obj) in self.source_ids else None


class _KeysToSources(pickle.Unpickler):
    def __init__(self, file, sources):
        super().__init__(file)
        self.sources = sources

    def persistent_load(self, pid):
        return self.sources[pid[1]]


class RenderCache:
    def __init__(self, folder: Path | None = None, load: bool = False):
        self.file = folder / CACHE_FILE if folder else None
        self.code = code_version() if folder else ""
        self.stored: dict[str, tuple[bytes, dict[str, str]]] = {}
        self.kept: dict[str, tuple[bytes, dict[str, str]]] = {}
        self.hits: Counter[str] = Counter()  # by kind of work: render, document…
        self.misses: Counter[str] = Counter()
        data = cache_trust.read(self.file) if self.file and load else None
        if data is not None:  # sealed by a build on this machine: safe to unpickle
            try:
                self.stored = pickle.loads(data)
            except Exception:  # written by another version of the code: an empty cache
                self.stored = {}

    @classmethod
    def from_settings(cls, settings: dict) -> RenderCache:
        """A cache in CACHE_PATH when CACHE_CONTENT is set; otherwise one that keeps nothing."""
        folder = cache_trust.cache_folder(settings) if settings.get("CACHE_CONTENT") else None
        if folder is None:
            return cls()
        return cls(folder, load=bool(settings.get("LOAD_CONTENT_CACHE")))

    def render(self, renderer, text: str, namespace: str = "", self_entity: str | None = None):
        """renderer.render(text, …), from the cache when nothing it depends on has changed."""
        return self.memo(
            "render",
            partial(renderer.render, text, namespace, None, self_entity),
            renderer.sources or {},
            checked_against=lambda rendered: [note.source for note in rendered.notes],
            keep=lambda rendered: not rendered.problems,
        )

    def memo(self, kind: str, compute: partial, sources=None, checked_against=None, keep=None):
        """compute(), or its result from an earlier build that made the same call.

        The key is the call itself (cache_keys.call_key): its function and every argument. A
        result `checked_against(result)` lists sources for is computed again when any of their
        paragraphs has changed. `sources` (slug to source) are the sources the result may refer
        to. A result `keep` refuses, or a compute that raises, is not kept.
        """
        if not self.file:  # caching is off: nothing to look up or keep
            return compute()
        sources = sources or {}
        key = call_key(self.code, kind, compute)
        found = self.stored.get(key)
        if found and all(
            slug in sources and sources[slug].cache_fingerprint == checked
            for slug, checked in found[1].items()
        ):
            self.hits[kind] += 1
            self.kept[key] = found
            return self._load(found[0], sources)
        self.misses[kind] += 1
        value = compute()
        if keep is not None and not keep(value):
            return value
        checked = checked_against(value) if checked_against else []
        # A result citing a source that failed to load (None) has nothing to be checked against
        # next time: it is not kept, and the build stops on that source's own error.
        if None not in checked:
            digests = {source.slug: source.cache_fingerprint for source in checked}
            self.kept[key] = (self._dump(value, sources), digests)
        return value

    @staticmethod
    def _dump(value, sources: dict) -> bytes:
        buffer = io.BytesIO()
        _SourcesByKey(buffer, {id(source) for source in sources.values()}).dump(value)
        return buffer.getvalue()

    @staticmethod
    def _load(data: bytes, sources: dict):
        return _KeysToSources(io.BytesIO(data), sources).load()

    def save(self) -> None:
        """Keep the entries this build used; renders of deleted or changed texts are dropped."""
        if not self.file:
            return
        cache_trust.write(self.file, pickle.dumps(self.kept, protocol=pickle.HIGHEST_PROTOCOL))
        cache_trust.remove_leftovers(self.file.parent, f"{self.file.name}.*.tmp")
