"""The draft's steps as a Qt list model: one row per step, reordered by drag and drop
through the draft's undo stack."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QIcon

from ..core.draft_edits import Data, dose_words, steps_of

if TYPE_CHECKING:
    from ..core.model import Exercise


class Steps(Protocol):
    """The draft, as far as its list of steps goes (services.routine_draft)."""

    data: Data

    def step(self, row: int) -> Data: ...
    def exercise_of(self, row: int) -> Exercise | None: ...
    def move_step(self, row: int, to: int) -> None: ...


ROW_MIME = "application/x-backstretch-step-row"
EXERCISE_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex


class StepsModel(QAbstractListModel):
    def __init__(self, draft: Steps, parent: QObject) -> None:
        super().__init__(parent)
        self.draft = draft
        self.icon_for: Callable[[str], QIcon] | None = None
        """The view's thumbnails, by illustration file name (set by the form)."""
        self._count = len(steps_of(draft.data))
        self.dropped_at: int | None = None
        """Where the last dropped step went (the view chooses it once it is shown)."""

    def refresh(self) -> None:
        """The draft changed: rows may have come, gone or moved."""
        self.beginResetModel()
        self._count = len(steps_of(self.draft.data))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else self._count

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        step = self.draft.step(row)
        exercise = self.draft.exercise_of(row)
        if role == Qt.ItemDataRole.DisplayRole:
            name = exercise.name if exercise is not None else str(step.get("exercise", "?"))
            return f"{row + 1}. {name}\n{dose_words(self.draft.data, step, exercise)}"
        if role == EXERCISE_ROLE:
            return str(step.get("exercise", ""))
        if role == Qt.ItemDataRole.DecorationRole and self.icon_for and exercise is not None:
            return self.icon_for(exercise.keyframes[-1].file)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            name = exercise.name if exercise is not None else "unknown exercise"
            return f"Step {row + 1}: {name}, {dose_words(self.draft.data, step, exercise)}"
        return None

    # --- drag and drop: a row moves through the undo stack ----------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROW_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        if indexes:
            data.setData(ROW_MIME, QByteArray(str(indexes[0].row()).encode()))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Moves the step and answers False, so the view removes nothing itself."""
        if action != Qt.DropAction.MoveAction or not data.hasFormat(ROW_MIME):
            return False
        try:
            source = int(bytes(data.data(ROW_MIME).data()).decode())
        except ValueError:
            return False
        if parent.isValid():  # dropped onto a row: before it
            row = parent.row()
        if row < 0 or row > self._count:
            row = self._count
        target = row - 1 if row > source else row
        if 0 <= source < self._count and target != source:
            self.dropped_at = target
            self.draft.move_step(source, target)
        return False
