"""The routine editor: a form over a routine file, with live validation and undo.

It shows a ``RoutineDraft`` and commands edits on it; saving, trying and closing are
asked of the window (``saveRequested``, ``tryRequested``, ``closeRequested``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ..core.draft_edits import MISSING
from ..core.words import clock
from ..services.routine_draft import RoutineDraft
from .editor_words import problem_words
from .illustration import thumbnail
from .picker import tooltip
from .step_form import SIDES, StepForm, narrow_combo, seconds_spin

DEFAULTS = [
    ("prep", "Get ready", "getReadySpin"),
    ("transition", "Change position", "transitionSpin"),
    ("rest_between_reps", "Rest between reps", "defaultRestSpin"),
    ("rest_between_sides", "Rest between sides", "defaultSideRestSpin"),
]
DEFAULT_VALUES = {"prep": 5, "transition": 10, "rest_between_reps": 5, "rest_between_sides": 5}
UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
REDO_KEYS = (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"))


class SummaryEdit(QPlainTextEdit):
    """A few lines of plain text, read and set like a line edit's too."""

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)


def mark(widget: QWidget, problems: str) -> None:
    """A field with problems: a coloured border and the problems as its tooltip."""
    if bool(widget.property("invalid")) != bool(problems):
        widget.setProperty("invalid", bool(problems))
        widget.style().unpolish(widget)
        widget.style().polish(widget)
    widget.setToolTip(tooltip(problems) if problems else "")


def button(text: str, name: str, accessible: str, tip: str = "") -> QPushButton:
    widget = QPushButton(text)
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    widget.setToolTip(tip or accessible)
    return widget


