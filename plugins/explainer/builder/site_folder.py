"""The folder a build writes the site into, before it replaces the output folder.

Every build writes into a staging folder that replaces the output folder only when everything
succeeded. A production build starts from an empty one. A development build with Pelican's
cache on (CACHE_CONTENT and LOAD_CONTENT_CACHE) keeps the site it replaced in CACHE_PATH and
builds over it next time: a file whose bytes are unchanged is not written again, and the files
the build did not write are removed before the site is finished. On a slow disk, creating the
folders and files of a site is most of a rebuild's time, and a rebuild changes few of them.

A build killed at any moment leaves the output folder as the last complete site: the finished
site and the output folder are exchanged in one step (exchange.py), and the next build clears
or puts back what the killed one left. The output folder and the folders beside it are the
build's own: a symbolic link at one of those names is never written through.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from pelican import signals
from pelican.writers import Writer

from ..model.cache_trust import cache_folder, remove
from ..model.render_cache import reuses_last_build
from .exchange import exchange

KEPT_SITE = "site"  # the previous site, in CACHE_PATH


class OutputFolderError(RuntimeError):
    """The output folder cannot be replaced safely; the message says why and what to do."""


def _same_disk(one: Path, other: Path) -> bool:
    return one.stat().st_dev == other.stat().st_dev


def _holds_a_link(folder: Path) -> bool:
    return any(
        os.path.islink(os.path.join(parent, name))
        for parent, subfolders, files in os.walk(folder)
        for name in subfolders + files
    )


class SiteFolder:
    _building: dict[str, SiteFolder] = {}  # by path: what Pelican's writer writes through

    def __init__(self, final: Path, kept: Path | None = None, theme_static: str = "theme"):
        self.final = final
        self.staging = final.with_name(final.name + ".partial")  # where a fresh site is built
        self.parked = final.with_name(final.name + ".previous")  # the old site, mid-swap (no exchange)
        self.path = kept or self.staging
        self.reused = kept is not None
        self.theme_static = theme_static  # copied afresh by Pelican every build
        self.written: set[str] = set()

    @classmethod
    def for_build(cls, final: Path, settings: dict) -> SiteFolder:
        if final.is_symlink():
            raise OutputFolderError(
                f"{os.path.relpath(final)}: is a symbolic link, and a build replaces the output folder "
                "whole — remove the link, or name the folder itself with --output or OUTPUT_PATH"
            )
        kept = None
        theme_static = os.path.normpath(settings.get("THEME_STATIC_DIR", "theme"))
        cache = cache_folder(settings)
        # Theme files copied to the site's root could not be told from the files a build left.
        if reuses_last_build(settings) and theme_static != "." and cache is not None:
            cache = cache.resolve()
            cache.mkdir(parents=True, exist_ok=True)
            final.parent.mkdir(parents=True, exist_ok=True)
            # The finished site is moved into place, which only works within one disk.
            if _same_disk(cache, final.parent):
                kept = cache / KEPT_SITE
        return cls(final, kept, theme_static)

    @classmethod
    def writing_to(cls, path) -> SiteFolder:
        """The folder being built at `path`; outside a build, one that writes every file."""
        return cls._building.get(os.path.abspath(path)) or cls(Path(path))

    def tidy(self) -> None:
        """Put back or clear what a killed build left; call it holding the build lock."""
        if self.parked.is_dir() and not self.parked.is_symlink() and not os.path.lexists(self.final):
            self.parked.rename(self.final)  # killed between the two renames of _replace_in_steps
        remove(self.parked)
        if self.reused:
            remove(self.staging)  # a killed production build's, or its previous site

    @contextmanager
    def building(self):
        """While Pelican runs: a fresh or reused folder, that Pelican's writer writes through."""
        # A kept site is only built over when it holds plain files and folders: a link
        # in it (a pull request can add one) would have the build write wherever it points.
        if self.reused and self.path.is_dir() and not self.path.is_symlink() and not _holds_a_link(self.path):
            remove(self.path / self.theme_static)
        else:
            remove(self.path)
        self.path.mkdir(parents=True, exist_ok=True)
        key = os.path.abspath(self.path)
        SiteFolder._building[key] = self
        try:
            yield self
        finally:
            del SiteFolder._building[key]

    def write(self, target: Path, content: str | bytes) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        self.written.add(os.path.abspath(target))
        if self.reused:
            try:
                if target.stat().st_size == len(data) and target.read_bytes() == data:
                    return
            except OSError:
                pass  # not there yet
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    def remove_unwritten(self) -> None:
        """Remove what an earlier build wrote and this one did not: removed pages, old indexes."""
        if not self.reused:
            return
        root = os.path.abspath(self.path)
        theme = os.path.join(root, self.theme_static)
        removed_folders = set()
        for folder, subfolders, files in os.walk(root, topdown=False):
            if folder == theme or folder.startswith(theme + os.sep):
                continue
            kept = 0
            for file in (os.path.join(folder, name) for name in files):
                if file in self.written:
                    kept += 1
                else:
                    os.unlink(file)
            emptied = not kept and all(os.path.join(folder, s) in removed_folders for s in subfolders)
            if emptied and folder != root:
                os.rmdir(folder)
                removed_folders.add(folder)

    def replace_output(self) -> None:
        """The finished site becomes the output folder in one step; the old site takes its place.

        A reused folder keeps the old site, to build the next one over; a fresh one drops it."""
        if not os.path.lexists(self.final):
            self.path.rename(self.final)
        elif not exchange(self.path, self.final):
            self._replace_in_steps()
        if not self.reused:
            remove(self.path)

    def _replace_in_steps(self) -> None:
        """Where folders cannot be exchanged: a build killed between the first two renames
        leaves the old site parked, and the next build's tidy() puts it back."""
        remove(self.parked)
        self.final.rename(self.parked)
        self.path.rename(self.final)
        self.parked.rename(self.path)

    def discard(self) -> None:
        """Drop a failed build's files; a reused folder is kept, and checked file by file next time."""
        if not self.reused:
            remove(self.path)


class SiteWriter(Writer):
    """Pelican's writer, writing through the site folder being built.

    The site's generators write with Pelican's public methods only: a page rendered through the
    theme (write_page, which is write_file without the pagination and relative addresses this
    site does not use) and a file made some other way (write_output).
    """

    def write_page(self, save_as: str, template, context: dict, **values) -> None:
        """Render `template` with the build's context and the page's own values, and write it."""
        local = {**context, "localsiteurl": context.get("localsiteurl"), "output_file": save_as, **values}
        self.write_output(save_as, template.render(local))
        signals.content_written.send(str(Path(self.output_path) / save_as), context=local)

    def write_output(self, relative: str, content: str | bytes) -> None:
        """Write a file into the site; no file is written twice in a build."""
        folder, target = SiteFolder.writing_to(self.output_path), Path(self.output_path) / relative
        if os.path.abspath(target) in folder.written:
            raise RuntimeError(f"{relative}: written twice in one build; each page has one address")
        folder.write(target, content)
