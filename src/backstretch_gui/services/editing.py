"""Opening, saving and trying routine drafts: what the editor asks of the files.

Imported when the editor is first used (it brings msgspec, PyYAML and ruamel.yaml).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..core import listing
from ..core.draft_edits import id_from_title, new_routine
from ..core.library import Library
from ..core.paths import user_backups_dir
from ..core.problems import InvalidFileError, Problem
from ..core.routine_file import ChangedOnDiskError, file_name_for, open_for_edit, save, unique_id
from .routine_draft import RoutineDraft

if TYPE_CHECKING:
    from ..core.plan import RoutinePlan

__all__ = ["ChangedOnDiskError", "Editing", "InvalidFileError"]


class Editing:
    """The library as the editor sees it: the catalog its drafts are checked against,
    the ids already taken, and the user's folder new routines go to."""

    def __init__(self, sources: tuple[Path, listing.Folders] | None) -> None:
        catalog, folders = sources or listing.default_sources()
        self.library: Library = listing.load(catalog, folders)
        self.user_folder = next(
            (folder for folder, origin in folders if origin == "user"), folders[-1][0]
        )

    @property
    def taken_ids(self) -> set[str]:
        return {entry.routine.id for entry in self.library.routines}

    def new_draft(self) -> RoutineDraft:
        return RoutineDraft(new_routine(self.taken_ids), self.library.catalog)

    def open_draft(self, path: Path) -> RoutineDraft:
        """A draft of the file at ``path``; InvalidFileError when it cannot be read as
        YAML at all (a file that reads but has problems opens with them shown)."""
        opened = open_for_edit(path)
        if not isinstance(opened.data, dict):
            message = "this file does not hold a routine (a mapping of fields)"
            raise InvalidFileError([listing_problem(path, message)])
        return RoutineDraft(dict(opened.data), self.library.catalog, path, opened)

    def is_bundled(self, path: Path) -> bool:
        """Whether ``path`` is outside the user's routines folder (not theirs to change)."""
        return path.resolve().parent != self.user_folder.resolve()

    def save(self, draft: RoutineDraft, force: bool = False) -> Path:
        """Write the draft to its file (a new one in the user's folder); ChangedOnDiskError
        when the file changed since it was opened, unless ``force``."""
        data = draft.data
        path = draft.path
        if path is not None and self.is_bundled(path):
            path = None  # the bundled files are never written: yours is a new one
            draft.opened = None
        if path is None:
            wanted = id_from_title(str(data.get("title", "")))
            routine_id = unique_id(wanted, self.taken_ids)
            data = {**data, "id": routine_id}
            path = file_name_for(routine_id, self.user_folder)
            draft.data = data
        opened = save(path, data, draft.opened, backups=user_backups_dir(), force=force)
        draft.mark_saved(path, opened)
        return path

    def plan_of(self, draft: RoutineDraft) -> RoutinePlan:
        """The draft as a plan to run now ("Try it"): it must have no problems."""
        import msgspec

        from ..core.model import Routine
        from ..core.plan import plan_routine

        routine = msgspec.convert(draft.data, Routine)
        exercises = {exercise.id: exercise for exercise in self.library.catalog.exercises}
        return plan_routine(routine, exercises)


def listing_problem(path: Path, message: str) -> Problem:
    from ..core.files import display_path

    return Problem(display_path(path), message)
