"""Settings: sounds, voice and timing. Every change is saved and applied at once.

One control per row of the settings table (``services.settings.SETTINGS``), built from it:
a switch for a ``bool``, a choice of voice for a ``str``, a slider for a number with
``steps``, and a spin box of seconds for an optional time."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.preferences import AudioSettings, TimingOverrides
from ..services.hands_free import HandsFree
from ..services.settings import AUDIO, SETTINGS, TIMING, Setting, Settings, Value

SAMPLE_SENTENCE = "Left side. Knee to chest. Hold for twenty seconds."
AS_THE_ROUTINE_SAYS = "As the routine says"

W = TypeVar("W", bound=QWidget)


def _row(switch: QWidget, test: QWidget) -> QWidget:
    """A switch with its Test button at the right edge."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(switch, 1)
    layout.addWidget(test)
    return row


MORE_VOICES = "More voices…"


def readable_voice(name: str) -> str:
    """An engine's voice name as a person reads it: "English (America)+Half-LifeAnnouncer"
    becomes "English (America), Half-Life Announcer"."""
    base, _, variant = name.partition("+")
    if not variant:
        return base
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", variant.replace("_", " "))
    return f"{base}, {words}"


def slider_words(field: str, value: int) -> str:
    """What a slider's position means: "80 %" of volume, a rate "Normal" or "+3" / "-2"."""
    if field == "volume":
        return f"{value} %"
    return "Normal" if value == 0 else f"{value:+d}"


def _value_label(slider: QSlider, field: str) -> QLabel:
    """The slider's value beside it, kept up to date."""
    label = QLabel(slider_words(field, slider.value()))
    label.setObjectName(f"{slider.objectName() or field}Value")
    label.setMinimumWidth(label.fontMetrics().horizontalAdvance("Normal") + 8)
    slider.valueChanged.connect(lambda value: label.setText(slider_words(field, value)))
    return label


class SettingsDialog(QDialog):
    """Signal: timingChanged() when the get-ready or between-exercise time changes.

    ``controls`` holds each setting's control by its field; the ones tests and callers
    reach for are also attributes: ``sounds``, ``beeps``, ``voice``, ``voice_name``,
    ``rate``, ``volume``, ``prep``, ``transition``."""

    timingChanged = Signal()

    def __init__(self, settings: Settings, hands_free: HandsFree, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Settings")
        self.settings, self.hands_free = settings, hands_free
        self._all_voices = False
        speaker = hands_free.speaker
        self.voices: list[str] = list(speaker.voices) if speaker is not None else []
        player = hands_free.cue_player  # its sink may be swapped: looked up on each test
        tests: dict[str, Callable[[], object]] = {
            "sounds": lambda: player.sink.play("chime-next"),
            "countdown_beeps": lambda: player.sink.play("beep"),
            "voice": lambda: player.sink.say(SAMPLE_SENTENCE),
        }

        self.controls: dict[str, QWidget] = {}
        form = QFormLayout()
        for setting in SETTINGS:
            control = self._control(setting, settings.read(setting))
            self.controls[setting.field] = control
            test = tests.get(setting.field)
            if test:
                form.addRow(setting.label, _row(control, self._test("Test", test)))
            elif isinstance(control, QSlider):
                form.addRow(setting.label, _row(control, _value_label(control, setting.field)))
            else:
                form.addRow(setting.label, control)
        self.sounds = self._of(QCheckBox, "sounds")
        self.beeps = self._of(QCheckBox, "countdown_beeps")
        self.voice = self._of(QCheckBox, "voice")
        self.voice_name = self._of(QComboBox, "voice_name")
        self.rate = self._of(QSlider, "rate")
        self.volume = self._of(QSlider, "volume")
        self.prep = self._of(QSpinBox, "prep")
        self.transition = self._of(QSpinBox, "transition")

        note = QLabel("Changes apply at once, also to a session that is running.")
        note.setProperty("role", "muted")
        note.setWordWrap(True)
        if speaker is None or not speaker.available:
            note.setText(note.text() + " The voice is not available on this computer.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _control(self, setting: Setting, value: Value) -> QWidget:
        """The control for one row of the table, showing ``value``; it saves on change."""
        control: QWidget
        if setting.kind is bool:
            box = QCheckBox(setting.text)
            box.setChecked(bool(value))
            box.toggled.connect(self.save)
            control = box
        elif setting.kind is str:
            choice = QComboBox()
            self._fill_voices(choice, setting.text, str(value or ""))
            choice.currentIndexChanged.connect(lambda _: self._voice_chosen(choice, setting))
            control = choice
        elif setting.steps:
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(round(setting.low * setting.steps), round(setting.high * setting.steps))
            slider.setValue(round(float(value or 0) * setting.steps))
            slider.valueChanged.connect(self.save)
            control = slider
        else:  # seconds; one below the range shows "as the routine says" (None)
            spin = QSpinBox()
            low = round(setting.low)
            spin.setRange(low - 1, round(setting.high))
            spin.setSuffix(" s")
            spin.setSpecialValueText(AS_THE_ROUTINE_SAYS)
            spin.setValue(low - 1 if value is None else round(float(value)))
            spin.valueChanged.connect(self.save)
            control = spin
        control.setObjectName(setting.name)
        return control

    def _fill_voices(self, choice: QComboBox, automatic: str, current: str) -> None:
        """Automatic, the voices of the user's language by their plain names, and the
        engine's variants ("Annie", "Demonic", ...) only after "More voices…" (or when
        one of them is the voice in use)."""
        plain = [name for name in self.voices if "+" not in name]
        variants = [name for name in self.voices if "+" in name]
        everything = current in variants or self._all_voices
        choice.blockSignals(True)
        choice.clear()
        choice.addItem(automatic, "")
        for name in plain + (variants if everything else []):
            choice.addItem(readable_voice(name), name)
        if variants and not everything:
            choice.addItem(MORE_VOICES, MORE_VOICES)
        choice.setCurrentIndex(max(0, choice.findData(current)))
        choice.blockSignals(False)

    def _voice_chosen(self, choice: QComboBox, setting: Setting) -> None:
        if choice.currentData() == MORE_VOICES:  # show them all, keep the voice in use
            self._all_voices = True
            self._fill_voices(choice, setting.text, str(self.settings.read(setting) or ""))
            choice.showPopup()
            return
        self.save()

    def _of(self, kind: type[W], field: str) -> W:
        control = self.controls[field]
        assert isinstance(control, kind)
        return control

    def value(self, setting: Setting) -> Value:
        """What the setting's control shows, as the settings hold it."""
        control = self.controls[setting.field]
        if isinstance(control, QCheckBox):
            return control.isChecked()
        if isinstance(control, QComboBox):
            return str(control.currentData() or "")
        if isinstance(control, QSlider):
            return control.value() / setting.steps
        assert isinstance(control, QSpinBox)
        return None if control.value() == control.minimum() else float(control.value())

    def _test(self, text: str, action: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setFixedWidth(96)
        button.clicked.connect(action)
        return button

    def audio(self) -> AudioSettings:
        return AudioSettings(**{s.field: self.value(s) for s in AUDIO})  # type: ignore[arg-type]

    def timing(self) -> TimingOverrides:
        return TimingOverrides(**{s.field: self.value(s) for s in TIMING})  # type: ignore[arg-type]

    def save(self) -> None:
        audio, timing = self.audio(), self.timing()
        retimed = timing != self.settings.timing()
        self.settings.save_audio(audio)
        self.settings.save_timing(timing)
        self.hands_free.apply(audio)
        if retimed:
            self.timingChanged.emit()
