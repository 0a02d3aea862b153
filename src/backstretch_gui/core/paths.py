"""Where the user's own files live. No folder is created until something is saved."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "backstretch"
DATA_DIR_OVERRIDE = "BACKSTRETCH_DATA_DIR"
"""Set this to keep tests (or a portable setup) away from the real home folder."""


def user_data_dir() -> Path:
    override = os.environ.get(DATA_DIR_OVERRIDE)
    if override:
        return Path(override)
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
        return base / "Backstretch"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "Backstretch"
    xdg = os.environ.get("XDG_DATA_HOME")
    # The XDG spec says to ignore a relative path here.
    base = Path(xdg) if xdg and os.path.isabs(xdg) else home / ".local" / "share"
    return base / APP_DIR_NAME


def user_routines_dir() -> Path:
    return user_data_dir() / "routines"


def user_cache_dir() -> Path:
    """Files we can always rebuild; safe to delete."""
    override = os.environ.get(DATA_DIR_OVERRIDE)
    if override:
        return Path(override) / "cache"
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
        return base / "Backstretch" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "Backstretch"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else home / ".cache"
    return base / APP_DIR_NAME
