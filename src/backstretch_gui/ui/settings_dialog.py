"""Settings: sounds, voice and timing. Every change is saved and applied at once."""

from __future__ import annotations

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
from ..services.settings import Settings

SAMPLE_SENTENCE = "Left side. Knee to chest. Hold for twenty seconds."
AS_THE_ROUTINE_SAYS = "As the routine says"


def _row(switch: QWidget, test: QWidget) -> QWidget:
    """A switch with its Test button at the right edge."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(switch, 1)
    layout.addWidget(test)
    return row


class SettingsDialog(QDialog):
    """Signal: timingChanged() when the get-ready or between-exercise time changes."""

    timingChanged = Signal()

    def __init__(self, settings: Settings, hands_free: HandsFree, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Settings")
        self.settings, self.hands_free = settings, hands_free
        audio, timing = settings.audio(), settings.timing()

        self.sounds = QCheckBox("Chimes when the exercise or side changes, and at the end")
        self.sounds.setObjectName("soundsSetting")
        self.sounds.setChecked(audio.sounds)
        self.beeps = QCheckBox("Beeps in the last three seconds")
        self.beeps.setObjectName("beepsSetting")
        self.beeps.setChecked(audio.countdown_beeps)
        self.voice = QCheckBox("Speak each cue")
        self.voice.setObjectName("voiceSetting")
        self.voice.setChecked(audio.voice)
        self.voice_name = QComboBox()
        self.voice_name.setObjectName("voiceNameSetting")
        self.voice_name.addItem("Automatic (your language)", "")
        speaker = hands_free.speaker
        for name in speaker.voices if speaker is not None else []:
            self.voice_name.addItem(name, name)
        self.voice_name.setCurrentIndex(max(0, self.voice_name.findData(audio.voice_name)))
        self.rate = self._slider("rateSetting", -10, 10, round(audio.rate * 10))
        self.volume = self._slider("volumeSetting", 0, 100, round(audio.volume * 100))
        self.prep = self._seconds("prepSetting", timing.prep)
        self.transition = self._seconds("transitionSetting", timing.transition)

        test_chime = self._test("Test", lambda: hands_free.cue_player.sink.play("chime-next"))
        test_beep = self._test("Test", lambda: hands_free.cue_player.sink.play("beep"))
        test_voice = self._test("Test", lambda: hands_free.cue_player.sink.say(SAMPLE_SENTENCE))
        form = QFormLayout()
        form.addRow("Sounds", _row(self.sounds, test_chime))
        form.addRow("Countdown", _row(self.beeps, test_beep))
        form.addRow("Voice", _row(self.voice, test_voice))
        form.addRow("Voice to use", self.voice_name)
        form.addRow("Speaking rate", self.rate)
        form.addRow("Volume", self.volume)
        form.addRow("Get ready before the first exercise", self.prep)
        form.addRow("Time between exercises", self.transition)
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

        for box in (self.sounds, self.beeps, self.voice):
            box.toggled.connect(self.save)
        self.voice_name.currentIndexChanged.connect(self.save)
        for control in (self.rate, self.volume):
            control.valueChanged.connect(self.save)
        for spin in (self.prep, self.transition):
            spin.valueChanged.connect(self.save)

    def _slider(self, name: str, low: int, high: int, value: int) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setObjectName(name)
        slider.setRange(low, high)
        slider.setValue(value)
        return slider

    def _seconds(self, name: str, value: float | None) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(-1, 120)
        spin.setSuffix(" s")
        spin.setSpecialValueText(AS_THE_ROUTINE_SAYS)  # shown for -1
        spin.setValue(-1 if value is None else round(value))
        return spin

    def _test(self, text: str, action: object) -> QPushButton:
        button = QPushButton(text)
        button.setFixedWidth(96)
        button.clicked.connect(action)
        return button

    def audio(self) -> AudioSettings:
        return AudioSettings(
            sounds=self.sounds.isChecked(),
            countdown_beeps=self.beeps.isChecked(),
            voice=self.voice.isChecked(),
            voice_name=str(self.voice_name.currentData() or ""),
            rate=self.rate.value() / 10,
            volume=self.volume.value() / 100,
        )

    def timing(self) -> TimingOverrides:
        def seconds(spin: QSpinBox) -> float | None:
            return None if spin.value() < 0 else float(spin.value())

        return TimingOverrides(prep=seconds(self.prep), transition=seconds(self.transition))

    def save(self) -> None:
        audio, timing = self.audio(), self.timing()
        retimed = timing != self.settings.timing()
        self.settings.save_audio(audio)
        self.settings.save_timing(timing)
        self.hands_free.apply(audio)
        if retimed:
            self.timingChanged.emit()
