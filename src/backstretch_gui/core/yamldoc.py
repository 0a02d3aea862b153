"""Defensive YAML reading that remembers where every value stood in the file.

Safe loading only (no ``!!python`` tags), the C parser where available, a size limit,
a limit on expanded nodes so an alias bomb is refused instead of eating memory, and
on nesting, so an alias that contains itself is refused instead of recursing.

Plain scalars are read by the YAML 1.2 core schema, as JSON and most tools today read
them, not by PyYAML's YAML 1.1: ``010`` is ten (not octal eight), ``2e1`` is a number,
``no`` and ``2024-01-01`` are text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .files import MAX_FILE_BYTES, UnreadableFileError, display_path, read_limited
from .problems import FieldPath, InvalidFileError, Problem, format_path

MAX_NODES = 100_000
MAX_DEPTH = 32
"""Routines nest five levels deep; anything far deeper is not one."""
MAX_DIGITS = 30


class _CoreResolver(yaml.resolver.BaseResolver):
    """Tags for plain scalars by the YAML 1.2 core schema."""


for _tag, _pattern, _first in (
    ("bool", r"true|True|TRUE|false|False|FALSE", "tTfF"),
    ("int", r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+", "-+0123456789"),
    (
        "float",
        r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)",
        "-+0123456789.",
    ),
    ("null", r"~|null|Null|NULL|", ["~", "n", "N", ""]),
):
    _CoreResolver.add_implicit_resolver(
        f"tag:yaml.org,2002:{_tag}", re.compile(f"^(?:{_pattern})$"), list(_first)
    )

# libyaml's parser, as CSafeLoader has it (`yaml` itself does not export it).
_Parser: Any = getattr(getattr(yaml, "cyaml", None), "CParser", None)
if _Parser is not None:

    class _Loader(_Parser, yaml.constructor.BaseConstructor, _CoreResolver):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            _Parser.__init__(self, stream)
            yaml.constructor.BaseConstructor.__init__(self)
            _CoreResolver.__init__(self)

else:  # PyYAML built without libyaml: the same, slower

    class _Loader(  # type: ignore[no-redef]
        yaml.reader.Reader,
        yaml.scanner.Scanner,
        yaml.parser.Parser,
        yaml.composer.Composer,
        yaml.constructor.BaseConstructor,
        _CoreResolver,
    ):
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.BaseConstructor.__init__(self)
            _CoreResolver.__init__(self)


_MAPPING_TAG = "tag:yaml.org,2002:map"
_SEQUENCE_TAG = "tag:yaml.org,2002:seq"
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}


@dataclass
class Document:
    """Plain data from one YAML file, with 1-based positions by field path."""

    file: str
    data: Any
    positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)

    def problem(self, path: FieldPath, message: str, *, key: bool = True) -> Problem:
        """A problem at ``path``, placed at the nearest position we know."""
        probe = path
        while probe not in self.positions and probe:
            probe = probe[:-1]
        line, column = self.positions.get(probe, (None, None))
        return Problem(self.file, message, line, column, format_path(path))


def read_document(path: Path, display_name: str | None = None) -> Document:
    """Read ``path``; raise InvalidFileError with a clear message on anything bad."""
    name = display_name or display_path(path)
    try:
        raw = read_limited(path, MAX_FILE_BYTES)
    except UnreadableFileError as error:
        raise InvalidFileError([Problem(name, str(error))]) from None
    return parse_document(raw, name)


def parse_document(raw: bytes, name: str) -> Document:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        message = f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x})"
        raise InvalidFileError([Problem(name, message, line, column)]) from None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        raise InvalidFileError([_syntax_problem(name, text, error)]) from None
    except yaml.YAMLError as error:
        raise InvalidFileError([Problem(name, f"not valid YAML: {error}")]) from None
    except RecursionError:
        message = f"values are nested more than {MAX_DEPTH} levels deep"
        raise InvalidFileError([Problem(name, message)]) from None
    if node is None:
        raise InvalidFileError([Problem(name, "the file is empty")])
    document = Document(name, None)
    builder = _Builder(document)
    builder.mark((), node)
    document.data = builder.build(node, ())
    return document


def _syntax_problem(name: str, text: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return Problem(name, f"not valid YAML: {error.problem or error.context}")
    lines = text.split("\n")
    line_text = lines[mark.line] if mark.line < len(lines) else ""
    indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
    if "\t" in indent:
        message = "YAML does not allow tabs for indentation: indent with spaces"
        return Problem(name, message, mark.line + 1, indent.index("\t") + 1)
    message = f"not valid YAML: {error.problem or error.context}"
    return Problem(name, message, mark.line + 1, mark.column + 1)


class _Builder:
    """Turns composed nodes into plain data, recording positions as it goes."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.count = 0
        self.open: set[int] = set()
        """The nodes being built, from the top down to here: an alias to one of them
        would contain itself."""

    def fail(self, node: yaml.Node, message: str, path: FieldPath = ()) -> InvalidFileError:
        mark = node.start_mark
        where = format_path(path)
        problem = Problem(self.document.file, message, mark.line + 1, mark.column + 1, where)
        return InvalidFileError([problem])

    def build(self, node: yaml.Node, path: FieldPath) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail(node, f"the file expands to more than {MAX_NODES} values")
        if len(path) > MAX_DEPTH:
            raise self.fail(node, f"values are nested more than {MAX_DEPTH} levels deep", path)
        if node.tag not in (_MAPPING_TAG, _SEQUENCE_TAG, *_PLAIN_TAGS):
            message = f"unsupported YAML tag {node.tag!r}; use plain values"
            raise self.fail(node, message, path)
        if isinstance(node, yaml.ScalarNode):
            return self.build_scalar(node, path)
        if id(node) in self.open:
            raise self.fail(node, "an alias (*name) refers to a value that contains it", path)
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self.build_mapping(node, path)
            items = []
            for index, item in enumerate(node.value):
                self.mark(path + (index,), item)
                items.append(self.build(item, path + (index,)))
            return items
        finally:
            self.open.discard(id(node))

    def build_scalar(self, node: yaml.ScalarNode, path: FieldPath) -> Any:
        """A scalar's value by the YAML 1.2 core schema (its tag says which type)."""
        value: str = node.value
        kind = node.tag.rsplit(":", 1)[-1]
        if kind == "str":
            return value
        if kind == "null":
            return None
        if kind == "bool":
            if value.lower() in ("true", "false"):
                return value.lower() == "true"
            raise self.fail(node, f"'{value}' is not true or false", path)
        digits = value.lstrip("+-")
        if len(digits) > MAX_DIGITS:
            raise self.fail(node, f"the number has more than {MAX_DIGITS} digits", path)
        try:
            if kind == "int":
                sign = -1 if value.startswith("-") else 1
                base = {"0o": 8, "0x": 16}.get(digits[:2].lower(), 10)
                return sign * int(digits[2:] if base != 10 else digits, base)
            lowered = value.lower()
            if lowered.endswith((".inf", ".nan")):
                return float(lowered.replace(".", "", 1))
            return float(value)
        except ValueError:
            raise self.fail(node, f"'{value}' is not a number", path) from None

    def build_mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge" or (
                isinstance(key_node, yaml.ScalarNode)
                and key_node.style is None
                and key_node.value == "<<"
            ):
                raise self.fail(key_node, "YAML merge keys ('<<') are not supported", path)
            key = self.build(key_node, path)
            if not isinstance(key, str):
                raise self.fail(key_node, f"keys must be text, not {key!r}", path)
            if key in mapping:
                raise self.fail(key_node, f"the key '{key}' appears twice", path)
            self.mark(path + (key,), key_node)
            mapping[key] = self.build(value_node, path + (key,))
        return mapping

    def mark(self, path: FieldPath, node: yaml.Node) -> None:
        if path not in self.document.positions:
            start = node.start_mark
            self.document.positions[path] = (start.line + 1, start.column + 1)
