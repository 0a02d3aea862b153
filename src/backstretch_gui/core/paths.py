"""Where the user's own files live. No folder is created until something is saved."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "backstretch"
DATA_DIR_OVERRIDE = "BACKSTRETCH_DATA_DIR"
"""Set this to keep tests (or a portable setup) in one folder, away from the home folder."""


def _user_dir(xdg_variable: str, xdg_default: str, mac: str, windows: str) -> Path:
    """The platform's folder of one kind: XDG on Linux, the usual places elsewhere."""
    if sys.platform == "win32":
        variable, fallback = windows.split(":")
        given = os.environ.get(variable)
        base = Path(given) if given else home_folder() / "AppData" / fallback
        return base / "Backstretch"
    if sys.platform == "darwin":
        return home_folder() / "Library" / mac / "Backstretch"
    xdg = os.environ.get(xdg_variable)
    # The XDG spec says to ignore a relative path here.
    base = Path(xdg) if xdg and os.path.isabs(xdg) else home_folder() / xdg_default
    return base / APP_DIR_NAME


def home_folder() -> Path:
    """The home folder; asked only when an XDG variable does not say. Without a home
    (no HOME and a user id with no passwd entry, as in some containers) a folder of
    this user's in the temporary folder stands in, rather than nothing working."""
    try:
        return Path.home()
    except (RuntimeError, KeyError, OSError):
        import tempfile

        user = os.getuid() if hasattr(os, "getuid") else "user"
        return Path(tempfile.gettempdir()) / f"backstretch-home-{user}"


def _override(*parts: str) -> Path | None:
    value = os.environ.get(DATA_DIR_OVERRIDE)
    return Path(value, *parts) if value else None


def user_data_dir() -> Path:
    return _override() or _user_dir(
        "XDG_DATA_HOME", ".local/share", "Application Support", "APPDATA:Roaming"
    )


def user_routines_dir() -> Path:
    return user_data_dir() / "routines"


def user_backups_dir() -> Path:
    """Versions of routines a save replaced, and deleted routines."""
    return user_data_dir() / "backups"


def user_cache_dir() -> Path:
    """Files we can always rebuild; safe to delete."""
    return _override("cache") or _user_dir(
        "XDG_CACHE_HOME", ".cache", "Caches", "LOCALAPPDATA:Local"
    )


def user_config_dir() -> Path:
    return _override() or _user_dir("XDG_CONFIG_HOME", ".config", "Preferences", "APPDATA:Roaming")
