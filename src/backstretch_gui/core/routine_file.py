"""Routine files as the editor reads and writes them: nothing the user wrote is lost.

A file is read as plain data (with the app's own YAML reader, so the editor sees what
a session would), and written back with ruamel.yaml's round-trip mode: the new data is
laid onto the file as it was, so comments, key order, quoting and every untouched line
stay as they were. A new file is written in the documented order. Writes are atomic;
the version replaced is kept in the backups folder; a file changed by someone else
since it was opened is not overwritten unless asked (``force``).
"""

from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path
from typing import Any, NamedTuple

from .atomic import write_text_atomically
from .backups import backup_copy
from .files import MAX_FILE_BYTES, UnreadableFileError, display_path, read_limited
from .yamldoc import parse_document

SCHEMA_LINE = "# yaml-language-server: $schema=schemas/routine.schema.json\n"
ROUTINE_ORDER = [
    "version", "id", "title", "summary", "tags", "source", "defaults", "steps", "notes",
]  # fmt: skip
DEFAULTS_ORDER = ["prep", "transition", "rest_between_reps", "rest_between_sides", "sides"]
STEP_ORDER = [
    "exercise", "sides", "reps", "hold", "tempo", "rest_between_reps",
    "rest_between_sides", "prep", "cue", "setup",
]  # fmt: skip
PHASE_ORDER = ["cue", "seconds", "breath", "keyframe"]
ORDER_OF = {"": ROUTINE_ORDER, "defaults": DEFAULTS_ORDER, "steps": STEP_ORDER}
MAX_ID = 64
PLAIN_TAG = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _.+-]*")


class ChangedOnDiskError(Exception):
    """The file is not what the editor opened: another program changed it."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{display_path(path)} changed since it was opened")
        self.path = path


class OpenedFile(NamedTuple):
    path: Path
    text: str
    data: Any
    """Plain data: dicts, lists, strings, numbers, booleans."""
    digest: str
    """Of the bytes read: the file is the same while this is."""


def _digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def open_for_edit(path: Path) -> OpenedFile:
    """Read ``path``; InvalidFileError (as `validate` says it) if it is not YAML."""
    from .files import UnreadableFileError
    from .problems import InvalidFileError, Problem

    try:
        raw = read_limited(path, MAX_FILE_BYTES)
    except UnreadableFileError as error:
        raise InvalidFileError([Problem(display_path(path), str(error))]) from None
    document = parse_document(raw, display_path(path))
    return OpenedFile(path, raw.decode("utf-8"), document.data, _digest(raw))


def _yaml(text: str | None) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a line the user wrote
    mapping, sequence, offset = 2, 4, 2  # the bundled files' layout
    if text is not None:
        from ruamel.yaml.util import load_yaml_guess_indent

        _, guessed, guessed_offset = load_yaml_guess_indent(text)
        if guessed and guessed_offset is not None:
            sequence, offset = guessed, guessed_offset
            mapping = max(2, sequence - offset)
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def render(data: dict[str, Any], original: str | None) -> str:
    """``data`` as file text: laid onto ``original`` (keeping what it can), or new."""
    yaml = _yaml(original)
    if original is None:
        tree = _new_tree(data)
        head = SCHEMA_LINE
    else:
        tree = _merge(yaml.load(original), data, "")
        head = ""
    out = io.StringIO()
    yaml.dump(tree, out)
    return head + out.getvalue()


def _new_tree(data: dict[str, Any]) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    tree = _build(data, "")
    for key in ("steps", "notes"):
        if isinstance(tree.get(key), CommentedSeq):
            tree[key].fa.set_block_style()
    return tree


def _build(value: Any, context: str) -> Any:
    """Plain data as ruamel's nodes, in the documented order and the bundled style."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import (
        DoubleQuotedScalarString,
        FoldedScalarString,
        LiteralScalarString,
    )

    if isinstance(value, dict):
        order = ORDER_OF.get(context, PHASE_ORDER if context == "tempo" else [])
        keys = sorted(value, key=lambda k: order.index(k) if k in order else len(order))
        return CommentedMap((key, _build(value[key], key)) for key in keys)
    if isinstance(value, list):
        seq = CommentedSeq(_build(item, context) for item in value)
        if context == "tags":
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    if context == "tags" and isinstance(value, str) and not PLAIN_TAG.fullmatch(value):
        return DoubleQuotedScalarString(value)  # libyaml is strict in a flow list
    if context == "summary" and isinstance(value, str) and len(value) > 80:
        return FoldedScalarString(value)
    return value


