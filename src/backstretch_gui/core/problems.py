"""Problems found in a user's file, said with file, line, column and field path."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

FieldPath = tuple[str | int, ...]


def format_path(path: FieldPath) -> str:
    """``("steps", 0, "reps")`` -> ``steps[0].reps``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A " (did you mean 'x'?)" suffix, or "" when nothing is close."""
    import difflib  # only when something is wrong: it is slow to import

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


class Problem(NamedTuple):  # a NamedTuple, not a dataclass: quicker to import
    file: str
    message: str
    line: int | None = None
    """1-based, as editors count."""
    column: int | None = None
    """1-based."""
    path: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        field = f" {self.path}:" if self.path else ""
        return f"{where}:{field} {self.message}"


class InvalidFileError(Exception):
    """A file could not be used; ``problems`` says every reason found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
