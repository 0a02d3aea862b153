"""How long a phrase takes to say, and the words that fit the time a segment has.

The voice is scheduled, not fired: every spoken cue carries its expected length, and
the timeline is compiled so that no two phrases overlap and none covers the last three
seconds' beeps. A get-ready, a transition or a switch of sides is made long enough for
what it says; a tempo phase shorter than its sentence says a short form ("Out", "In",
"Hold") or nothing but a beep.

The length comes from a pace in characters per second. Without a measurement it is the
pace of espeak-ng (the voice speech-dispatcher uses by default) at the chosen rate: 14.8
characters a second at the normal rate, measured with ``espeak-ng -w`` on the catalog's
sentences, doubling at the fastest rate and halving at the slowest.
"""

from __future__ import annotations

from dataclasses import dataclass

from .enums import Breath

NORMAL_CHARS_PER_SECOND = 14.8
LEAD_SECONDS = 0.35
"""Time before the first sound of a phrase and after its last (the engine's start)."""
GAP_SECONDS = 0.25
"""Kept free between one phrase's end and the next sound."""
MIN_MEASURED_CHARS = 20
"""Shorter phrases say more about the engine's start than about its pace."""
MIN_SAMPLES = 5
WARM_UP_WORDS = "Ready."
"""Said at volume 0 when the voice is ready: the engine loads its voice with its first
phrase, which would otherwise make the first cue a second late."""
CALIBRATION_WORDS = (
    "Get ready: Knee to chest. Lie on your back with your knees bent and your feet flat."
)
"""Said at volume 0 for a voice and rate whose pace is not known yet, and timed."""


@dataclass(frozen=True)
class SpeechPace:
    chars_per_second: float = NORMAL_CHARS_PER_SECOND

    @classmethod
    def for_rate(cls, rate: float) -> SpeechPace:
        """The pace at a speaking rate from -1 (slowest) to 1 (fastest)."""
        rate = max(-1.0, min(1.0, rate))
        return cls(NORMAL_CHARS_PER_SECOND * 2.0**rate)

    @classmethod
    def measured(
        cls, samples: list[tuple[int, float]], enough: int = MIN_SAMPLES
    ) -> SpeechPace | None:
        """The pace the voice really spoke at: the median over phrases of (characters,
        seconds from start to end); None until there are ``enough`` long phrases."""
        rates = sorted(
            chars / (seconds - LEAD_SECONDS)
            for chars, seconds in samples
            if chars >= MIN_MEASURED_CHARS and seconds > LEAD_SECONDS + 0.2
        )
        if len(rates) < enough:
            return None
        return cls(round(rates[len(rates) // 2], 2))

    def seconds(self, text: str) -> float:
        """Expected seconds from starting to say ``text`` to its end."""
        return round(LEAD_SECONDS + len(text.strip()) / self.chars_per_second, 2)


SHORT_FORMS = {Breath.IN: "In", Breath.OUT: "Out", Breath.HOLD: "Hold"}


def fitting(pace: SpeechPace, room: float, *choices: str) -> str | None:
    """The first of ``choices`` that can be said within ``room`` seconds, or None."""
    for text in choices:
        if text and pace.seconds(text) + GAP_SECONDS <= room:
            return text
    return None


def phase_words(
    pace: SpeechPace, room: float, full: str, breath: Breath, moving: bool
) -> str | None:
    """A tempo phase's words: its sentence, or a short form, or None (only a beep)."""
    short = SHORT_FORMS.get(breath, "Move" if moving else "Hold")
    return fitting(pace, room, full, short)