def _merge(node: Any, new: Any, context: str) -> Any:
    """``new`` laid onto ``node``: what is equal keeps its place, style and comments."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap) and isinstance(new, dict):
        for key in [key for key in node if key not in new]:
            del node[key]
        order = ORDER_OF.get(context, PHASE_ORDER if context == "tempo" else [])
        for key, value in new.items():
            if key in node:
                node[key] = _merge(node[key], value, key)
            else:
                node.insert(_place(node, key, order), key, _build(value, key))
        return node
    if isinstance(node, CommentedSeq) and isinstance(new, list):
        return _merge_list(node, new, context)
    if _plain(node) == new and type(_plain(node)) is type(new):
        return node  # unchanged: keeps its quoting
    return _build(new, context)


def _merge_list(node: Any, new: list[Any], context: str) -> Any:
    """Items matched by value, then by position: a moved step keeps its comments."""
    old = list(node)
    old_plain = [_plain(item) for item in old]
    comments = dict(node.ca.items)
    used: set[int] = set()
    chosen: list[int | None] = []
    for value in new:
        match = next((i for i, p in enumerate(old_plain) if i not in used and p == value), None)
        chosen.append(match)
        if match is not None:
            used.add(match)
    for index, match in enumerate(chosen):  # the rest: the same place, if still free
        if match is None and index < len(old) and index not in used:
            chosen[index] = index
            used.add(index)
    items = []
    for value, match in zip(new, chosen, strict=True):
        items.append(
            _merge(old[match], value, context) if match is not None else _build(value, context)
        )
    node.clear()
    node.extend(items)
    node.ca.items.clear()
    for index, match in enumerate(chosen):
        if match is not None and match in comments:
            node.ca.items[index] = comments[match]
    return node


def _place(node: Any, key: str, order: list[str]) -> int:
    """Where a new key goes: after the last key that comes before it in ``order``."""
    if key not in order:
        return len(node)
    rank = order.index(key)
    position = 0
    for index, existing in enumerate(node):
        if existing in order and order.index(existing) < rank:
            position = index + 1
    return position


def _plain(node: Any) -> Any:
    """ruamel's nodes as plain data, to compare with the draft's."""
    if isinstance(node, dict):
        return {str(key): _plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_plain(item) for item in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    return node


def save(
    path: Path,
    data: dict[str, Any],
    opened: OpenedFile | None,
    *,
    backups: Path,
    keep: int = 5,
    force: bool = False,
) -> OpenedFile:
    """Write ``data`` to ``path`` atomically, keeping the version it replaces."""
    if path.exists():
        if not force:
            try:
                current = _digest(read_limited(path, MAX_FILE_BYTES))
            except UnreadableFileError:
                current = ""  # not what was opened: asked about
            if opened is None or current != opened.digest:
                raise ChangedOnDiskError(path)
        backup_copy(path, backups, keep)
    text = render(data, opened.text if opened is not None else None)
    write_text_atomically(path, text)
    return OpenedFile(path, text, data, _digest(text.encode("utf-8")))


def unique_id(wanted: str, taken: set[str]) -> str:
    """``wanted``, or ``wanted-2``, ``-3``... when it is taken (at most 64 characters)."""
    if wanted not in taken:
        return wanted
    base = re.sub(r"-\d+$", "", wanted)[: MAX_ID - 5].rstrip("-") or "routine"
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def file_name_for(routine_id: str, folder: Path) -> Path:
    """A free file name for a routine in ``folder``: ``<id>.yaml``, or numbered."""
    candidate = folder / f"{routine_id}.yaml"
    number = 2
    while candidate.exists() or candidate.is_symlink():
        candidate = folder / f"{routine_id}-{number}.yaml"
        number += 1
    return candidate
