"""Which cue makes which sound, by the user's settings."""

from __future__ import annotations

from backstretch_gui.core.cues import STALE_SPEECH_SECONDS, Play, Speak, action_for
from backstretch_gui.core.preferences import AudioSettings
from backstretch_gui.core.timeline import Cue, CueKind

BEEP = Cue(17, CueKind.BEEP)
SWITCH = Cue(0, CueKind.CHIME, "switch")
WORDS = Cue(0, CueKind.SPEECH, "Switch sides")


def test_everything_on() -> None:
    on = AudioSettings()
    assert action_for(BEEP, 0, on) == Play("beep")
    assert action_for(SWITCH, 0, on) == Play("chime-switch")
    assert action_for(Cue(0, CueKind.CHIME, "next"), 0, on) == Play("chime-next")
    assert action_for(Cue(0, CueKind.CHIME, "finish"), 0, on) == Play("finish")
    assert action_for(WORDS, 0, on) == Speak("Switch sides")


def test_each_switch_turns_off_its_own_sounds() -> None:
    assert action_for(BEEP, 0, AudioSettings(countdown_beeps=False)) is None
    assert action_for(SWITCH, 0, AudioSettings(countdown_beeps=False)) == Play("chime-switch")
    assert action_for(BEEP, 0, AudioSettings(sounds=False)) is None
    assert action_for(SWITCH, 0, AudioSettings(sounds=False)) is None
    assert action_for(WORDS, 0, AudioSettings(sounds=False)) == Speak("Switch sides")
    assert action_for(WORDS, 0, AudioSettings(voice=False)) is None


def test_stale_speech_is_dropped_but_late_sounds_still_play() -> None:
    on = AudioSettings()
    assert action_for(WORDS, STALE_SPEECH_SECONDS, on) == Speak("Switch sides")
    assert action_for(WORDS, STALE_SPEECH_SECONDS + 0.1, on) is None
    assert action_for(BEEP, 3.0, on) == Play("beep")
