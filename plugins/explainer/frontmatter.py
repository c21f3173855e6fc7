"""Split a content file into its YAML metadata block and Markdown body, keeping line numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .errors import ContentError

FENCE = "---"
# Far beyond any article (the longest source is about 8 KB); a larger file is a mistake or an attack.
MAX_BYTES = 1_000_000


# LibYAML's parser (bundled with PyYAML's wheels) is about ten times faster than the pure-Python one.
_SafeLoader = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader


class _StringDatesLoader(_SafeLoader):
    """SafeLoader that leaves dates as text, so the date parser sees what was written."""


_StringDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Document:
    path: str  # as shown to contributors, relative to the project
    meta: dict
    body: str
    body_line: int  # file line of the body's first line
    lines: dict[tuple, int] = field(default_factory=dict)

    def line_of(self, *key) -> int:
        """Line of a metadata key (or the nearest enclosing key), for error messages."""
        while key and key not in self.lines:
            key = key[:-1]
        return self.lines.get(key, 1)

    def body_line_of(self, needle: str) -> int:
        """File line where `needle` first occurs in the body (body start if absent)."""
        index = self.body.find(needle)
        if index < 0:
            return self.body_line
        return self.body_line + self.body.count("\n", 0, index)


def read_document(file: Path, display_path: str) -> Document:
    return parse_document(read_content_file(file, display_path), display_path)


def read_content_file(file: Path, display_path: str) -> bytes:
    """The file's bytes, unless it is too large to be content."""
    if file.stat().st_size > MAX_BYTES:
        raise ContentError(
            display_path,
            1,
            f"the file is {file.stat().st_size:,} bytes, more than the {MAX_BYTES:,} allowed",
            "split it, or check that the right file was added",
        )
    return file.read_bytes()


def parse_document(raw: bytes, display_path: str) -> Document:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(
            display_path,
            line,
            f"the file is not valid UTF-8 (byte {exc.start})",
            "save the file with UTF-8 encoding",
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        raise ContentError(
            display_path,
            1,
            "the file does not start with a metadata block",
            "put '---' on the first line, the fields below it, then another '---'",
        )
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        raise ContentError(
            display_path,
            1,
            "the metadata block is never closed",
            "add a line '---' after the last metadata field",
        ) from None
    meta, key_lines = _parse_yaml("\n".join(lines[1:end]), display_path, first_line=2)
    body = "\n".join(lines[end + 1 :])
    return Document(display_path, meta, body, end + 2, key_lines)


def _parse_yaml(text: str, path: str, first_line: int) -> tuple[dict, dict]:
    loader = _StringDatesLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ContentError(
                path,
                first_line,
                "the metadata block is empty",
                "add the required fields (see CONTRIBUTING.md)",
            )
        if not isinstance(node, MappingNode):
            raise ContentError(
                path,
                node.start_mark.line + first_line,
                "the metadata block is not a list of 'field: value' lines",
                "write one 'field: value' per line",
            )
        key_lines: dict[tuple, int] = {}
        value = _Builder(loader, path, first_line, key_lines).build(node, ())
    except yaml.MarkedYAMLError as exc:
        # An unclosed quote or bracket is reported at the end of the text; its start is more useful.
        unclosed = "end of stream" in (exc.problem or "") and exc.context_mark
        mark = exc.context_mark if unclosed else exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else first_line
        problem = exc.problem or exc.context or "unreadable"
        raise ContentError(
            path,
            line,
            f"the metadata is not valid YAML ({problem})",
            "check indentation, colons and quotes on this line; quote values that contain ': '",
        ) from None
    except RecursionError:
        raise ContentError(
            path, first_line, "the metadata is nested too deeply", "write plain fields, lists and mappings"
        ) from None
    except yaml.YAMLError as exc:
        raise ContentError(
            path,
            first_line,
            f"the metadata is not valid YAML ({exc})",
            "check the metadata block",
        ) from None
    finally:
        loader.dispose()
    return value, key_lines


class _Builder:
    """Construct plain values, recording each key's line and rejecting duplicate keys.

    Aliases are followed, but an alias inside itself, or one that multiplies the metadata past
    MAX_VALUES, is refused: either would hang or crash the build.
    """

    MAX_VALUES = 10_000

    def __init__(self, loader, path, first_line, key_lines):
        self.loader, self.path, self.first_line, self.key_lines = loader, path, first_line, key_lines
        self.open_nodes: set[int] = set()
        self.count = 0

    def _error(self, node, problem, fix):
        return ContentError(self.path, node.start_mark.line + self.first_line, problem, fix)

    def build(self, node, key_path):
        self.count += 1
        if self.count > self.MAX_VALUES:
            raise self._error(node, "the metadata is far too large", "remove repeated aliases (*name)")
        if id(node) in self.open_nodes:
            raise self._error(
                node, "an alias refers to itself", "write the value out instead of using *alias"
            )
        self.open_nodes.add(id(node))
        try:
            return self._build(node, key_path)
        finally:
            self.open_nodes.discard(id(node))

    def _build(self, node, key_path):
        if isinstance(node, MappingNode):
            result = {}
            for key_node, value_node in node.value:
                line = key_node.start_mark.line + self.first_line
                key = self.loader.construct_object(key_node) if isinstance(key_node, ScalarNode) else None
                if not isinstance(key, str):
                    raise self._error(
                        key_node, "a field name is not plain text", "write field names as words"
                    )
                if key in result:
                    raise self._error(key_node, f"the field '{key}' is given twice", "keep one of them")
                self.key_lines[key_path + (key,)] = line
                result[key] = self.build(value_node, key_path + (key,))
            return result
        if isinstance(node, SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.key_lines[key_path + (index,)] = item.start_mark.line + self.first_line
                items.append(self.build(item, key_path + (index,)))
            return items
        return self.loader.construct_object(node)
