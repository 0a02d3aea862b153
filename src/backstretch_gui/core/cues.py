"""What to do with a due cue, given the user's sound settings: play, speak or skip.

Pure logic, so which sounds a whole session makes is testable without a speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from .preferences import AudioSettings
from .timeline import Chime, Cue, CueKind, Segment, SegmentKind

STALE_SPEECH_SECONDS = 1.5
"""Speech this late is dropped: a newer cue is about to speak, or already has."""

SOUND_FOR_CHIME = {
    Chime.NEXT.value: "chime-next",
    Chime.SWITCH.value: "chime-switch",
    Chime.FINISH.value: "finish",
}


@dataclass(frozen=True)
class Play:
    sound: str


@dataclass(frozen=True)
class Speak:
    text: str


Action = Play | Speak


def action_for(cue: Cue, late: float, settings: AudioSettings) -> Action | None:
    if cue.kind is CueKind.BEEP:
        return Play("beep") if settings.sounds and settings.countdown_beeps else None
    if cue.kind is CueKind.CHIME:
        sound = SOUND_FOR_CHIME.get(cue.text)
        return Play(sound) if settings.sounds and sound else None
    if settings.voice and late <= STALE_SPEECH_SECONDS and cue.text:
        return Speak(cue.text)
    return None


def where_words(segment: Segment) -> str:
    """What the voice says on resuming: the exercise, the side and what to do now."""
    parts = [f"Back to {segment.exercise_name}."]
    if segment.side_words:
        parts.append(f"{segment.side_words}.")
    if segment.kind in (SegmentKind.PREP, SegmentKind.TRANSITION):
        parts.append("Get ready.")
    else:
        parts.append(segment.cue.rstrip(".") + ".")
    return " ".join(parts)
