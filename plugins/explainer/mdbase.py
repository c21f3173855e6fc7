"""Shared base for the site's Markdown processors."""

from markdown.treeprocessors import Treeprocessor


class ExtensionTreeprocessor(Treeprocessor):
    """A treeprocessor that reads and records through its extension's per-document `state`."""

    def __init__(self, md, extension):
        super().__init__(md)
        self.extension = extension
