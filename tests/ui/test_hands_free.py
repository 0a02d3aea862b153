"""Sounds and voice during a session, recorded by a fake sink; keys from clickers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from backstretch_gui.core.preferences import AudioSettings
from backstretch_gui.core.session import State
from backstretch_gui.ui.main_window import MainWindow
from backstretch_gui.ui.settings_dialog import SettingsDialog

from .test_window import tick
from helpers import FakeClock


class Recorder:
    """An audio sink that writes down what it was asked to play, and when."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.heard: list[tuple[float, str, str]] = []

    def _at(self) -> float:
        driver = self.window.driver
        assert driver is not None
        return round(driver.session.position(), 6)

    def play(self, sound: str) -> None:
        self.heard.append((self._at(), "play", sound))

    def say(self, text: str) -> None:
        self.heard.append((self._at(), "say", text))

    def hush(self) -> None:
        self.heard.append((self._at(), "hush", ""))


def listening(window: MainWindow) -> Recorder:
    """The short routine started, everything it sounds and says written down."""
    recorder = Recorder(window)
    window.controller.hands_free.use_sink(recorder)
    window.open_routine("short", start=True)
    return recorder


def expected_script(window: MainWindow) -> list[tuple[float, str, str]]:
    """What the timeline says should be heard, with everything switched on."""
    assert window.driver is not None
    chimes = {"next": "chime-next", "switch": "chime-switch", "finish": "finish"}
    script = []
    timeline = window.driver.timeline
    for segment in timeline.segments:
        for cue in segment.cues:
            at = round(segment.start + cue.at, 6)
            if cue.kind.value == "beep":
                script.append((at, "play", "beep"))
            elif cue.kind.value == "chime":
                script.append((at, "play", chimes[cue.text]))
            else:
                script.append((at, "say", cue.text))
    script += [(timeline.total_seconds, "play", "finish")]
    script += [(timeline.total_seconds, "say", "Well done. That's the whole routine.")]
    return script


def test_every_cue_is_heard_at_its_moment(
    test_window: MainWindow, clock: FakeClock, qtbot: QtBot
) -> None:
    recorder = listening(test_window)
    expected = expected_script(test_window)
    tick(test_window, clock, 200)  # ticks of 0.25 s, each cue lands on one exactly
    assert test_window.pages.currentWidget() is test_window.pages.summary
    assert recorder.heard == expected[:-1]  # the finish chime rings out first
    qtbot.waitUntil(lambda: len(recorder.heard) == len(expected), timeout=3000)
    assert recorder.heard == expected


def test_settings_apply_to_a_running_session(
    test_window: MainWindow, clock: FakeClock, qtbot: QtBot
) -> None:
    recorder = listening(test_window)
    dialog = SettingsDialog(test_window.settings, test_window.controller.hands_free, test_window)
    qtbot.addWidget(dialog)
    assert recorder.heard == [
        (0.0, "say", "Get ready: Knee hug. Left side first. Lie on your back.")
    ]
    dialog.voice.setChecked(False)
    dialog.beeps.setChecked(False)
    tick(test_window, clock, 60)  # beeps, halfway and rest go unheard; the chime is heard
    assert recorder.heard[1:] == [(50.0, "play", "chime-switch")]
    assert test_window.settings.audio() == AudioSettings(voice=False, countdown_beeps=False)


def test_timing_settings_apply_to_the_next_session(test_window: MainWindow, qtbot: QtBot) -> None:
    dialog = SettingsDialog(test_window.settings, test_window.controller.hands_free, test_window)
    qtbot.addWidget(dialog)
    assert dialog.prep.text() == "As the routine says"
    dialog.prep.setValue(12)
    dialog.transition.setValue(6)
    test_window.open_routine("short")
    driver = test_window.driver
    assert driver is not None
    assert driver.segment.seconds == 12
    moves = [s.seconds for s in driver.timeline.segments if s.kind.value == "transition"]
    assert moves and set(moves) == {6.0}


def test_get_ready_times_have_a_floor_and_sliders_show_their_values(
    test_window: MainWindow, qtbot: QtBot
) -> None:
    dialog = SettingsDialog(test_window.settings, test_window.controller.hands_free, test_window)
    qtbot.addWidget(dialog)
    dialog.prep.stepUp()  # one press of Up from "As the routine says"
    assert dialog.prep.value() == 5 and dialog.prep.text() == "5 s"
    dialog.transition.stepUp()
    assert dialog.transition.text() == "3 s"
    volume = dialog.findChild(QLabel, "volumeSettingValue")
    rate = dialog.findChild(QLabel, "rateSettingValue")
    assert volume.text() == "80 %" and rate.text() == "Normal"
    dialog.volume.setValue(55)
    dialog.rate.setValue(-3)
    assert volume.text() == "55 %" and rate.text() == "-3"


def test_timing_settings_reach_a_running_session(test_window: MainWindow, clock: FakeClock) -> None:
    test_window.open_routine("short", start=True)
    tick(test_window, clock, 2)
    test_window.show_settings()
    [dialog] = test_window.findChildren(SettingsDialog)
    dialog.transition.setValue(6)
    dialog.prep.setValue(30)
    driver = test_window.driver
    assert driver is not None
    assert driver.segment.seconds == 30  # still getting ready, now for longer
    moves = [s.seconds for s in driver.timeline.segments if s.kind.value == "transition"]
    assert moves and set(moves) == {6.0}
    dialog.close()


