"""Settings kept between runs, in an INI file in the user's config folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QByteArray, QSettings

from ..core.paths import user_config_dir

if TYPE_CHECKING:  # imported when first asked for: its dataclasses cost ~1.5 ms
    from ..core.preferences import AudioSettings, TimingOverrides


class Setting(NamedTuple):
    """One setting the user chooses in the Settings dialog: how it is kept in the file,
    what it may hold and how the dialog shows it."""

    key: str
    """Its key in the INI file."""
    field: str
    """Its field of ``AudioSettings`` or ``TimingOverrides`` (and the dialog's control)."""
    kind: type
    """``bool``, ``str`` or ``float``."""
    default: bool | str | float | None
    """Used when the file lacks it or holds nonsense; None: optional, and absent by default
    (a time "as the routine says")."""
    label: str
    """The dialog's label for its row."""
    name: str
    """The object name of its control in the dialog."""
    low: float = 0.0
    high: float = 0.0
    """Numbers are clamped to low..high."""
    text: str = ""
    """A switch's words; for a choice, the words of the empty choice."""
    steps: int = 0
    """A number shown on a slider: slider steps per unit. 0: a spin box of seconds."""


AUDIO: tuple[Setting, ...] = (
    Setting(
        "audio/sounds", "sounds", bool, True, "Sounds", "soundsSetting",
        text="Chimes when the exercise or side changes, and at the end",
    ),
    Setting(
        "audio/countdownBeeps", "countdown_beeps", bool, True, "Countdown", "beepsSetting",
        text="Beeps in the last three seconds",
    ),
    Setting("audio/voice", "voice", bool, True, "Voice", "voiceSetting", text="Speak each cue"),
    Setting(
        "audio/voiceName", "voice_name", str, "", "Voice to use", "voiceNameSetting",
        text="Automatic (your language)",
    ),
    Setting("audio/rate", "rate", float, 0.0, "Speaking rate", "rateSetting", -1, 1, steps=10),
    Setting("audio/volume", "volume", float, 0.8, "Volume", "volumeSetting", 0, 1, steps=100),
)  # fmt: skip
"""Sound and voice: the fields of ``AudioSettings``."""

TIMING: tuple[Setting, ...] = (
    Setting(
        "timing/prep", "prep", float, None, "Get ready before the first exercise",
        "prepSetting", 5, 120,
    ),
    Setting(
        "timing/transition", "transition", float, None, "Time between exercises",
        "transitionSetting", 3, 120,
    ),
)  # fmt: skip
"""Times instead of the routine's own: the fields of ``TimingOverrides``. A file from
before kept ``-1`` for "as the routine says"; any number below ``low`` still reads so."""

SETTINGS = AUDIO + TIMING
"""Every setting of the dialog, in the dialog's order."""

Value = bool | str | float | None


def settings_path() -> Path:
    return user_config_dir() / "settings.ini"


class Settings:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self.store = QSettings(str(self.path), QSettings.Format.IniFormat)
        self.problem = ""
        """What is wrong with the file, if anything; reported once, to ``on_problem``."""
        self.on_problem: Callable[[str], None] | None = None
        self._check("read")

    def _sync(self) -> None:
        self.store.sync()
        self._check("save")

    def _check(self, doing: str) -> None:
        """QSettings carries on with what it has in memory (the defaults, at first) when
        its file can't be read or written; the user is told, once."""
        status = self.store.status()
        if status == QSettings.Status.NoError or self.problem:
            return
        if status == QSettings.Status.FormatError:
            why = "it is not a settings file"
        else:
            why = "it can't be opened" if doing == "read" else "it can't be written"
        where = "read from" if doing == "read" else "saved to"
        self.problem = (
            f"Settings can't be {where} {self.path} ({why}). Backstretch carries on with "
            "its defaults; changes last until it closes."
        )
        if self.on_problem is not None:
            self.on_problem(self.problem)

    @property
    def safety_notice_dismissed(self) -> bool:
        return _bool(self.store.value("notices/safetyDismissed"), False) is True

    def dismiss_safety_notice(self) -> None:
        self.store.setValue("notices/safetyDismissed", True)
        self._sync()

    def voice_pace(self, voice: str, rate: float) -> float | None:
        """Characters a second the voice was measured at, at this rate; None if never."""
        value = self.store.value(_pace_key(voice, rate))
        try:
            pace = float(value) if isinstance(value, str) else None
        except ValueError:
            return None
        return pace if pace is not None and 3.0 <= pace <= 60.0 else None

    def save_voice_pace(self, voice: str, rate: float, chars_per_second: float) -> None:
        self.store.setValue(_pace_key(voice, rate), f"{chars_per_second:.2f}")
        self._sync()

    def safety_notice_said_on(self, day: str) -> bool:
        """Whether the voice said the safety notice on ``day`` (an ISO date)."""
        return bool(self.store.value("notices/safetySaidOn") == day)

    def safety_notice_said(self, day: str) -> None:
        self.store.setValue("notices/safetySaidOn", day)
        self._sync()

    @property
    def geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def save_geometry(self, geometry: QByteArray) -> None:
        self.store.setValue("window/geometry", geometry)
        self._sync()

    @property
    def system_dark(self) -> bool | None:
        """The system's colour scheme when the app last looked; None before the first."""
        return _bool(self.store.value("look/systemDark"), None)

    def remember_system_dark(self, dark: bool) -> None:
        if self.system_dark != dark:
            self.store.setValue("look/systemDark", dark)
            self._sync()

    # --- the settings of the dialog, by the table -----------------------------------

    def read(self, setting: Setting) -> Value:
        """The setting's value in the file: its default when absent or nonsense."""
        # Not QSettings.value(key, default, type=...): from an INI file PySide6 gives
        # True for any text but "false" and "0" with type=bool, 0.0 for text that is not
        # a number with type=float, and raises UnicodeDecodeError with type=str for an
        # @ByteArray that is not UTF-8. The raw value is a str, a list of them (text with
        # commas) or a Qt type (@ByteArray, @Rect, ...); only text is taken.
        value = self.store.value(setting.key)
        if setting.kind is str:
            return value if isinstance(value, str) else setting.default
        if setting.kind is bool:
            return _bool(value, bool(setting.default))
        return _number(value, setting)

    def write(self, setting: Setting, value: Value) -> None:
        """Keep a value (not yet saved: see ``_sync``); None removes the key."""
        if value is None:
            self.store.remove(setting.key)
        else:
            self.store.setValue(setting.key, value)

    def _values(self, table: tuple[Setting, ...]) -> dict[str, Value]:
        return {setting.field: self.read(setting) for setting in table}

    def _save(self, table: tuple[Setting, ...], values: object) -> None:
        for setting in table:
            self.write(setting, getattr(values, setting.field))
        self._sync()

    # --- sound and voice ------------------------------------------------------------

    def audio(self) -> AudioSettings:
        from ..core.preferences import AudioSettings

        return AudioSettings(**self._values(AUDIO))  # type: ignore[arg-type]

    def save_audio(self, audio: AudioSettings) -> None:
        self._save(AUDIO, audio)

    # --- timing overrides -----------------------------------------------------------

    def timing(self) -> TimingOverrides:
        from ..core.preferences import TimingOverrides

        return TimingOverrides(**self._values(TIMING))  # type: ignore[arg-type]

    def save_timing(self, timing: TimingOverrides) -> None:
        self._save(TIMING, timing)


_TRUE = ("true", "1", "yes", "on")
_FALSE = ("false", "0", "no", "off")


def _bool(value: object, default: bool | None) -> bool | None:
    # INI files give strings back: "true", "false".
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    return default


def _number(value: object, setting: Setting) -> float | None:
    """A number clamped to the setting's limits. For an optional setting, a number below
    its limits (``-1`` from an older file) is None."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return _fallback(setting)
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    if number != number:  # NaN, or not a number at all
        return _fallback(setting)
    if setting.default is None and number < setting.low:
        return None
    return float(min(setting.high, max(setting.low, number)))


def _fallback(setting: Setting) -> float | None:
    return None if setting.default is None else float(setting.default)


def _pace_key(voice: str, rate: float) -> str:
    """A key per voice and rate; the voice's name kept to letters, digits and dashes."""
    name = "".join(c if c.isalnum() or c == "-" else "_" for c in voice)[:80] or "default"
    return f"voicePace/{name}@{round(rate * 10):+d}"
