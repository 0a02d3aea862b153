"""The user's routine files as whole files: duplicate, import, export, delete and undo.

Imported when one of these is first asked for (it brings the library and ruamel.yaml).
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Any, NamedTuple

from ..core import listing
from ..core.atomic import write_bytes_atomically, write_text_atomically
from ..core.backups import backup_copy, move_to_backups, restore
from ..core.files import MAX_FILE_BYTES, UnreadableFileError, display_path, read_limited
from ..core.library import FileKind, Library, RoutineEntry, file_kind, routine_of
from ..core.paths import user_backups_dir
from ..core.problems import InvalidFileError, Problem
from ..core.routine_file import file_name_for, render, unique_id
from ..core.yamldoc import parse_document


class Clash(enum.Enum):
    REPLACE = "replace"
    KEEP_BOTH = "keep both"


class ImportCheck(NamedTuple):
    """A file someone wants to import, read and checked; nothing is written yet."""

    source: Path
    text: str
    data: dict[str, Any]
    problems: list[Problem]
    clash: RoutineEntry | None
    """The listed routine with the same id, if any."""


class RoutineFiles:
    def __init__(self, sources: tuple[Path, listing.Folders] | None) -> None:
        catalog, folders = sources or listing.default_sources()
        self.library: Library = listing.load(catalog, folders)
        self.user_folder = next(
            (folder for folder, origin in folders if origin == "user"), folders[-1][0]
        )
        self.backups = user_backups_dir()

    @property
    def taken_ids(self) -> set[str]:
        return {entry.routine.id for entry in self.library.routines}

    def entry(self, routine_id: str) -> RoutineEntry | None:
        return self.library.find(routine_id)

    # --- duplicate ------------------------------------------------------------------------

    def duplicate(self, entry: RoutineEntry) -> Path:
        """Your own copy of a routine (comments kept), with a new id and "(copy)"."""
        text = _read(entry.path).decode("utf-8")
        data = parse_document(text.encode("utf-8"), display_path(entry.path)).data
        new_id = unique_id(f"{entry.routine.id}-copy", self.taken_ids)
        copy = {**data, "id": new_id, "title": _copy_title(entry.routine.title)}
        target = file_name_for(new_id, self.user_folder)
        write_text_atomically(target, render(copy, text))
        return target

    # --- import and export ----------------------------------------------------------------

    def check_import(self, source: Path) -> ImportCheck:
        """Read and check ``source`` as `backstretch validate` does."""
        try:
            raw = read_limited(source, MAX_FILE_BYTES)
            document = parse_document(raw, display_path(source))
        except InvalidFileError as error:
            return ImportCheck(source, "", {}, error.problems, None)
        except UnreadableFileError as error:
            return ImportCheck(source, "", {}, [Problem(display_path(source), str(error))], None)
        text = raw.decode("utf-8")
        if file_kind(document) is FileKind.CATALOG:
            message = "this is an exercise catalog, not a routine; only routines can be imported"
            return ImportCheck(source, text, {}, [Problem(document.file, message)], None)
        try:
            routine = routine_of(document, self.library.catalog)
        except InvalidFileError as error:
            return ImportCheck(source, text, {}, error.problems, None)
        return ImportCheck(source, text, document.data, [], self.library.find(routine.id))

    def import_checked(self, check: ImportCheck, clash: Clash = Clash.KEEP_BOTH) -> Path:
        """Write a checked file into the user's folder; returns where it went."""
        assert not check.problems
        data, text = check.data, check.text
        existing = check.clash
        if existing is not None and clash is Clash.KEEP_BOTH:
            new_id = unique_id(str(data["id"]), self.taken_ids)
            text = render({**data, "id": new_id}, text)
            data = {**data, "id": new_id}
        if existing is not None and clash is Clash.REPLACE and existing.origin.value == "user":
            backup_copy(existing.path, self.backups)
            target = existing.path  # a bundled routine is never replaced: shadowed
        else:
            target = file_name_for(str(data["id"]), self.user_folder)
        write_text_atomically(target, text)
        return target

    def export(self, entry_path: Path, target: Path) -> None:
        """A copy of the routine's file, as it is, at ``target`` (whole or not at all)."""
        write_bytes_atomically(target, _read(entry_path))

    # --- delete and undo ------------------------------------------------------------------

    def delete(self, path: Path) -> Path:
        """Move a user's routine file to the backups folder; returns where it went."""
        if path.resolve().parent != self.user_folder.resolve():
            raise PermissionError("only your own routines can be deleted")
        return move_to_backups(path, self.backups)

    @staticmethod
    def undo_delete(backup: Path, path: Path) -> None:
        restore(backup, path)


def _read(path: Path) -> bytes:
    """A routine file's bytes; what is wrong with it as an OSError, as writing says."""
    try:
        return read_limited(path, MAX_FILE_BYTES)
    except UnreadableFileError as error:
        raise OSError(str(error)) from None


def _copy_title(title: str) -> str:
    return f"{title[:110]} (copy)"
