"""Which language to speak: shared by both voices (QtTextToSpeech and SSIP)."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def english_fallback(locale: QLocale) -> bool:
    """A bare machine's locale is "C": speak English then, not the engine's first voice."""
    return locale.name() in ("C", "POSIX", "") or locale.language() == QLocale.Language.C
