"""Settings kept between runs, in an INI file in the user's config folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

from ..core.paths import user_config_dir

if TYPE_CHECKING:  # imported when first asked for: its dataclasses cost ~1.5 ms
    from ..core.preferences import AudioSettings, TimingOverrides


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
        return _bool(self.store.value("notices/safetyDismissed", False))

    def dismiss_safety_notice(self) -> None:
        self.store.setValue("notices/safetyDismissed", True)
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
        value = self.store.value("look/systemDark")
        return None if value is None else _bool(value)

    def remember_system_dark(self, dark: bool) -> None:
        if self.system_dark != dark:
            self.store.setValue("look/systemDark", dark)
            self._sync()

    # --- sound and voice ------------------------------------------------------------

    def audio(self) -> AudioSettings:
        from ..core.preferences import AudioSettings

        s = self.store
        default = AudioSettings()
        return AudioSettings(
            sounds=_bool(s.value("audio/sounds", default.sounds)),
            countdown_beeps=_bool(s.value("audio/countdownBeeps", default.countdown_beeps)),
            voice=_bool(s.value("audio/voice", default.voice)),
            voice_name=str(s.value("audio/voiceName", default.voice_name) or ""),
            rate=_number(s.value("audio/rate", default.rate), -1.0, 1.0, default.rate),
            volume=_number(s.value("audio/volume", default.volume), 0.0, 1.0, default.volume),
        )

    def save_audio(self, audio: AudioSettings) -> None:
        s = self.store
        s.setValue("audio/sounds", audio.sounds)
        s.setValue("audio/countdownBeeps", audio.countdown_beeps)
        s.setValue("audio/voice", audio.voice)
        s.setValue("audio/voiceName", audio.voice_name)
        s.setValue("audio/rate", audio.rate)
        s.setValue("audio/volume", audio.volume)
        self._sync()

    # --- timing overrides -----------------------------------------------------------

    def timing(self) -> TimingOverrides:
        from ..core.preferences import TimingOverrides

        prep = _number(self.store.value("timing/prep", -1), -1, 120, -1)
        transition = _number(self.store.value("timing/transition", -1), -1, 120, -1)
        return TimingOverrides(
            prep=None if prep < 0 else prep, transition=None if transition < 0 else transition
        )

    def save_timing(self, timing: TimingOverrides) -> None:
        self.store.setValue("timing/prep", -1 if timing.prep is None else timing.prep)
        transition = -1 if timing.transition is None else timing.transition
        self.store.setValue("timing/transition", transition)
        self._sync()


def _bool(value: object) -> bool:
    # INI files give strings back: "true", "false".
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes", "on")
    return bool(value)


def _number(value: object, low: float, high: float, fallback: float) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return fallback
    return min(high, max(low, number)) if number == number else fallback
