"""The dose of the step chosen in the editor's list: sides, reps, a hold or phases,
rests, its own cue, and its picture beside them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.draft_edits import MISSING, Data, effective
from ..core.model import MAX_HOLD_SECONDS, MAX_REPS
from ..services.routine_draft import RoutineDraft
from .illustration import IllustrationView

SIDES = [
    ("none", "No sides (both at once)"),
    ("left", "Left side only"),
    ("right", "Right side only"),
    ("both", "Each side: left, then right"),
    ("alternating", "Alternating sides"),
]
BREATHS = ["free", "in", "out", "hold"]
PHASE_COLUMNS = ["Cue", "Secs", "Breath", "Picture"]


def seconds_spin(name: str, least: float, accessible: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setObjectName(name)
    spin.setAccessibleName(accessible)
    spin.setRange(least, MAX_HOLD_SECONDS)
    spin.setDecimals(1)
    spin.setSuffix(" s")
    spin.setKeyboardTracking(False)
    spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
    return spin


def narrow_combo(combo: QComboBox, letters: int = 8) -> None:
    """A combo that may be narrower than its longest item (the popup shows it whole),
    so a narrow window wraps the form rather than clip it."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(letters)


def plain(data: Any) -> Any:
    """A catalog value (a msgspec Struct, an enum) as the plain data a file holds."""
    import msgspec

    return msgspec.to_builtins(data)


