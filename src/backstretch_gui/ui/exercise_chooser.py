"""Choose an exercise to add: search, thumbnails, and where it is done."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.model import Catalog, Exercise
from .illustration import thumbnail
from .search_keys import search_keys

THUMBNAIL = QSize(72, 54)
POSITIONS = [("", "All"), ("floor", "Floor"), ("chair", "Chair"), ("standing", "Standing")]


class ExerciseChooser(QDialog):
    chosen = Signal(str)
    """An exercise id: add it after the current step."""
    newExerciseRequested = Signal()

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.setObjectName("exerciseChooser")
        self.setWindowTitle("Add an exercise")
        self.setAccessibleName("Add an exercise")
        self.resize(620, 640)
        self.search = QLineEdit()
        self.search.setObjectName("exerciseSearch")
        self.search.setAccessibleName("Search exercises")
        self.search.setPlaceholderText("Search exercises, body parts…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.position = ""
        positions = QHBoxLayout()
        group = QButtonGroup(self)
        for value, label in POSITIONS:
            button = QPushButton(label)
            button.setCheckable(True)
            button.setChecked(value == "")
            button.setObjectName(f"position_{value or 'all'}")
            button.clicked.connect(lambda _=False, v=value: self._choose_position(v))
            group.addButton(button)
            positions.addWidget(button)
        positions.addStretch(1)
        self.list = QListWidget()
        self.list.setObjectName("exerciseList")
        self.list.setAccessibleName("Exercises")
        self.list.setIconSize(THUMBNAIL)
        self.list.setUniformItemSizes(True)
        for exercise in catalog.exercises:
            self.list.addItem(self._item(exercise))
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda item: self._choose(item))
        self.empty = QLabel("No exercise matches your search.")
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.hide()
        buttons = QDialogButtonBox()
        self.choose_button = buttons.addButton("Add", QDialogButtonBox.ButtonRole.AcceptRole)
        self.choose_button.setObjectName("chooseExerciseButton")
        self.choose_button.setAccessibleName("Add the chosen exercise")
        self.choose_button.clicked.connect(lambda: self._choose(self.list.currentItem()))
        new = buttons.addButton("New exercise…", QDialogButtonBox.ButtonRole.ActionRole)
        new.setObjectName("newExerciseButton")
        new.clicked.connect(self.newExerciseRequested)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addLayout(positions)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.search.setFocus()
        self.search.installEventFilter(self)

    def _item(self, exercise: Exercise) -> QListWidgetItem:
        where = exercise.position.value
        item = QListWidgetItem(f"{exercise.name}\n{where.capitalize()} · {exercise.cue}")
        item.setData(Qt.ItemDataRole.UserRole, exercise.id)
        item.setData(Qt.ItemDataRole.UserRole + 1, where)
        words = [exercise.name, exercise.cue, where, *exercise.targets]
        item.setData(Qt.ItemDataRole.UserRole + 2, " ".join(words).casefold())
        item.setIcon(thumbnail(exercise.keyframes[-1].file, THUMBNAIL, self.devicePixelRatioF()))
        item.setSizeHint(QSize(0, THUMBNAIL.height() + 16))
        return item

    def _choose_position(self, position: str) -> None:
        self.position = position
        self._filter()

    def _filter(self) -> None:
        needle = self.search.text().strip().casefold()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            words = str(item.data(Qt.ItemDataRole.UserRole + 2))
            where = item.data(Qt.ItemDataRole.UserRole + 1)
            hidden = needle not in words or bool(self.position and where != self.position)
            item.setHidden(hidden)
            first = first or (None if hidden else item)
        current = self.list.currentItem()
        if first is not None and (current is None or current.isHidden()):
            self.list.setCurrentItem(first)
        self.empty.setVisible(first is None)
        self.choose_button.setEnabled(first is not None)

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is not None and not item.isHidden():
            self.chosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))
            self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the search box move through the list; Enter adds."""
        return search_keys(event, self.list, self._choose)
