"""The voice's pace is learnt from the phrases it says to their end, remembered per
voice and rate, and the next session is planned with it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from backstretch_gui.core.speech_plan import LEAD_SECONDS, SpeechPace
from backstretch_gui.services.speech import Speaker
from backstretch_gui.ui.main_window import MainWindow

PHRASE = "Ease your knee in toward your chest."  # 36 characters


def test_the_median_of_long_phrases_gives_the_pace() -> None:
    samples = [(36, LEAD_SECONDS + 36 / 10.0)] * 4 + [(36, LEAD_SECONDS + 36 / 20.0)] * 3
    assert SpeechPace.measured(samples[:4]) is None  # too few yet
    assert SpeechPace.measured(samples) == SpeechPace(10.0)
    assert SpeechPace.measured([(5, 3.0)] * 10) is None  # short phrases tell little


def test_only_a_phrase_said_from_silence_to_its_end_is_timed(qtbot: QtBot) -> None:
    speaker = Speaker()
    speaker.available = True
    timed: list[tuple[str, float]] = []
    speaker.spoken.connect(lambda text, seconds: timed.append((text, seconds)))
    speaker.say(PHRASE)
    speaker._on_speaking(True)
    speaker._on_speaking(False)
    assert [text for text, _ in timed] == [PHRASE]
    speaker.say("First")
    speaker._on_speaking(True)
    speaker.say("Second, over the first")  # cuts the first off: neither is timed
    speaker._on_speaking(False)
    speaker.say(PHRASE)
    speaker._on_speaking(True)
    speaker.hush()  # paused: cut off, not timed
    speaker._on_speaking(False)
    assert len(timed) == 1
    speaker.shutdown()


def test_a_learnt_pace_plans_the_next_session(window: MainWindow) -> None:
    controller = window.controller
    controller.fixed_pace = None
    controller.hands_free.start_sound()
    speaker = controller.hands_free.speaker
    assert speaker is not None
    speaker.voice = "English (Great Britain)"  # the voice in use, as the engine named it
    assert window.open_routine("lower-back-floor", start=True)
    assert window.driver is not None
    estimated = window.driver.timeline.segments[0].seconds
    for _ in range(6):  # this voice is slow: 6 characters a second
        controller._phrase_timed(speaker.voice, 0.0, 36, LEAD_SECONDS + 6.0)
    assert window.settings.voice_pace(speaker.voice, 0.0) == 6.0
    assert window.settings.voice_pace(speaker.voice, 0.5) is None  # per rate
    assert window.controller.request_stop(lambda: True)
    assert window.open_routine("lower-back-floor", start=True)
    assert window.driver.timeline.segments[0].seconds > estimated


def test_a_nonsense_pace_in_the_settings_file_is_ignored(window: MainWindow) -> None:
    settings = window.settings
    settings.save_voice_pace("English", 0.0, 12.5)
    assert settings.voice_pace("English", 0.0) == 12.5
    key = next(k for k in settings.store.allKeys() if k.startswith("voicePace/"))
    for garbage in ("nan", "inf", "1e9", "0", "fast", ["1", "2"]):
        settings.store.setValue(key, garbage)
        assert settings.voice_pace("English", 0.0) is None, garbage
