"""The voice's pace is learnt from the phrases it says to their end, remembered per
voice and rate, and the next session is planned with it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from backstretch_gui.core.speech_plan import (
    CALIBRATION_WORDS,
    LEAD_SECONDS,
    SINGLE_SAMPLE_MARGIN,
    WARM_UP_WORDS,
    SpeechPace,
)
from backstretch_gui.services.speech import Speaker
from backstretch_gui.ui.main_window import MainWindow

PHRASE = "Ease your knee in toward your chest."  # 36 characters


def test_the_lower_quartile_of_long_phrases_gives_the_pace() -> None:
    slow, fast = (36, LEAD_SECONDS + 36 / 10.0), (36, LEAD_SECONDS + 36 / 20.0)
    samples = [slow] + [fast] * 6
    assert SpeechPace.measured(samples[:4]) is None  # too few yet
    assert SpeechPace.measured(samples) == SpeechPace(20.0)  # six in seven this fast
    samples += [slow, slow]
    assert SpeechPace.measured(samples) == SpeechPace(10.0)  # a third slow: plan for them
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


def test_a_silent_phrase_is_said_at_volume_0_and_a_cue_brings_the_volume_back(
    qtbot: QtBot,
) -> None:
    speaker = Speaker()
    speaker.available = True
    sent: list[tuple[str, float, float]] = []
    speaker._configure.connect(lambda voice, rate, volume: sent.append((voice, rate, volume)))
    ended: list[str] = []
    speaker.silentEnded.connect(ended.append)
    speaker.configure("English", 0.5, 0.8)
    assert speaker.say_silently(PHRASE)
    assert sent == [("English", 0.5, 0.8), ("English", 0.5, 0.0)]
    assert not speaker.say_silently(PHRASE)  # one at a time
    speaker._on_speaking(True)
    speaker.say("Hold for twenty seconds.")  # a cue: loud again before it is said
    assert sent[-1] == ("English", 0.5, 0.8) and ended == [PHRASE]
    speaker._on_speaking(False)
    assert sent[-1] == ("English", 0.5, 0.8) and ended == [PHRASE]
    speaker.shutdown()


def test_the_voice_warms_up_then_calibrates_silently_and_the_pace_plans_the_routine(
    window: MainWindow,
) -> None:
    controller = window.controller
    controller.fixed_pace = None
    hands_free = controller.hands_free
    hands_free.start_sound()
    speaker = hands_free.speaker
    assert speaker is not None
    silent: list[str] = []
    speaker.say_silently = lambda text: silent.append(text) or True  # type: ignore[method-assign]
    warm: list[bool] = []
    hands_free.voiceWarm.connect(lambda: warm.append(True))
    assert window.open_routine("lower-back-floor")
    assert window.driver is not None
    estimated = window.driver.timeline.segments[0].seconds
    speaker.available, speaker.voice = True, "English (Slow)"
    hands_free._voice_ready(["English (Slow)"], "English (Slow)")
    assert silent == [WARM_UP_WORDS] and not warm  # the engine loads its voice first
    speaker.silentEnded.emit(WARM_UP_WORDS)
    assert warm == [True] and silent == [WARM_UP_WORDS, CALIBRATION_WORDS]
    # The calibration took 10 s: a slow voice. The pace is kept, and the routine that
    # waits for Start is planned again with it.
    speaker.spoken.emit(CALIBRATION_WORDS, LEAD_SECONDS + 10.0)
    speaking = 10.0 - SpeechPace().pause_seconds(CALIBRATION_WORDS)  # its 2 pauses out
    pace = len(CALIBRATION_WORDS) / speaking * SINGLE_SAMPLE_MARGIN  # one sample: slower
    assert window.settings.voice_pace("English (Slow)", 0.0) == round(pace, 2)
    assert window.driver.timeline.segments[0].seconds > estimated
    # Known now: the next start calibrates nothing.
    silent.clear()
    hands_free._calibrate()
    assert silent == []


def test_a_silent_phrase_started_when_the_last_one_ends_is_timed(qtbot: QtBot) -> None:
    """The calibration follows the warm-up at once, from its end."""
    speaker = Speaker()
    speaker.available = True
    timed: list[str] = []
    speaker.spoken.connect(lambda text, _seconds: timed.append(text))
    speaker.silentEnded.connect(lambda text: text == "Ready." and speaker.say_silently(PHRASE))
    assert speaker.say_silently("Ready.")
    speaker._on_speaking(True)
    speaker._on_speaking(False)  # the warm-up ends; the calibration phrase is asked for
    speaker._on_speaking(True)
    speaker._on_speaking(False)
    assert timed == ["Ready.", PHRASE]
    speaker.shutdown()


def test_a_voice_chosen_in_the_settings_is_the_one_whose_pace_is_kept(qtbot: QtBot) -> None:
    speaker = Speaker()
    speaker._on_ready(["English (America)", "English (Scotland)"], "English (America)")
    speaker.configure("English (Scotland)", 0.0, 1.0)
    assert speaker.voice == "English (Scotland)"
    speaker.configure("Klingon", 0.0, 1.0)  # not one of its voices: nothing changes
    assert speaker.voice == "English (Scotland)"
    speaker.shutdown()


def test_a_cue_cutting_a_silent_phrase_is_loud_whatever_listens(qtbot: QtBot) -> None:
    speaker = Speaker()
    speaker.available = True
    sent: list[float] = []
    speaker._configure.connect(lambda _voice, _rate, volume: sent.append(volume))
    speaker.configure("English", 0.0, 0.8)
    # What listens tries to start another silent phrase as soon as one ends.
    speaker.silentEnded.connect(lambda _text: speaker.say_silently(PHRASE))
    assert speaker.say_silently("Ready.")
    speaker._on_speaking(True)
    speaker.say("Hold for twenty seconds.")
    assert sent[-1] == 0.8  # refused: a cue has been asked for
    speaker.shutdown()


def test_a_phrase_begun_at_another_rate_is_not_timed(qtbot: QtBot) -> None:
    speaker = Speaker()
    speaker.available = True
    timed: list[str] = []
    speaker.spoken.connect(lambda text, _seconds: timed.append(text))
    stops: list[bool] = []
    speaker._stop.connect(lambda: stops.append(True))
    speaker.configure("English", 0.0, 0.8)
    assert speaker.say_silently(PHRASE)
    speaker._on_speaking(True)
    speaker.configure("English", 0.5, 0.8)  # the rate slider moved
    assert stops == [True]  # the calibration at the old rate stops
    speaker._on_speaking(False)
    assert timed == []
    speaker.shutdown()


def test_automatic_names_the_voice_it_stands_for(qtbot: QtBot) -> None:
    speaker = Speaker()
    speaker._on_ready(["English (America)", "English (Scotland)"], "English (America)")
    speaker.configure("English (Scotland)", 0.0, 1.0)
    speaker.configure("", 0.0, 1.0)  # back to Automatic
    assert speaker.voice == "English (America)"
    speaker.shutdown()
