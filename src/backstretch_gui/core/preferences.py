"""The user's preferences that the core acts on. Plain dataclasses: cheap to import."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AudioSettings:
    sounds: bool = True
    countdown_beeps: bool = True
    voice: bool = True
    voice_name: str = ""
    """A voice of the speech engine; empty for a sensible one in the user's language."""
    rate: float = 0.0
    """-1 (slow) to 1 (fast)."""
    volume: float = 0.8
    """0 to 1, for sounds and voice alike."""


@dataclass(frozen=True)
class TimingOverrides:
    """Times the user wants instead of the routine's defaults (None: as the routine says).

    A step that sets its own ``prep`` keeps it: the author had a reason (getting up
    off the floor, say).
    """

    prep: float | None = None
    """Seconds to get ready before the first exercise."""
    transition: float | None = None
    """Seconds between exercises."""
