"""Split a content file into its YAML metadata block and Markdown body, keeping line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .characters import hidden_character, hidden_reference
from .errors import ContentError
from .nesting import inline_nesting

FENCE = "---"
# LibYAML's parser recurses once per level of nesting and, past a few thousand levels, crashes
# the whole process; Python-Markdown recurses once per nested list or quotation, and reads ahead
# once per nested bracket or emphasis (content/nesting.py). Real content nests two or three
# levels, so these bounds are checked before either parser sees the text.
MAX_METADATA_BYTES = 64_000
MAX_FLOW_DEPTH = 16  # [ and { inside one another, as LibYAML's scanner reads them
_FLOW_START = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)
_FLOW_END = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)
MAX_NESTING_COLUMNS = 64  # indentation plus list and quotation markers at the start of a line
_YAML_NESTING = re.compile(r"[ \t]*(?:[-?:][ \t]+)*")
_MARKDOWN_NESTING = re.compile(r"(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*")


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
    _refuse_hidden_characters(lines, display_path)
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
    _refuse_deep_nesting(lines[1:end], 2, display_path, _YAML_NESTING, "metadata")
    _refuse_deep_nesting(lines[end + 1 :], end + 2, display_path, _MARKDOWN_NESTING, "text")
    body = "\n".join(lines[end + 1 :])
    nesting = inline_nesting(body)
    if nesting:
        line = end + 2 + body.count("\n", 0, nesting.offset)
        raise ContentError(display_path, line, *nesting.problem_and_fix())
    metadata = "\n".join(lines[1:end])
    if len(metadata.encode("utf-8")) > MAX_METADATA_BYTES:
        raise ContentError(
            display_path,
            2,
            f"the metadata block is larger than {MAX_METADATA_BYTES:,} bytes",
            "keep the metadata to the fields; the text goes below the second '---'",
        )
    meta, key_lines = _parse_yaml(metadata, display_path, first_line=2)
    return Document(display_path, meta, body, end + 2, key_lines)


def _refuse_hidden_characters(lines: list[str], path: str) -> None:
    """Control and bidirectional characters anywhere; zero-width ones in the metadata too.

    Each also as a character reference such as '&#x202E;', which a reader's browser turns into
    the character (the metadata's values are checked again once YAML has read its escapes).
    """
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() == FENCE), len(lines))
    for number, line in enumerate(lines, 1):
        metadata = number <= closing + 1
        found = hidden_character(line, metadata)
        if found:
            _, name, kind = found
            raise ContentError(
                path,
                number,
                f"the line holds a {kind} a reader cannot see ({name})",
                "delete it (retype the line if your editor does not show it)",
            )
        reference = hidden_reference(line, metadata)
        if reference:
            raise ContentError(path, number, *_reference_problem(reference))


def _reference_problem(reference: tuple[int, str, str, str]) -> tuple[str, str]:
    _, name, kind, written = reference
    return (
        f"the line holds a {kind} a reader cannot see ({name}), written as the reference {written}",
        "delete it (a browser shows the character a reference names)",
    )


def _refuse_deep_nesting(lines: list[str], first_line: int, path: str, nesting, part: str) -> None:
    for number, line in enumerate(lines, first_line):
        if nesting.match(line).end() > MAX_NESTING_COLUMNS:
            raise ContentError(
                path,
                number,
                f"the {part} is nested too deeply here",
                "write plain fields, lists and quotations a few levels deep",
            )


def _refuse_deep_flow(text: str, path: str, first_line: int) -> None:
    """[ and { inside one another, counted as LibYAML's scanner reads them (quotes, comments and
    all), at the line where they pass the limit. Unlike the parser, the scanner does not recurse,
    and it is stopped at the limit."""
    if text.count("[") + text.count("{") <= MAX_FLOW_DEPTH:
        return  # too few to nest past the limit: no need to scan
    scanner = _SafeLoader(text)
    depth = 0
    try:
        while (token := scanner.get_token()) is not None:
            if isinstance(token, _FLOW_START):
                depth += 1
                if depth > MAX_FLOW_DEPTH:
                    raise ContentError(
                        path,
                        token.start_mark.line + first_line,
                        f"the metadata has more than {MAX_FLOW_DEPTH} brackets inside one another",
                        "write lists one item per line instead of [ [ [ … ] ] ]",
                    )
            elif isinstance(token, _FLOW_END):
                depth -= 1
    finally:
        scanner.dispose()


def _parse_yaml(text: str, path: str, first_line: int) -> tuple[dict, dict]:
    loader = _StringDatesLoader(text)
    try:
        _refuse_deep_flow(text, path, first_line)
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
        at_end = exc.problem_mark is not None and exc.problem_mark.index >= len(text.rstrip())
        # A '[' or '{' left open is found where the next field starts: the line that opened it
        # is the one to fix.
        in_flow = (exc.context or "").startswith("while parsing a flow")
        unclosed = exc.context_mark and (at_end or in_flow or "end of stream" in (exc.problem or ""))
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


_INT_TAG = "tag:yaml.org,2002:int"
MAX_NUMBER_DIGITS = 9  # a paragraph number; Python refuses to read integers of 4,300 digits and more


class _Builder:
    """Construct plain values, recording each key's line and rejecting duplicate keys.

    Aliases are followed, but an alias inside itself, or one that multiplies the metadata past
    MAX_VALUES, is refused: either would hang or crash the build. Every text, keys too, is held
    to the rules the raw lines were: YAML's escapes ("\\u202e", "\\0") write characters that no
    line shows, and a value may be rendered as Markdown.
    """

    MAX_VALUES = 10_000

    def __init__(self, loader, path, first_line, key_lines):
        self.loader, self.path, self.first_line, self.key_lines = loader, path, first_line, key_lines
        self.open_nodes: set[int] = set()
        self.checked: set[int] = set()  # an alias repeats a text, not its check
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
                self._check_text(key_node, key)
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
        if node.tag == _INT_TAG and len(node.value.lstrip("+-0_")) > MAX_NUMBER_DIGITS:
            raise self._error(
                node,
                f"the number has more than {MAX_NUMBER_DIGITS} digits",
                "give the number as the page shows it",
            )
        value = self.loader.construct_object(node)
        if isinstance(value, str):
            self._check_text(node, value)
        return value

    def _check_text(self, node, text: str) -> None:
        if id(node) in self.checked:
            return
        self.checked.add(id(node))
        found = hidden_character(text, metadata=True)
        if found:
            _, name, kind = found
            raise self._error(
                node,
                f"the value holds a {kind} a reader cannot see ({name}), written as a YAML escape",
                "delete it (in double quotes, an escape such as \\u202e or \\0 writes the character)",
            )
        reference = hidden_reference(text, metadata=True)
        if reference:
            raise self._error(node, *_reference_problem(reference))
        nesting = inline_nesting(text)
        if nesting:
            raise self._error(node, *nesting.problem_and_fix())
