"""Every instruction of an exercise is a key or a click away during a session, and
reading them never costs hold time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from backstretch_gui.core.library import load_catalog
from backstretch_gui.core.resources import catalog_path
from backstretch_gui.core.session import State
from backstretch_gui.core.words import SPOKEN_SAFETY_NOTICE
from backstretch_gui.ui.main_window import MainWindow
from backstretch_gui.ui.picker import escape

INSTRUCTIONS = {e.id: e.instructions for e in load_catalog(catalog_path()).exercises}


def test_how_to_shows_every_instruction_and_pauses_while_open(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.open_routine("lower-back-floor", start=True)
    view = window.pages.step_view
    driver = window.driver
    assert driver is not None and driver.state is State.RUNNING
    view.howToButton.click()
    assert view.howTo.isVisible() and driver.state is State.PAUSED
    text = view.howTo.steps.text()
    for number, line in enumerate(INSTRUCTIONS[driver.segment.exercise_id], 1):
        assert f"{number}. {line}" in text
    view.howToButton.click()
    assert not view.howTo.isVisible() and driver.state is State.RUNNING


def test_h_opens_it_and_a_session_paused_before_stays_paused(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.open_routine("lower-back-floor", start=True)
    driver = window.driver
    assert driver is not None
    driver.pause()
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_H)
    view = window.pages.step_view
    assert view.howTo.isVisible()
    driver.next()  # skipped on: the panel follows the exercise
    second = INSTRUCTIONS[driver.segment.exercise_id][0]
    assert second in view.howTo.steps.text()
    QTest.keyClick(window, Qt.Key.Key_H)
    assert not view.howTo.isVisible()
    assert driver.state is State.PAUSED  # it was paused by the person, not the panel


def test_the_picker_details_list_every_instruction(window: MainWindow) -> None:
    window.picker.select("lower-back-floor")
    window.picker.show_details()
    details = window.picker.detail_text.text()
    assert "How to" in details
    for line in INSTRUCTIONS["knee-to-chest"] + INSTRUCTIONS["cat-cow"]:
        assert escape(line) in details  # as the details' rich text holds it


def test_the_safety_notice_opens_every_session(window: MainWindow) -> None:
    assert window.open_routine("lower-back-floor", start=True)
    view = window.pages.step_view
    notice = view.safetyReminder.text()
    for words in ("never hurt", "spreads down a leg", "flare-up", "physiotherapist or doctor"):
        assert words in notice
    assert view.safetyReminder.isVisible()  # during the first get-ready
    driver = window.driver
    assert driver is not None
    driver.next()
    assert not view.safetyReminder.isVisible()


def first_words(window: MainWindow) -> tuple[float, str]:
    driver = window.driver
    assert driver is not None
    first = driver.timeline.segments[0]
    return first.seconds, next(c.text for c in first.cues if c.kind.value == "speech")


def test_the_voice_says_the_safety_notice_in_the_first_session_of_a_day(
    window: MainWindow,
) -> None:
    window.settings.store.remove("notices/safetySaidOn")  # not heard yet today
    assert window.open_routine("lower-back-floor", start=True)
    seconds, said = first_words(window)
    assert said.startswith(f"{SPOKEN_SAFETY_NOTICE} Get ready: Single knee-to-chest.")
    window.controller.retime()  # a changed setting keeps the session's first step as it was
    assert first_words(window) == (seconds, said)
    assert window.controller.request_stop(lambda: True)
    assert window.open_routine("desk-break", start=True)  # later that day: not again
    later_seconds, later = first_words(window)
    assert later.startswith("Get ready: Shoulder rolls.") and later_seconds < seconds
    window.settings.store.setValue("notices/safetySaidOn", "2001-01-01")  # another day
    assert window.controller.request_stop(lambda: True)
    assert window.open_routine("desk-break", start=True)
    assert first_words(window)[1].startswith(SPOKEN_SAFETY_NOTICE)


def test_with_the_voice_off_the_notice_is_only_shown(window: MainWindow) -> None:
    window.settings.store.remove("notices/safetySaidOn")
    window.settings.store.setValue("audio/voice", False)
    assert window.open_routine("lower-back-floor", start=True)
    assert not first_words(window)[1].startswith(SPOKEN_SAFETY_NOTICE)
    assert window.pages.step_view.safetyReminder.isVisible()
