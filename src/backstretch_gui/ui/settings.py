"""Settings kept between runs, in an INI file in the user's config folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from ..core.paths import DATA_DIR_OVERRIDE


def settings_path() -> Path:
    override = os.environ.get(DATA_DIR_OVERRIDE)
    if override:
        return Path(override) / "settings.ini"
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
        return base / "Backstretch" / "settings.ini"
    if sys.platform == "darwin":
        return home / "Library" / "Preferences" / "Backstretch" / "settings.ini"
    xdg = os.environ.get("XDG_CONFIG_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else home / ".config"
    return base / "backstretch" / "settings.ini"


class Settings:
    def __init__(self, path: Path | None = None) -> None:
        self.store = QSettings(str(path or settings_path()), QSettings.Format.IniFormat)

    @property
    def safety_notice_dismissed(self) -> bool:
        return self.store.value("notices/safetyDismissed", False, type=bool) is True

    def dismiss_safety_notice(self) -> None:
        self.store.setValue("notices/safetyDismissed", True)
        self.store.sync()

    @property
    def geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def save_geometry(self, geometry: QByteArray) -> None:
        self.store.setValue("window/geometry", geometry)
        self.store.sync()