class StepForm(QWidget):
    def __init__(self, draft: RoutineDraft) -> None:
        super().__init__()
        self.setObjectName("stepForm")
        self.draft = draft
        self.row = -1
        self.filling = False
        self.picture = IllustrationView()
        self.picture.setMinimumSize(180, 135)
        self.name = QLabel()
        self.name.setObjectName("stepExerciseName")
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setProperty("role", "heading")
        self.name.setWordWrap(True)
        self.sides = QComboBox()
        self.sides.setObjectName("sidesCombo")
        self.sides.setAccessibleName("Sides")
        for value, label in SIDES:
            self.sides.addItem(label, value)
        narrow_combo(self.sides)
        self.sides.currentIndexChanged.connect(
            lambda _: self._set("sides", self.sides.currentData())
        )
        self.reps = QSpinBox()
        self.reps.setObjectName("repsSpin")
        self.reps.setAccessibleName("Repetitions")
        self.reps.setRange(1, MAX_REPS)
        self.reps.setKeyboardTracking(False)
        self.reps.valueChanged.connect(lambda value: self._set("reps", value))
        self.hold_mode = QRadioButton("One hold")
        self.hold_mode.setObjectName("holdModeButton")
        self.tempo_mode = QRadioButton("Phases")
        self.tempo_mode.setObjectName("tempoModeButton")
        modes = QButtonGroup(self)
        modes.addButton(self.hold_mode)
        modes.addButton(self.tempo_mode)
        self.hold_mode.clicked.connect(lambda: self._use_tempo(False))
        self.tempo_mode.clicked.connect(lambda: self._use_tempo(True))
        self.hold = seconds_spin("holdSpin", 1, "Hold, seconds")
        self.hold.valueChanged.connect(lambda value: self._set_hold(value))
        self.phases = QTableWidget(0, len(PHASE_COLUMNS))
        self.phases.setObjectName("phaseTable")
        self.phases.setAccessibleName("Phases of one repetition")
        self.phases.setHorizontalHeaderLabels(PHASE_COLUMNS)
        header = self.phases.horizontalHeader()
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)  # the cue takes the rest
        for column, width in ((1, 56), (2, 82), (3, 96)):
            header.setSectionResizeMode(column, header.ResizeMode.Fixed)
            header.resizeSection(column, width)
        self.phases.setMinimumWidth(0)
        self.phases.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.phases.itemChanged.connect(lambda _: self._phases_edited())
        add_phase = QPushButton("Add phase")
        add_phase.setObjectName("addPhaseButton")
        add_phase.clicked.connect(self._add_phase)
        remove_phase = QPushButton("Remove phase")
        remove_phase.setObjectName("removePhaseButton")
        remove_phase.clicked.connect(self._remove_phase)
        self.phase_buttons = QWidget()
        phase_row = QHBoxLayout(self.phase_buttons)
        phase_row.setContentsMargins(0, 0, 0, 0)
        phase_row.addWidget(add_phase)
        phase_row.addWidget(remove_phase)
        phase_row.addStretch(1)
        self.rest = seconds_spin("restSpin", 0, "Rest between repetitions, seconds")
        self.rest.valueChanged.connect(lambda value: self._set("rest_between_reps", value))
        self.side_rest = seconds_spin("sideRestSpin", 0, "Rest between sides, seconds")
        self.side_rest.valueChanged.connect(lambda value: self._set("rest_between_sides", value))
        self.cue = QLineEdit()
        self.cue.setObjectName("stepCueEdit")
        self.cue.setAccessibleName("This step's cue")
        self.cue.textChanged.connect(self._cue_edited)
        self.problems = QLabel()
        self.problems.setObjectName("stepProblems")
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setProperty("role", "warning")
        self.problems.setWordWrap(True)
        self.problems.hide()
        self.empty = QLabel("Add a step: choose Add… and pick an exercise.")
        self.empty.setObjectName("noStepHint")
        self.empty.setProperty("role", "muted")
        self.empty.setWordWrap(True)

        modes_row = QHBoxLayout()
        modes_row.addWidget(self.hold_mode)
        modes_row.addWidget(self.tempo_mode)
        modes_row.addStretch(1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("Sides", self.sides)
        form.addRow("Repetitions", self.reps)
        form.addRow("Timing", modes_row)
        form.addRow("Hold", self.hold)
        form.addRow(self.phases)
        form.addRow(self.phase_buttons)
        form.addRow("Rest between reps", self.rest)
        form.addRow("Rest between sides", self.side_rest)
        form.addRow("Cue", self.cue)
        self.form = form
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.picture, 2)
        body.addWidget(self.name)
        body.addWidget(self.problems)
        body.addLayout(form)
        layout.addWidget(self.empty)
        layout.addWidget(self.body)
        layout.addStretch(1)

    # --- showing ------------------------------------------------------------------------

    def show_step(self, row: int) -> None:
        self.row = row
        step = self.draft.step(row)
        exercise = self.draft.exercise_of(row)
        self.body.setVisible(bool(step))
        self.empty.setVisible(not step)
        self.filling = True
        try:
            data = self.draft.data

            def value(field: str) -> Any:
                return effective(data, step, exercise, field)

            self.name.setText(exercise.name if exercise else str(step.get("exercise", "")))
            if exercise is not None:
                self.picture.show_keyframe(exercise.keyframes[-1].file, False)
            self.sides.setCurrentIndex(max(0, self.sides.findData(str(value("sides")))))
            self.reps.setValue(_number(value("reps"), 1))
            tempo = value("tempo")
            self.hold_mode.setChecked(not tempo)
            self.tempo_mode.setChecked(bool(tempo))
            self.hold.setValue(_number(value("hold"), 20))
            self.hold.setVisible(not tempo)
            self.form.labelForField(self.hold).setVisible(not tempo)
            self.phases.setVisible(bool(tempo))
            self.phase_buttons.setVisible(bool(tempo))
            self._fill_phases(plain(tempo) if tempo else [], exercise)
            self.rest.setValue(_number(value("rest_between_reps"), 0))
            self.side_rest.setValue(_number(value("rest_between_sides"), 0))
            sided = value("sides") in ("both", "alternating")
            self.side_rest.setEnabled(sided)
            own_cue = step.get("cue")
            if self.cue.text() != (own_cue or ""):
                self.cue.setText(own_cue or "")
            self.cue.setPlaceholderText(exercise.cue if exercise else "")
        finally:
            self.filling = False

    def _fill_phases(self, tempo: list[Data], exercise: Any) -> None:
        keyframes = [k.id for k in exercise.keyframes] if exercise is not None else []
        self.phases.setRowCount(0)  # its cell widgets go with the rows
        self.phases.setRowCount(len(tempo))
        for index, phase in enumerate(tempo):
            for column, text in enumerate([phase.get("cue", ""), f"{phase.get('seconds', '')}"]):
                item = QTableWidgetItem(str(text))
                self.phases.setItem(index, column, item)
            breath = QComboBox()
            breath.addItems(BREATHS)
            narrow_combo(breath, 4)
            breath.setCurrentText(str(phase.get("breath", "free")))
            breath.currentIndexChanged.connect(lambda _: self._phases_edited())
            self.phases.setCellWidget(index, 2, breath)
            picture = QComboBox()
            picture.addItem("(last picture)", None)
            narrow_combo(picture, 5)
            for keyframe in keyframes:
                picture.addItem(keyframe, keyframe)
            picture.setCurrentIndex(max(0, picture.findData(phase.get("keyframe"))))
            picture.currentIndexChanged.connect(lambda _: self._phases_edited())
            self.phases.setCellWidget(index, 3, picture)
        self.phases.setMinimumHeight(min(260, 40 + 34 * max(1, len(tempo))))

    def show_problems(self, said: list[str]) -> None:
        self.problems.setText("\n".join(said))
        self.problems.setVisible(bool(said))

    # --- editing ------------------------------------------------------------------------

    def _set(self, field: str, value: Any) -> None:
        if self.filling or self.row < 0:
            return
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        words = field.replace("_", " ")
        self.draft.set_value(("steps", self.row, field), value, f"Change {words}")

    def _set_hold(self, value: float) -> None:
        if not self.filling and self.row >= 0:
            step = dict(self.draft.step(self.row))
            step.pop("tempo", None)
            step["hold"] = int(value) if value.is_integer() else value
            self.draft.set_value(("steps", self.row), step, "Change hold")

    def _use_tempo(self, tempo: bool) -> None:
        if self.filling or self.row < 0:
            return
        step = dict(self.draft.step(self.row))
        exercise = self.draft.exercise_of(self.row)
        if tempo:
            own = effective(self.draft.data, step, exercise, "tempo")
            hold = self.hold.value()
            step["tempo"] = plain(own) if own else [{"cue": "Hold", "seconds": hold}]
            step.pop("hold", None)
        else:
            step.pop("tempo", None)
            step["hold"] = int(self.hold.value())
        self.draft.set_value(("steps", self.row), step, "Change timing")

    def _phases_edited(self) -> None:
        if self.filling or self.row < 0:
            return
        tempo = [self._phase(index) for index in range(self.phases.rowCount())]
        self.draft.set_value(("steps", self.row, "tempo"), tempo, "Change phases")

    def _phase(self, index: int) -> Data:
        cue_item, seconds_item = self.phases.item(index, 0), self.phases.item(index, 1)
        phase: Data = {"cue": cue_item.text() if cue_item else ""}
        text = seconds_item.text().strip() if seconds_item else ""
        try:
            seconds: Any = float(text.replace(",", "."))
            seconds = int(seconds) if seconds.is_integer() else seconds
        except ValueError:
            seconds = text  # kept as typed: validation says what is wrong
        phase["seconds"] = seconds
        breath, picture = self.phases.cellWidget(index, 2), self.phases.cellWidget(index, 3)
        if isinstance(breath, QComboBox) and breath.currentText() != "free":
            phase["breath"] = breath.currentText()
        if isinstance(picture, QComboBox) and picture.currentData():
            phase["keyframe"] = picture.currentData()
        return phase

    def _add_phase(self) -> None:
        tempo = [self._phase(index) for index in range(self.phases.rowCount())]
        tempo.append({"cue": "Hold", "seconds": 5})
        self.draft.set_value(("steps", self.row, "tempo"), tempo, "Add phase")

    def _remove_phase(self) -> None:
        row = self.phases.currentRow()
        tempo = [self._phase(index) for index in range(self.phases.rowCount())]
        if len(tempo) > 1:
            del tempo[row if 0 <= row < len(tempo) else -1]
            self.draft.set_value(("steps", self.row, "tempo"), tempo, "Remove phase")

    def _cue_edited(self, text: str) -> None:
        if not self.filling and self.row >= 0:
            value = text if text.strip() else MISSING
            self.draft.set_value(("steps", self.row, "cue"), value, "Type cue", merge=True)


def _number(value: Any, default: float) -> Any:
    return value if isinstance(value, int | float) and not isinstance(value, bool) else default