@pytest.mark.parametrize(
    ("key", "step", "state"),
    [
        (Qt.Key.Key_PageDown, 1, State.READY),
        (Qt.Key.Key_MediaNext, 1, State.READY),
        (Qt.Key.Key_MediaTogglePlayPause, 0, State.RUNNING),
        (Qt.Key.Key_MediaPlay, 0, State.RUNNING),
    ],
)
def test_clicker_and_media_keys(
    test_window: MainWindow, qtbot: QtBot, key: Qt.Key, step: int, state: State
) -> None:
    test_window.open_routine("short")
    qtbot.keyClick(test_window, key)
    assert test_window.driver is not None
    assert (test_window.driver.session.step, test_window.driver.state) == (step, state)


def test_page_up_goes_back(test_window: MainWindow, qtbot: QtBot) -> None:
    test_window.open_routine("short")
    qtbot.keyClick(test_window, Qt.Key.Key_PageDown)
    qtbot.keyClick(test_window, Qt.Key.Key_PageUp)
    assert test_window.driver is not None
    assert test_window.driver.session.step == 0


def test_a_missing_session_bus_is_one_quiet_notice(test_window: MainWindow) -> None:
    test_window.open_routine("short")
    test_window.open_routine("short")
    notice = test_window.notice.text()
    assert notice.count("D-Bus") == 1
    assert test_window.statusBar().isVisible()


def test_spoken_cues_reach_screen_readers(test_window: MainWindow, clock: FakeClock) -> None:
    test_window.open_routine("short", start=True)
    description = test_window.pages.step_view.cueText.accessibleDescription()
    assert description.startswith("Get ready: Knee hug.")
    tick(test_window, clock, 5.5)
    description = test_window.pages.step_view.cueText.accessibleDescription()
    assert description == "Draw your knee in. Hold for twenty seconds."


def test_pause_skip_back_and_stop_cut_the_voice_and_resuming_says_where(
    test_window: MainWindow, clock: FakeClock
) -> None:
    recorder = listening(test_window)
    driver = test_window.driver
    assert driver is not None
    tick(test_window, clock, 8)  # into the first hold
    recorder.heard.clear()
    driver.pause()
    assert [kind for _, kind, _ in recorder.heard] == ["hush"]
    driver.resume()
    assert recorder.heard[-1][1:] == ("say", "Back to Knee hug. Left side. Draw your knee in.")
    recorder.heard.clear()
    driver.next()  # the hush comes before anything the next step sounds or says
    tick(test_window, clock, 1)
    kinds = [kind for _, kind, _ in recorder.heard]
    assert kinds[0] == "hush" and "say" in kinds
    recorder.heard.clear()
    driver.previous()
    assert recorder.heard[0][1] == "hush"
    recorder.heard.clear()
    driver.toggle()  # pauses
    driver.toggle()  # resumes, and says where
    assert [kind for _, kind, _ in recorder.heard] == ["hush", "say"]
    recorder.heard.clear()
    driver.stop()
    assert recorder.heard[0][1] == "hush"


def test_the_voice_list_shows_plain_names_and_keeps_variants_behind_more_voices(
    test_window: MainWindow, qtbot: QtBot
) -> None:
    from types import SimpleNamespace

    from backstretch_gui.ui.settings_dialog import MORE_VOICES

    names = ["English (America)", "English (America)+Annie", "English (America)+Half-LifeAnnouncer"]
    real = test_window.controller.hands_free
    engine = SimpleNamespace(voices=names, available=True)  # an engine with these voices
    hands_free = SimpleNamespace(speaker=engine, cue_player=real.cue_player, apply=real.apply)
    dialog = SettingsDialog(test_window.settings, hands_free, test_window)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    shown = [dialog.voice_name.itemText(i) for i in range(dialog.voice_name.count())]
    assert shown == ["Automatic (your language)", "English (America)", MORE_VOICES]
    dialog.voice_name.setCurrentIndex(2)  # More voices…
    shown = [dialog.voice_name.itemText(i) for i in range(dialog.voice_name.count())]
    assert shown[-2:] == ["English (America), Annie", "English (America), Half-Life Announcer"]
    assert test_window.settings.audio().voice_name == ""  # nothing chosen yet
    dialog.voice_name.setCurrentIndex(shown.index("English (America), Annie"))
    assert test_window.settings.audio().voice_name == "English (America)+Annie"


def test_again_at_once_after_the_finish_is_not_talked_over_by_well_done(
    test_window: MainWindow, clock: FakeClock, qtbot: QtBot
) -> None:
    recorder = listening(test_window)
    tick(test_window, clock, 200)
    assert recorder.heard[-1] == (recorder.heard[-1][0], "play", "finish")
    assert test_window.controller.again()  # before "Well done" is due
    said_now = len(recorder.heard)
    qtbot.wait(1700)
    assert all("Well done" not in text for _, _, text in recorder.heard[said_now:])
