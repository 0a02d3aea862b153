"""Rules for the text in a routine or catalog file: what a person can read, and nothing else.

Every string in a file is shown as plain text and spoken, so it may not hold control
characters (a bell, an escape sequence), characters that reorder what follows them
(the right-to-left override behind "Trojan source" tricks), or line breaks where one
line is shown; and it must have something visible in it, not only spaces or
zero-width characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from .problems import FieldPath, Problem
from .yamldoc import Document

MULTI_LINE_FIELDS = frozenset(
    {"summary", "why", "instructions", "form_points", "cautions", "notes"}
)
"""Fields shown as paragraphs, where a line break is allowed."""

_REORDERING = {
    0x202A: "left-to-right embedding",
    0x202B: "right-to-left embedding",
    0x202C: "pop directional formatting",
    0x202D: "left-to-right override",
    0x202E: "right-to-left override",
    0x2066: "left-to-right isolate",
    0x2067: "right-to-left isolate",
    0x2068: "first strong isolate",
    0x2069: "pop directional isolate",
}
_LINE_BREAKS = "\n\u2028\u2029"
_CONTROLS = "\x00-\x09\x0b-\x1f\x7f-\x9f"
_FORBIDDEN_IN_PARAGRAPHS = re.compile(f"[{_CONTROLS}\u202a-\u202e\u2066-\u2069]")
_FORBIDDEN_IN_LINES = re.compile(f"[{_CONTROLS}\u202a-\u202e\u2066-\u2069{_LINE_BREAKS}]")
_PLAINLY_VISIBLE = re.compile(r"[^\W_]")
"""A letter or digit: the quick answer for almost every text (checked by category
otherwise, which is slow in Python)."""
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me"}


def text_problems(document: Document) -> list[Problem]:
    """A problem for every string in the document that breaks one of the rules."""
    problems = []
    for path, text in _strings(document.data, ()):
        message = text_problem(text, multi_line=_field_of(path) in MULTI_LINE_FIELDS)
        if message:
            problems.append(document.problem(path, message))
    return problems


def text_problem(text: str, *, multi_line: bool = False) -> str | None:
    """What is wrong with ``text`` as shown text, or None."""
    forbidden = _FORBIDDEN_IN_PARAGRAPHS if multi_line else _FORBIDDEN_IN_LINES
    found = forbidden.search(text)
    if found is not None:
        char = found.group()
        code = ord(char)
        if char in _LINE_BREAKS:
            return "must be one line (it holds a line break)"
        if code in _REORDERING:
            return (
                f"holds a {_REORDERING[code]} character (U+{code:04X}), which changes the "
                "order text is shown in; remove it"
            )
        name = "a tab" if char == "\t" else "a control character"
        return f"holds {name} (U+{code:04X}); only printable text is allowed"
    if not _PLAINLY_VISIBLE.search(text) and all(
        unicodedata.category(char) in _INVISIBLE_CATEGORIES for char in text
    ):
        return "has nothing visible in it"
    return None


def _strings(value: Any, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))


def _field_of(path: FieldPath) -> str:
    """The name of the field a value belongs to (``instructions`` for
    ``exercises[2].instructions[0]``)."""
    return next((part for part in reversed(path) if isinstance(part, str)), "")
