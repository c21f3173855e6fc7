"""The content folder's documents, collection by collection: read, parsed, and what failed.

Links, devices and pipes anywhere under content/ are reported once, when the reader is made,
and never opened.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from ..content.errors import ContentError, ErrorCollector
from ..content.fields import SLUG
from ..content.files import irregular_entries, irregular_entry_error, read_content_file
from ..content.frontmatter import Document, parse_document


class DocumentReader:
    def __init__(self, content_dir: Path, errors: ErrorCollector, cache):
        self.content_dir, self.errors, self.cache = content_dir, errors, cache
        self.display_root = content_dir.parent
        self.failed: dict[str, set[str]] = {}  # collection -> slugs of files that did not load
        self.read: list[Document] = []  # every document read, of every collection
        self.irregular = set()
        for path, kind in irregular_entries(content_dir):
            self.irregular.add(path)
            self.errors.errors.append(irregular_entry_error(self.display(path), kind))

    def documents(self, name, required=False) -> list[tuple[str, Document]]:
        self.failed.setdefault(name, set())
        folder = self.content_dir / name
        if self.irregular & {self.content_dir, folder}:
            return []
        if not folder.is_dir() and not required:
            return []  # git keeps no empty folders: an absent optional collection is empty
        if not folder.is_dir():
            self.errors.add(
                self.display(folder),
                1,
                f"the folder content/{name}/ is missing",
                "restore it from the repository",
            )
            return []
        items = []
        for file in sorted(folder.iterdir()):
            display = self.display(file)
            if file.name.startswith(".") or file in self.irregular or file.is_dir():
                continue
            if file.suffix != ".md":
                self.errors.add(
                    display, 1, "only Markdown files belong here", "rename it to end in .md, or move it"
                )
                continue
            if not SLUG.fullmatch(file.stem):
                self.errors.add(
                    display,
                    1,
                    f"the file name '{file.stem}' is not a valid slug",
                    "use lower-case letters, digits and single hyphens, e.g. itwire-2018-06-25.md",
                )
                continue
            try:
                raw = read_content_file(file, display)
                document = self.cache.memo("document", partial(parse_document, raw, display))
            except ContentError as exc:
                self.errors.errors.append(exc)
                self.failed[name].add(file.stem)
                continue
            items.append((file.stem, document))
            self.read.append(document)
        return items

    def display(self, file: Path) -> str:
        """The path as contributors see it: content/sources/x.md."""
        return file.relative_to(self.display_root).as_posix()
