"""From a YAML document to a typed Routine or Catalog, with clear messages.

Versioned like qutebrowser's config files: a file from a newer format is refused,
an older one is migrated step by step before it is typed.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

import msgspec
import msgspec.inspect as mi

from .model import FORMAT_VERSION, Catalog, Routine
from .problems import FieldPath, InvalidFileError, Problem, did_you_mean, format_path
from .yamldoc import Document

T = TypeVar("T", Catalog, Routine)

Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {}
"""Version N -> N + 1. Empty while format 1 is the only one there has been."""

_AT_PATH = re.compile(r"^(?P<message>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.DOTALL)
_PATH_PART = re.compile(r"\.([^.\[]+)|\[(\d+)\]")


def decode(document: Document, kind: type[T]) -> T:
    data = document.data
    if not isinstance(data, dict):
        raise InvalidFileError([document.problem((), "expected a mapping of fields at the top")])
    data = migrate(document, data)
    try:
        return msgspec.convert(data, kind)
    except msgspec.ValidationError:
        raise InvalidFileError(structure_problems(document, data, kind)) from None


def structure_problems(document: Document, data: Any, kind: type) -> list[Problem]:
    """Every field that does not fit ``kind``, not only the first msgspec meets: the
    data is walked field by field, list item by list item, and each value converted
    alone, so each problem is said in the same words as a single one would be."""
    problems: list[Problem] = []

    def fault(error: msgspec.ValidationError, path: FieldPath) -> None:
        message, _, rest = str(error).partition(" - at `$")
        where = format_path(path)
        inner = rest.rstrip("`")
        full = ("." + where if where and not where.startswith("[") else where) + inner
        problems.append(_problem_from(document, kind, f"{message} - at `${full}`"))

    _walk(data, kind, (), fault)
    return problems


def _walk(value: Any, annotation: Any, path: FieldPath, fault: Any) -> None:
    target = _without_none(annotation) if value is not None else annotation
    struct = _struct(target)
    if struct is not None and isinstance(value, dict):
        fields = {info.encode_name: info for info in msgspec.structs.fields(struct)}
        for key in value:
            if key not in fields:
                _fault_at(fault, f"Object contains unknown field `{key}`", path)
        for name, info in fields.items():
            if name in value:
                _walk(value[name], info.type, (*path, name), fault)
            elif info.required:
                _fault_at(fault, f"Object missing required field `{name}`", path)
        return
    item = _list_item(target)
    if item is not None and _struct(item) is not None and isinstance(value, list):
        try:  # the list's own bounds, whatever its items
            msgspec.convert(value, _any_items(target))
        except msgspec.ValidationError as error:
            fault(error, path)
        for index, entry in enumerate(value):
            _walk(entry, item, (*path, index), fault)
        return
    try:
        msgspec.convert(value, annotation)
    except msgspec.ValidationError as error:
        fault(error, path)


def _fault_at(fault: Any, message: str, path: FieldPath) -> None:
    fault(msgspec.ValidationError(message), path)


def _without_none(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        return options[0] if len(options) == 1 else annotation
    return annotation


def _struct(annotation: Any) -> type | None:
    plain = typing.get_args(annotation)[0] if _annotated(annotation) else annotation
    if isinstance(plain, type) and issubclass(plain, msgspec.Struct):
        return plain
    return None


def _list_item(annotation: Any) -> Any:
    plain = typing.get_args(annotation)[0] if _annotated(annotation) else annotation
    if typing.get_origin(plain) is list:
        return typing.get_args(plain)[0]
    return None


def _any_items(annotation: Any) -> Any:
    """``annotation`` (a list, maybe with bounds) with items of any kind."""
    if _annotated(annotation):
        return typing.Annotated[(list[Any], *annotation.__metadata__)]
    return list[Any]


def _annotated(annotation: Any) -> bool:
    return typing.get_origin(annotation) is typing.Annotated


def migrate(document: Document, data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("version", FORMAT_VERSION)
    if not isinstance(version, int) or isinstance(version, bool):
        return data  # the typed decoder says what is wrong with it
    if version > FORMAT_VERSION:
        message = (
            f"this file is written for format version {version}, but this Backstretch "
            f"reads versions up to {FORMAT_VERSION}; update Backstretch to open it"
        )
        raise InvalidFileError([document.problem(("version",), message)])
    while version < FORMAT_VERSION and version in MIGRATIONS:
        data = MIGRATIONS[version](data)
        version += 1
        data["version"] = version
    return data


def _problem_from(document: Document, kind: type, text: str) -> Any:
    match = _AT_PATH.match(text)
    assert match is not None  # the pattern matches any text
    message, raw_path = match["message"], match["path"] or ""
    path: FieldPath = tuple(
        name if name else int(index) for name, index in _PATH_PART.findall(raw_path)
    )
    unknown = re.fullmatch(r"Object contains unknown field `(.+)`", message)
    if unknown:
        field = unknown[1]
        info = _type_at(kind, path)
        choices = [f.encode_name for f in info.fields] if isinstance(info, mi.StructType) else []
        hint = did_you_mean(field, choices)
        if not hint and choices:
            hint = f"; expected one of: {', '.join(choices)}"
        return document.problem(path + (field,), f"unknown field '{field}'{hint}")
    info = _type_at(kind, path)
    if message.startswith("Invalid enum value") and isinstance(info, mi.EnumType):
        allowed = ", ".join(str(member.value) for member in info.cls)
        return document.problem(path, f"{message[19:]} is not one of: {allowed}")
    return document.problem(path, humanize(message))


def _type_at(kind: type, path: FieldPath) -> Any:
    """The msgspec type info of the value at ``path`` (None when not found)."""
    info: Any = mi.type_info(kind)
    for part in path:
        info = _unwrap(info)
        if isinstance(part, int) and isinstance(info, mi.ListType):
            info = info.item_type
        elif isinstance(part, str) and isinstance(info, mi.StructType):
            info = next((f.type for f in info.fields if f.encode_name == part), None)
        else:
            return None
    return _unwrap(info)


def _unwrap(info: Any) -> Any:
    if isinstance(info, mi.UnionType):
        options = [t for t in info.types if not isinstance(t, mi.NoneType)]
        return options[0] if len(options) == 1 else info
    if isinstance(info, mi.Metadata):
        return _unwrap(info.type)
    return info


_TYPE_WORDS = {
    "int": "a whole number",
    "float": "a number",
    "str": "text",
    "bool": "true or false",
    "array": "a list",
    "object": "a mapping of fields",
    "null": "nothing",
}


def humanize(message: str) -> str:
    """Turn msgspec's terse messages into what a person editing the file needs."""
    rules: list[tuple[str, Callable[[re.Match[str]], str]]] = [
        (
            r"Expected `(\w+(?: \| null)?)`, got `(\w+)`",
            lambda m: f"expected {_word(m[1])}, got {_word(m[2])}",
        ),
        (r"Expected `(\w+)` (<=|<|>=|>) (\S+)", lambda m: _bound(m[1], m[2], m[3])),
        (
            r"Expected `str` matching regex '.*'",
            lambda m: "expected an id of lower-case letters, digits and dashes",
        ),
        (
            r"Expected `(str|array)` of length (<=|>=) (\d+)",
            lambda m: _length(m[1], m[2], int(m[3])),
        ),
        (r"Object missing required field `(.+)`", lambda m: f"missing required field '{m[1]}'"),
    ]
    for pattern, render in rules:
        match = re.fullmatch(pattern, message)
        if match:
            return render(match)
    return message.replace("`", "'")


def _word(name: str) -> str:
    return _TYPE_WORDS.get(name.removesuffix(" | null"), name)


def _bound(kind: str, op: str, value: str) -> str:
    words = {"<=": "at most", "<": "less than", ">=": "at least", ">": "more than"}
    return f"expected {_word(kind)} {words[op]} {value.removesuffix('.0')}"


def _length(kind: str, op: str, size: int) -> str:
    unit = ("character" if kind == "str" else "item") + ("" if size == 1 else "s")
    bound = "at most" if op == "<=" else "at least"
    return f"expected {_word(kind)} of {bound} {size} {unit}"
