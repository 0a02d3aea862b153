"""Find bundled files (routines, illustrations) from a checkout, a wheel or a bundle.

One place answers "where are our files", so nothing else guesses at ``__file__``.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path, PurePosixPath

_PACKAGE_DIR = Path(__file__).resolve().parent.parent
"""``backstretch_gui/``: this module lives in its ``core/``."""


class ResourceError(LookupError):
    pass


@cache
def data_root() -> Path:
    """The folder that holds ``routines/`` and ``assets/``."""
    candidates = [_PACKAGE_DIR / "_data"]  # an installed wheel (see pyproject.toml)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # a PyInstaller bundle
        candidates.insert(0, Path(bundle) / "backstretch_gui" / "_data")
    candidates.append(_PACKAGE_DIR.parent.parent)  # a source checkout (src layout)
    for candidate in candidates:
        if (candidate / "routines" / "exercises.yaml").is_file():
            return candidate
    searched = ", ".join(str(c) for c in candidates)
    raise ResourceError(f"the bundled routines were not found (looked in {searched})")


def routines_dir() -> Path:
    return data_root() / "routines"


def catalog_path() -> Path:
    return routines_dir() / "exercises.yaml"


def illustrations_dir() -> Path:
    return data_root() / "assets" / "illustrations"


def sound_path(name: str) -> Path:
    """A bundled sound, e.g. ``beep`` -> assets/sounds/beep.wav."""
    return data_root() / "assets" / "sounds" / f"{name}.wav"


def icon_path(size: int | None = None) -> Path:
    """The app icon: the SVG, or the PNG of ``size`` pixels."""
    icons = data_root() / "assets" / "icons"
    if size is None:
        return icons / "backstretch.svg"
    return icons / "hicolor" / f"{size}x{size}" / "apps" / "backstretch.png"


USER_PICTURES = "images"
"""The folder, beside the user's routines, of the pictures of their own exercises."""


def illustration(name: str) -> Path:
    """The path of a bundled illustration, or of a user's picture (``images/NAME``,
    inside the user's pictures folder); refuses anything else."""
    pure = PurePosixPath(name)
    folder = illustrations_dir()
    if len(pure.parts) == 2 and pure.parts[0] == USER_PICTURES:
        from .paths import user_routines_dir

        folder, pure = user_routines_dir() / USER_PICTURES, PurePosixPath(pure.parts[1])
    if pure.is_absolute() or len(pure.parts) != 1 or pure.name in ("", ".", ".."):
        raise ResourceError(f"not a plain file name: {name!r}")
    return folder / pure.name