class RoutineEditor(QWidget):
    saveRequested = Signal()
    tryRequested = Signal()
    closeRequested = Signal()
    addStepRequested = Signal()

    def __init__(self, draft: RoutineDraft) -> None:
        super().__init__()
        self.setObjectName("routineEditor")
        self.setAccessibleName("Routine editor")
        self.draft = draft
        draft.setParent(self)  # goes with the form, and its connections with it
        self.filling = False
        self._row_after: int | None = None
        """The step to choose once the next edit is shown."""
        self.heading = QLabel()
        self.heading.setObjectName("editorHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setProperty("role", "title")
        self.heading.setStyleSheet("font-size: 22px;")
        self.state = QLabel()
        self.state.setObjectName("editorState")
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_action = draft.undo_stack.createUndoAction(self, "Undo")
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = draft.undo_stack.createRedoAction(self, "Redo")
        self.redo_action.setShortcuts(list(REDO_KEYS))
        header = QHBoxLayout()
        header.addWidget(self.heading, 1)
        header.addWidget(self.state)
        for action, name in ((self.undo_action, "undoButton"), (self.redo_action, "redoButton")):
            self._add(action)
            tool = QToolButton()
            tool.setDefaultAction(action)
            tool.setObjectName(name)
            header.addWidget(tool)
        self.try_button = button("Try it", "tryRoutineButton", "Try this routine now")
        self.save_button = button("Save", "saveRoutineButton", "Save routine", "Save (Ctrl+S)")
        self.save_button.setProperty("accent", True)
        self.close_button = button("Close", "closeEditorButton", "Close the editor")
        for widget in (self.try_button, self.save_button, self.close_button):
            widget.setMinimumHeight(40)
            header.addWidget(widget)
        self.try_button.clicked.connect(self.tryRequested)
        self.save_button.clicked.connect(self._save)
        self.close_button.clicked.connect(self.closeRequested)
        save = QAction("Save", self)
        save.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        save.triggered.connect(self._save)
        self._add(save)

        columns = QHBoxLayout()
        columns.setSpacing(20)
        columns.addWidget(self._scrolled(self._routine_fields()), 3)
        columns.addLayout(self._steps_column(), 3)
        self.step_form = StepForm(draft)
        columns.addWidget(self._scrolled(self.step_form), 5)
        header.insertWidget(1, self.total)
        header.insertSpacing(1, 24)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(header)
        # every problem, however many: the box scrolls rather than squeeze the form
        self.problems_box = self._scrolled(self.validation)
        self.problems_box.setMaximumHeight(104)
        self.problems_box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Maximum)
        layout.addWidget(self.problems_box)
        layout.addLayout(columns, 1)
        for field in self.findChildren(QLineEdit) + self.findChildren(QPlainTextEdit):
            field.installEventFilter(self)
        draft.changed.connect(self.refresh)
        draft.undo_stack.cleanChanged.connect(self._clean_changed)
        self.refresh()

    def _add(self, action: QAction) -> None:
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)

    def _scrolled(self, widget: QWidget) -> QScrollArea:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Narrow windows wrap the fields under their labels rather than scroll sideways.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(widget)
        scroll.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        return scroll

    # --- the routine's own fields -------------------------------------------------------

    def _routine_fields(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("titleEdit")
        self.title_edit.setAccessibleName("Title")
        self.title_edit.setPlaceholderText("e.g. My physio's plan")
        self.title_edit.textChanged.connect(self._title_edited)  # typed or set
        self.summary_edit = SummaryEdit()
        self.summary_edit.setObjectName("summaryEdit")
        self.summary_edit.setAccessibleName("Summary")
        self.summary_edit.setPlaceholderText("What it is for, in a sentence or two")
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setFixedHeight(84)
        self.summary_edit.textChanged.connect(self._summary_edited)
        self.tags_edit = QLineEdit()
        self.tags_edit.setObjectName("tagsEdit")
        self.tags_edit.setAccessibleName("Tags, separated by commas")
        self.tags_edit.setPlaceholderText("e.g. floor, morning")
        self.tags_edit.textChanged.connect(self._tags_edited)
        form.addRow("Title", self.title_edit)
        form.addRow("Summary", self.summary_edit)
        form.addRow("Tags", self.tags_edit)
        self.default_spins = {}
        for field, label, name in DEFAULTS:
            spin = seconds_spin(name, 0, label + ", seconds")
            spin.valueChanged.connect(lambda value, f=field: self._default_changed(f, value))
            self.default_spins[field] = spin
            form.addRow(label, spin)
        self.default_sides = QComboBox()
        self.default_sides.setObjectName("defaultSidesCombo")
        self.default_sides.setAccessibleName("Sides, unless a step says")
        for value, label in SIDES:
            self.default_sides.addItem(label, value)
        narrow_combo(self.default_sides)
        self.default_sides.currentIndexChanged.connect(
            lambda _: self._default_changed("sides", self.default_sides.currentData())
        )
        form.addRow("Sides, unless a step says", self.default_sides)
        self.total = QLabel()
        self.total.setObjectName("totalDurationLabel")
        self.total.setTextFormat(Qt.TextFormat.PlainText)
        self.total.setProperty("role", "heading")
        self.total.setProperty("accessibleName", "Total time")
        self.validation = QLabel()
        self.validation.setObjectName("validationMessage")
        self.validation.setAccessibleName("Problems")
        self.validation.setTextFormat(Qt.TextFormat.PlainText)
        self.validation.setWordWrap(True)
        self.validation.setProperty("role", "warning")
        self.validation.setStyleSheet("font-size: 16px;")
        return box

    # --- the steps ------------------------------------------------------------------------

    def _steps_column(self) -> QVBoxLayout:
        self.step_list = QListView()
        self.step_list.setObjectName("stepList")
        self.step_list.setAccessibleName("Steps")
        self.step_list.setIconSize(QSize(64, 48))
        self.step_list.setModel(self.draft.steps)
        self.draft.steps.icon_for = lambda name: thumbnail(name, QSize(64, 48))
        self.step_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.step_list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.step_list.setSpacing(2)
        self.step_list.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.step_list.setWordWrap(True)
        self.step_list.selectionModel().currentRowChanged.connect(
            lambda current, _: self.step_form.show_step(current.row())
        )
        row = QHBoxLayout()
        self.add_step = button("Add…", "addStepButton", "Add a step")
        self.add_step.clicked.connect(self.addStepRequested)
        self.remove_step = button("Remove", "removeStepButton", "Remove the step")
        self.remove_step.clicked.connect(lambda: self._on_step(self.draft.remove_step, -1))
        self.duplicate_step = button("Duplicate", "duplicateStepButton", "Duplicate the step")
        self.duplicate_step.clicked.connect(lambda: self._on_step(self.draft.duplicate_step, 1))
        self.move_up = button("↑", "moveStepUpButton", "Move the step up", "Move up (Alt+Up)")
        self.move_up.clicked.connect(lambda: self.move_step(-1))
        self.move_down = button("↓", "moveStepDownButton", "Move the step down", "Alt+Down")
        self.move_down.clicked.connect(lambda: self.move_step(1))
        for widget in (self.add_step, self.remove_step, self.duplicate_step):
            row.addWidget(widget)
        row.addStretch(1)
        for keys, direction in (("Alt+Up", -1), ("Alt+Down", 1)):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _=False, d=direction: self.move_step(d))
            self._add(action)
        column = QVBoxLayout()
        heading = QLabel("Steps")
        heading.setProperty("role", "heading")
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.move_up)
        top.addWidget(self.move_down)
        column.addLayout(top)
        column.addWidget(self.step_list, 1)
        column.addLayout(row)
        return column

    @property
    def current_row(self) -> int:
        return self.step_list.currentIndex().row()

    def select_step(self, row: int) -> None:
        count = self.draft.steps.rowCount()
        row = min(max(row, 0), count - 1)
        if row >= 0:
            self.step_list.setCurrentIndex(self.draft.steps.index(row, 0))
        self.step_form.show_step(row)

    def add_exercise(self, exercise_id: str) -> None:
        """Add ``exercise_id`` after the current step (at the end when none is)."""
        row = self.current_row + 1 if self.current_row >= 0 else self.draft.steps.rowCount()
        self._row_after = row
        self.draft.insert_step(row, {"exercise": exercise_id})

    def _on_step(self, command: object, shift: int) -> None:
        row = self.current_row
        if row >= 0 and callable(command):
            self._row_after = row + shift if shift > 0 else max(row - 1, 0)
            command(row)

    def move_step(self, direction: int) -> None:
        row = self.current_row
        to = row + direction
        if row >= 0 and 0 <= to < self.draft.steps.rowCount():
            self._row_after = to
            self.draft.move_step(row, to)

    # --- showing the draft ------------------------------------------------------------------

    def refresh(self) -> None:
        draft = self.draft
        row, self._row_after = self._row_after, None
        if row is None and draft.steps.dropped_at is not None:  # dragged: keep it chosen
            row, draft.steps.dropped_at = draft.steps.dropped_at, None
        self.filling = True
        try:
            title = str(draft.value(("title",), ""))
            if self.title_edit.text() != title:
                self.title_edit.setText(title)
            summary = str(draft.value(("summary",), ""))
            if self.summary_edit.toPlainText() != summary:
                self.summary_edit.setPlainText(summary)
            tags = draft.value(("tags",), [])
            shown = ", ".join(str(tag) for tag in tags) if isinstance(tags, list) else ""
            if [t.strip() for t in self.tags_edit.text().split(",") if t.strip()] != tags:
                self.tags_edit.setText(shown)
            for field, spin in self.default_spins.items():
                value = draft.value(("defaults", field), DEFAULT_VALUES[field])
                spin.setValue(value if isinstance(value, int | float) else 0)
            sides = str(draft.value(("defaults", "sides"), "none"))
            self.default_sides.setCurrentIndex(max(0, self.default_sides.findData(sides)))
        finally:
            self.filling = False
        self.select_step(row if row is not None else max(self.current_row, 0))
        self._show_state()

    def _clean_changed(self, _clean: bool) -> None:
        if isValid(self.draft.undo_stack):  # not while the form is taken down
            self._show_state()

    def _show_state(self) -> None:
        draft = self.draft
        title = str(draft.value(("title",), "")).strip() or "New routine"
        self.heading.setText(title)
        self.state.setText("Unsaved changes" if draft.modified else "")
        problems = draft.problems
        said = [problem_words(p, draft) for p in problems]
        self.validation.setText("\n".join(said))
        self.problems_box.setVisible(bool(problems))
        fields = {"title": self.title_edit, "summary": self.summary_edit, "tags": self.tags_edit}
        for field, edit in fields.items():
            mine = [w for p, w in zip(problems, said, strict=True) if p.path.startswith(field)]
            mark(edit, "\n".join(mine))
        row = self.current_row
        self.step_form.show_problems(
            [w for p, w in zip(problems, said, strict=True) if p.path.startswith(f"steps[{row}]")]
        )
        seconds = draft.seconds
        self.total.setText(f"Total: {clock(seconds)}" if seconds is not None else "Total: —")
        self.save_button.setEnabled(not problems and (draft.modified or draft.path is None))
        self.try_button.setEnabled(not problems)
        has_step = self.current_row >= 0
        for widget in (self.remove_step, self.duplicate_step):
            widget.setEnabled(has_step)
        self.move_up.setEnabled(self.current_row > 0)
        self.move_down.setEnabled(0 <= self.current_row < draft.steps.rowCount() - 1)

    # --- edits ------------------------------------------------------------------------------

    def _title_edited(self, text: str) -> None:
        if self.filling:
            return
        self.draft.set_value(("title",), text, "Type title", merge=True)

    def _summary_edited(self) -> None:
        if not self.filling:
            text = self.summary_edit.toPlainText()
            value = text if text.strip() else MISSING  # a summary may be left out
            self.draft.set_value(("summary",), value, "Type summary", merge=True)

    def _tags_edited(self, text: str) -> None:
        if self.filling:
            return
        tags = [tag.strip() for tag in text.split(",") if tag.strip()]
        self.draft.set_value(("tags",), tags or MISSING, "Type tags", merge=True)

    def _default_changed(self, field: str, value: object) -> None:
        if self.filling:
            return
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        words = field.replace("_", " ")
        self.draft.set_value(("defaults", field), value, f"Change {words}")

    def _save(self) -> None:
        if self.save_button.isEnabled():
            self.saveRequested.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Undo and redo keys go to the routine's undo, not to the field's own."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            combined = QKeySequence(event.keyCombination())
            if any(event.matches(key) for key in UNDO_KEYS) or combined in REDO_KEYS:
                return True
        return False
