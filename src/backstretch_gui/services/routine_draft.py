"""A routine being edited: its data, its undo stack, its problems and its steps model.

The form only reads from here and commands edits; every edit is an undo command
holding the data before and after, so undo gives back exactly what was there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core import draft_edits
from ..core.draft_edits import MISSING, Data
from ..core.problems import FieldPath, Problem
from .steps_model import StepsModel

if TYPE_CHECKING:
    from ..core.model import Catalog, Exercise
    from ..core.routine_file import OpenedFile


class _Edit(QUndoCommand):
    """One change of the data; typing into one field merges into one command."""

    def __init__(self, draft: RoutineDraft, text: str, after: Data, merge_key: str) -> None:
        super().__init__(text)
        self.draft = draft
        self.before = draft.data
        self.after = after
        self.merge_key = merge_key

    def id(self) -> int:
        return 1 if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _Edit) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self.draft._set_data(self.after)

    def undo(self) -> None:
        self.draft._set_data(self.before)


class RoutineDraft(QObject):
    changed = Signal()
    """The data changed (an edit, undo or redo): the form shows it again."""

    def __init__(
        self,
        data: Data,
        catalog: Catalog,
        path: Path | None = None,
        opened: OpenedFile | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.data = data
        self.catalog = catalog
        self.exercises: dict[str, Exercise] = {e.id: e for e in catalog.exercises}
        self.path = path
        """The file it was opened from and is saved to; None until a new one is saved."""
        self.opened = opened
        self.undo_stack = QUndoStack(self)
        self.steps = StepsModel(self, self)
        self._problems: list[Problem] | None = None
        self._seconds: float | None = None

    # --- reading --------------------------------------------------------------------

    def value(self, path: FieldPath, default: Any = None) -> Any:
        found = draft_edits.value_at(self.data, path)
        return default if found is MISSING else found

    def step(self, row: int) -> Data:
        steps = draft_edits.steps_of(self.data)
        return steps[row] if 0 <= row < len(steps) else {}

    def exercise_of(self, row: int) -> Exercise | None:
        return self.exercises.get(str(self.step(row).get("exercise", "")))

    @property
    def problems(self) -> list[Problem]:
        """Every problem, with the rules `backstretch validate` uses (kept until the
        next change)."""
        if self._problems is None:
            from ..core.draft import draft_problems

            name = self.path.name if self.path is not None else "new routine"
            self._problems = draft_problems(self.data, self.catalog, name)
        return self._problems

    @property
    def seconds(self) -> float | None:
        """The whole routine's time, or None while it has problems."""
        if self._seconds is None and not self.problems:
            from ..core.draft import draft_seconds

            self._seconds = draft_seconds(self.data, self.catalog)
        return self._seconds

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    # --- commands -------------------------------------------------------------------

    def set_value(self, path: FieldPath, value: Any, text: str, merge: bool = False) -> None:
        """Set one field (MISSING leaves it out); ``merge`` joins typing in one field."""
        if draft_edits.value_at(self.data, path) == value:
            return
        after = draft_edits.with_value(self.data, path, value)
        key = repr(path) if merge else ""
        self.undo_stack.push(_Edit(self, text, after, key))

    def set_steps(self, steps: list[Data], text: str) -> None:
        self.undo_stack.push(_Edit(self, text, draft_edits.with_steps(self.data, steps), ""))

    def edit_steps(self, text: str, change: Callable[[list[Data]], list[Data]]) -> None:
        self.set_steps(change(draft_edits.steps_of(self.data)), text)

    def insert_step(self, row: int, step: Data) -> None:
        self.edit_steps("Add step", lambda steps: [*steps[:row], step, *steps[row:]])

    def remove_step(self, row: int) -> None:
        self.edit_steps("Remove step", lambda steps: steps[:row] + steps[row + 1 :])

    def duplicate_step(self, row: int) -> None:
        self.edit_steps("Duplicate step", lambda s: [*s[: row + 1], s[row], *s[row + 1 :]])

    def move_step(self, row: int, to: int) -> None:
        if row != to:
            self.edit_steps("Move step", lambda steps: draft_edits.moved(steps, row, to))

    def set_catalog(self, catalog: Catalog) -> None:
        """The exercises changed (one of your own was added): check against them."""
        self.catalog = catalog
        self.exercises = {e.id: e for e in catalog.exercises}
        self._set_data(self.data)

    def mark_saved(self, path: Path, opened: OpenedFile) -> None:
        self.path, self.opened = path, opened
        self.undo_stack.setClean()

    def _set_data(self, data: Data) -> None:
        self.data = data
        self._problems = None
        self._seconds = None
        self.steps.refresh()
        self.changed.emit()
