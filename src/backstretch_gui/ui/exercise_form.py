"""A form for an exercise of your own: its name, how to do it, its cautions, a default
dose and a picture (a bundled drawing, or a PNG, JPEG or SVG of your own)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.draft_edits import id_from_title
from ..core.model import MAX_REPS, Catalog
from .illustration import IllustrationView

POSITIONS = [("floor", "On the floor"), ("chair", "On a chair"), ("standing", "Standing")]
SIDES = [("none", "No sides"), ("both", "Each side"), ("alternating", "Alternating sides")]
REQUIRED = [
    ("name", "a name"),
    ("cue", "a cue"),
    ("instructions", "a line on how to do it"),
    ("cautions", "at least one caution"),
    ("targets", "a body part"),
]
FIRST_CAUTIONS = (
    "Stop if it hurts, or if you feel numbness or pins and needles.\nMove slowly and never bounce."
)


def choose_picture(parent: QWidget) -> Path | None:
    """The file dialog for a picture (tests stand in for it)."""
    path, _ = QFileDialog.getOpenFileName(
        parent, "Choose a picture", str(Path.home()), "Pictures (*.png *.jpg *.jpeg *.svg)"
    )
    return Path(path) if path else None


def lines(edit: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


class ExerciseForm(QDialog):
    exerciseSaved = Signal(str)
    """The new exercise's id, once it is in the user's exercise file."""

    def __init__(self, catalog: Catalog, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exerciseForm")
        self.setWindowTitle("Your own exercise")
        self.catalog, self.folder = catalog, folder
        self.resize(760, 640)
        self.name = self._line("exerciseNameEdit", "Name", "e.g. Towel calf stretch")
        self.position = QComboBox()
        self.position.setObjectName("exercisePositionCombo")
        for value, label in POSITIONS:
            self.position.addItem(label, value)
        self.cue = self._line("exerciseCueEdit", "Cue", "Said during the hold, e.g. Lean in")
        self.targets = self._line("exerciseTargetsEdit", "Body parts", "e.g. calves, ankles")
        self.targets.setText("back")
        self.how = self._text("exerciseInstructionsEdit", "How to do it, one step a line")
        self.cautions = self._text("exerciseCautionsEdit", "Cautions, one a line")
        self.cautions.setPlainText(FIRST_CAUTIONS)
        self.reps = QSpinBox()
        self.reps.setObjectName("exerciseRepsSpin")
        self.reps.setRange(1, MAX_REPS)
        self.reps.setValue(3)
        self.hold = QSpinBox()
        self.hold.setObjectName("exerciseHoldSpin")
        self.hold.setRange(1, 600)
        self.hold.setValue(20)
        self.hold.setSuffix(" s")
        self.sides = QComboBox()
        self.sides.setObjectName("exerciseSidesCombo")
        for value, label in SIDES:
            self.sides.addItem(label, value)
        self.picture_choice = QComboBox()
        self.picture_choice.setObjectName("exercisePictureCombo")
        for exercise in catalog.exercises:
            for keyframe in exercise.keyframes:
                self.picture_choice.addItem(f"{exercise.name}: {keyframe.id}", keyframe.file)
        self.picture_choice.currentIndexChanged.connect(lambda _: self._show_picture())
        own = QPushButton("Picture file…")
        own.setObjectName("exercisePictureFileButton")
        own.clicked.connect(self._choose_file)
        self.preview = IllustrationView()
        self.preview.setMinimumSize(220, 165)
        self.problems = QLabel()
        self.problems.setObjectName("exerciseProblems")
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setProperty("role", "warning")
        self.problems.setWordWrap(True)

        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Position", self.position)
        form.addRow("Cue", self.cue)
        form.addRow("Body parts", self.targets)
        form.addRow("How to do it", self.how)
        form.addRow("Cautions", self.cautions)
        dose = QHBoxLayout()
        for label, widget in (("Reps", self.reps), ("Hold", self.hold), ("", self.sides)):
            if label:
                dose.addWidget(QLabel(label))
            dose.addWidget(widget)
        form.addRow("Dose", dose)
        picture_row = QHBoxLayout()
        picture_row.addWidget(self.picture_choice, 1)
        picture_row.addWidget(own)
        form.addRow("Picture", picture_row)
        buttons = QDialogButtonBox()
        self.save = buttons.addButton("Save exercise", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save.setObjectName("saveExerciseButton")
        self.save.clicked.connect(self._save)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).clicked.connect(self.reject)
        columns = QHBoxLayout()
        columns.addLayout(form, 3)
        columns.addWidget(self.preview, 2, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        for edit in (self.name, self.cue, self.targets):
            edit.textChanged.connect(self.check)
        for text in (self.how, self.cautions):
            text.textChanged.connect(self.check)
        self._show_picture()
        self.check()

    def _line(self, name: str, accessible: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        return edit

    def _text(self, name: str, accessible: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(accessible)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(96)
        return edit

    def _show_picture(self) -> None:
        self.preview.show_keyframe(str(self.picture_choice.currentData() or ""), False)

    def _choose_file(self) -> None:
        from ..core.user_exercises import PictureError, import_picture

        source = choose_picture(self)
        if source is None:
            return
        try:
            name = import_picture(source, self.folder)
        except PictureError as error:
            self.problems.setText(str(error))
            return
        self.picture_choice.addItem(f"Your picture: {source.name}", name)
        self.picture_choice.setCurrentIndex(self.picture_choice.count() - 1)

    # --- the exercise -------------------------------------------------------------------

    def exercise(self) -> dict[str, Any]:
        taken = {exercise.id for exercise in self.catalog.exercises}
        wanted = id_from_title(self.name.text())
        exercise_id, number = wanted, 2
        while exercise_id in taken:
            exercise_id, number = f"{wanted}-{number}", number + 1
        targets = [t.strip() for t in self.targets.text().split(",") if t.strip()]
        dose: dict[str, Any] = {"reps": self.reps.value(), "hold": self.hold.value()}
        if self.sides.currentData() != "none":
            dose["sides"] = self.sides.currentData()
        return {
            "id": exercise_id,
            "name": self.name.text().strip(),
            "position": self.position.currentData(),
            "targets": targets,
            "cue": self.cue.text().strip(),
            "instructions": lines(self.how),
            "why": "Your own exercise.",
            "cautions": lines(self.cautions),
            "keyframes": [{"id": "hold", "file": str(self.picture_choice.currentData())}],
            "default_dose": dose,
            "source": "Your own",
        }

    def check(self) -> list[str]:
        """Every problem, in the form's words; Save only when there are none."""
        import msgspec

        from ..core.model import Exercise

        data = self.exercise()
        said = []
        for field, words in REQUIRED:
            if not data[field]:
                said.append(f"Give {words}.")
        if not said:
            try:
                msgspec.convert(data, Exercise)
            except msgspec.ValidationError as error:
                said.append(str(error).replace("`", "'"))
        self.problems.setText("\n".join(said))
        self.save.setEnabled(not said)
        return said

    def _save(self) -> None:
        from ..core.user_exercises import add_exercise

        if self.check():
            return
        data = self.exercise()
        try:
            add_exercise(self.folder, data)
        except OSError as error:
            self.problems.setText(f"The exercise could not be saved: {error.strerror or error}.")
            return
        self.exerciseSaved.emit(data["id"])
        self.accept()
