"""The user's own exercises: a catalog file beside their routines, checked like the
bundled one, and pictures of their own in the images folder beside it.

A user exercise never replaces a bundled one: one with a bundled exercise's id is a
problem of the user's file, and the bundled exercise stays.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .atomic import write_bytes_atomically, write_text_atomically
from .decode import decode
from .files import UnreadableFileError, read_limited
from .model import Catalog, Exercise
from .problems import InvalidFileError, Problem
from .resources import USER_PICTURES, illustrations_dir
from .yamldoc import read_document

EXERCISES_FILE = "exercises.yaml"
MAX_PICTURE_BYTES = 5 * 1024 * 1024
PICTURE_SUFFIXES = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".svg": "svg"}
SCHEMA_LINE = "# yaml-language-server: $schema=schemas/exercises.schema.json\n"


class PictureError(Exception):
    """A picture that can't be used; the message says why in plain words."""


CatalogCheck = Callable[..., list[Problem]]


def load_user_exercises(
    path: Path, bundled: Catalog, check_catalog: CatalogCheck
) -> tuple[list[Exercise], list[Problem]]:
    """The sound exercises of the user's file, and the problems of the rest
    (``check_catalog``: the library's checks of a catalog)."""
    try:
        document = read_document(path)
        catalog = decode(document, Catalog)
    except InvalidFileError as error:
        return [], error.problems
    problems = check_catalog(document, catalog, mine=True)
    taken = {exercise.id for exercise in bundled.exercises}
    kept: list[Exercise] = []
    for index, exercise in enumerate(catalog.exercises):
        at = ("exercises", index)
        if exercise.id in taken:
            message = (
                f"'{exercise.id}' is the id of an exercise that comes with Backstretch; "
                "give yours another id (the bundled one is used meanwhile)"
            )
            problems.append(document.problem(at + ("id",), message))
            continue
        missing = [k.file for k in exercise.keyframes if not _picture_exists(k.file, path.parent)]
        if missing:
            message = f"no picture called {', '.join(missing)}"
            problems.append(document.problem(at + ("keyframes",), message))
            continue
        if not any(p.path.startswith(f"exercises[{index}]") for p in problems):
            kept.append(exercise)
    return kept, problems


def _picture_exists(name: str, folder: Path) -> bool:
    if name.startswith(f"{USER_PICTURES}/"):
        picture = folder / name
        try:
            return stat.S_ISREG(picture.lstat().st_mode)  # not a link out of the folder
        except OSError:
            return False
    return (illustrations_dir() / name).is_file()


def add_exercise(folder: Path, exercise: dict[str, Any]) -> None:
    """Add an exercise to the user's file (made if need be), keeping its comments."""
    from .routine_file import _yaml

    path = folder / EXERCISES_FILE
    if path.exists():
        text = read_limited(path).decode("utf-8")
        yaml = _yaml(text)
        tree = yaml.load(text)
        tree["exercises"].append(exercise)
        head = ""
    else:
        yaml = _yaml(None)
        tree = {"version": 1, "exercises": [exercise]}
        head = SCHEMA_LINE
    import io

    out = io.StringIO()
    yaml.dump(tree, out)
    write_text_atomically(path, head + out.getvalue())


def import_picture(source: Path, folder: Path) -> str:
    """Copy a PNG, JPEG or SVG picture into the images folder beside the user's
    routines; returns the name an exercise's keyframe gives it (``images/NAME``)."""
    kind = PICTURE_SUFFIXES.get(source.suffix.lower())
    if kind is None:
        raise PictureError("That file is not a PNG, JPEG or SVG picture.")
    try:
        content = read_limited(source, MAX_PICTURE_BYTES)
    except UnreadableFileError as error:
        if "larger than" in str(error):
            raise PictureError("That picture is larger than 5 MB; choose a smaller one.") from None
        raise PictureError(f"That picture can't be read: {error}.") from None
    if not _looks_like(kind, content):
        raise PictureError("That file is not a PNG, JPEG or SVG picture.")
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", source.stem).strip("-")[:40] or "picture"
    images = folder / USER_PICTURES
    target = images / f"{stem}{source.suffix.lower()}"
    number = 2
    while target.exists():
        target = images / f"{stem}-{number}{source.suffix.lower()}"
        number += 1
    write_bytes_atomically(target, content)
    return f"{USER_PICTURES}/{target.name}"


def _looks_like(kind: str, content: bytes) -> bool:
    if kind == "png":
        return content.startswith(b"\x89PNG\r\n\x1a\n")
    if kind == "jpeg":
        return content.startswith(b"\xff\xd8\xff")
    head = content[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    # An SVG is XML with an <svg> root; no DOCTYPE (entities could pull in files)
    return (
        b"<!doctype" not in content.lower()
        and b"<!entity" not in content.lower()
        and (head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in head))
    )
