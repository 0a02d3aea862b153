"""Defensive YAML reading that remembers where every value stood in the file.

Safe loading only (no ``!!python`` tags), the C parser where available, a size limit,
and a limit on expanded nodes so an alias bomb is refused instead of eating memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .files import MAX_FILE_BYTES, UnreadableFileError, display_path, read_limited
from .problems import FieldPath, InvalidFileError, Problem, format_path

MAX_NODES = 100_000

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
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
        mark = error.problem_mark or error.context_mark
        message = f"not valid YAML: {error.problem or error.context}"
        if mark is None:
            raise InvalidFileError([Problem(name, message)]) from None
        raise InvalidFileError([Problem(name, message, mark.line + 1, mark.column + 1)]) from None
    except yaml.YAMLError as error:
        raise InvalidFileError([Problem(name, f"not valid YAML: {error}")]) from None
    if node is None:
        raise InvalidFileError([Problem(name, "the file is empty")])
    document = Document(name, None)
    builder = _Builder(document)
    builder.mark((), node)
    document.data = builder.build(node, ())
    return document


class _Builder:
    """Turns composed nodes into plain data, recording positions as it goes."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.count = 0
        # One per document: a constructor remembers every node it has built, marks and
        # all, so a shared one would keep every file ever read.
        self.scalars = yaml.constructor.SafeConstructor()

    def fail(self, node: yaml.Node, message: str) -> InvalidFileError:
        mark = node.start_mark
        problem = Problem(self.document.file, message, mark.line + 1, mark.column + 1)
        return InvalidFileError([problem])

    def build(self, node: yaml.Node, path: FieldPath) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail(node, f"the file expands to more than {MAX_NODES} values")
        if node.tag not in (_MAPPING_TAG, _SEQUENCE_TAG, *_PLAIN_TAGS):
            raise self.fail(node, f"unsupported YAML tag {node.tag!r}; use plain values")
        if isinstance(node, yaml.MappingNode):
            return self.build_mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.mark(path + (index,), item)
                items.append(self.build(item, path + (index,)))
            return items
        return self.scalars.construct_object(node)

    def build_mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self.fail(key_node, "YAML merge keys ('<<') are not supported")
            key = self.build(key_node, path)
            if not isinstance(key, str):
                raise self.fail(key_node, f"keys must be text, not {key!r}")
            if key in mapping:
                raise self.fail(key_node, f"the key '{key}' appears twice")
            self.mark(path + (key,), key_node)
            mapping[key] = self.build(value_node, path + (key,))
        return mapping

    def mark(self, path: FieldPath, node: yaml.Node) -> None:
        if path not in self.document.positions:
            start = node.start_mark
            self.document.positions[path] = (start.line + 1, start.column + 1)
