"""How long a phrase takes to say, and the words that fit the time a segment has.

The voice is scheduled, not fired: every spoken cue carries its expected length, and
the timeline is compiled so that no two phrases overlap and none covers the last three
seconds' beeps. A get-ready, a transition or a switch of sides is made long enough for
what it says; a tempo phase shorter than its sentence says a short form ("Out", "In",
"Hold") or nothing but a beep.

The length comes from a pace in characters per second, plus a pause at each comma,
colon, full stop (or the like) inside the phrase. Without a measurement it is the pace of espeak-ng
(the voice speech-dispatcher uses by default) at the chosen rate: 17 characters a
second and 0.3 s a pause at the normal rate, fitted to a recording of 64 cue phrases
of two routines (17 is their lower quartile: three phrases in four are said at least
that fast, and the rest fit in the time kept after a phrase), doubling at the fastest
rate and halving at the slowest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .enums import Breath

NORMAL_CHARS_PER_SECOND = 17.0
PAUSE_SECONDS = 0.3
"""The voice's pause at a comma, colon or full stop inside a phrase, at normal rate."""
SINGLE_SAMPLE_MARGIN = 0.85
"""One timed sentence (the calibration) says less than many, and espeak-ng says it
faster than the cues (20.3 characters a second against their lower quartile of 17.1):
it is planned this much slower."""
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
    pause: float = PAUSE_SECONDS
    """Seconds of each pause inside a phrase: set by the rate alone (a measured pace
    is measured with the rate's pauses left out)."""

    @classmethod
    def for_rate(cls, rate: float) -> SpeechPace:
        """The pace at a speaking rate from -1 (slowest) to 1 (fastest)."""
        rate = max(-1.0, min(1.0, rate))
        return cls(NORMAL_CHARS_PER_SECOND * 2.0**rate, PAUSE_SECONDS / 2.0**rate)

    def at(self, chars_per_second: float) -> SpeechPace:
        """This rate's pauses, at a measured pace."""
        return SpeechPace(chars_per_second, self.pause)

    @classmethod
    def measured(
        cls, samples: list[tuple[int, float]], enough: int = MIN_SAMPLES
    ) -> SpeechPace | None:
        """The pace the voice really spoke at, from phrases' (characters, seconds from
        start to end, pauses left out): their lower quartile, so that three phrases in
        four fit; None until there are ``enough`` long phrases."""
        rates = sorted(
            chars / (seconds - LEAD_SECONDS)
            for chars, seconds in samples
            if chars >= MIN_MEASURED_CHARS and seconds > LEAD_SECONDS + 0.2
        )
        if len(rates) < enough:
            return None
        margin = SINGLE_SAMPLE_MARGIN if len(rates) < MIN_SAMPLES else 1.0
        return cls(round(rates[len(rates) // 4] * margin, 2))

    def seconds(self, text: str) -> float:
        """Expected seconds from starting to say ``text`` to its end."""
        text = text.strip()
        speaking = len(text) / self.chars_per_second
        return round(LEAD_SECONDS + speaking + self.pause_seconds(text), 2)

    def pause_seconds(self, text: str) -> float:
        """The pauses inside ``text``: at each comma, colon, semicolon, full stop,
        question or exclamation mark before a word."""
        return len(PAUSE_MARKS.findall(text.strip())) * self.pause


PAUSE_MARKS = re.compile(r"[.,:;!?](?=\s)")

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
