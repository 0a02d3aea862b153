"""Read from the floor 2 m from a laptop at 1280x800: words tall enough, minutes and
seconds as tall as seconds, left and right told apart by more than a word, and nothing
cut off at 1024x600."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from backstretch_gui.core.enums import Sides
from backstretch_gui.core.timeline import SegmentKind
from backstretch_gui.ui.labels import ClampedLabel
from backstretch_gui.ui.main_window import MainWindow
from backstretch_gui.ui.step_view import StepView

from .test_window import tick
from helpers import FakeClock


def cap(label: QLabel) -> int:
    return QFontMetrics(label.font()).capHeight()


def into_a_side(window: MainWindow, clock: FakeClock, routine: str) -> None:
    """Into the first rep of the first exercise that has sides and reps."""
    window.open_routine(routine, start=True)
    driver = window.driver
    assert driver is not None
    while not (driver.segment.rep and driver.segment.side is not Sides.NONE):
        tick(window, clock, 0.5)
    tick(window, clock, 0.5)


def a_side_at_1280x800(window: MainWindow, clock: FakeClock) -> StepView:
    """The side-lying rotation's first rep on a 13-inch laptop's screen."""
    window.resize(1280, 800)
    into_a_side(window, clock, "three-easy-back-stretches")
    return window.pages.step_view


def test_the_words_are_tall_enough_at_1280x800(
    window: MainWindow, clock: FakeClock, qtbot: QtBot
) -> None:
    view = a_side_at_1280x800(window, clock)
    assert view.repLabel.text().startswith("Rep 1 of")
    for label in (view.exerciseName, view.sideLabel, view.repLabel):
        assert cap(label) >= 36, label.objectName()
    assert cap(view.cueText) >= 28
    assert cap(view.nextUpLabel) >= 20


def test_minutes_and_seconds_stand_120_px_tall_at_1280x800(
    window: MainWindow, clock: FakeClock
) -> None:
    window.resize(1280, 800)
    window.open_routine("decompression-break", start=True)  # a 2 min back rest first
    driver = window.driver
    assert driver is not None
    while driver.segment.kind is not SegmentKind.HOLD:
        tick(window, clock, 0.5)
    tick(window, clock, 2)
    ring = window.pages.step_view.ring
    ring.grab()  # painted once: the size of "1:58" is worked out while painting
    assert ":" in ring.shown_text
    [size] = [size for length, size in ring._number_sizes.items() if length == 4]
    font = ring.number_font(narrow=True)
    font.setPixelSize(size)
    assert QFontMetrics(font).capHeight() >= 120


def test_left_and_right_differ_in_colour(
    window: MainWindow, clock: FakeClock, qtbot: QtBot
) -> None:
    view = a_side_at_1280x800(window, clock)
    driver = window.driver
    assert driver is not None
    left_style = view.sideLabel.styleSheet()
    while driver.segment.side is not Sides.RIGHT:
        tick(window, clock, 1)
    tick(window, clock, 0.5)
    assert view.sideLabel.text().startswith("Lie on your left side")
    assert view.sideLabel.styleSheet() != left_style  # its own colour


@pytest.mark.parametrize("routine", ["three-easy-back-stretches", "lower-back-floor"])
def test_nothing_is_cut_off_at_1024x600(
    window: MainWindow, clock: FakeClock, qtbot: QtBot, routine: str
) -> None:
    window.resize(1024, 600)
    window.open_routine(routine, start=True)
    tick(window, clock, 0.5)  # getting ready, with the safety notice under the cue
    assert window.pages.step_view.safetyReminder.isVisible()
    assert_nothing_cut(window, qtbot)
    into_a_side(window, clock, routine)
    assert_nothing_cut(window, qtbot)


def assert_nothing_cut(window: MainWindow, qtbot: QtBot) -> None:
    view = window.pages.step_view
    qtbot.wait(10)
    for label in view.findChildren(QLabel):
        if not label.isVisible() or not label.text() or isinstance(label, ClampedLabel):
            continue  # a clamped label ends in "…" rather than being cut
        if label.wordWrap():  # its wrapped lines and its margins fit
            assert label.height() >= label.heightForWidth(label.width()), label.objectName()
        else:
            hint = label.sizeHint()
            assert label.width() >= hint.width() - 1, label.objectName()
            assert label.height() >= hint.height() - 1, label.objectName()


def test_a_window_made_small_again_shrinks_with_its_type(
    window: MainWindow, clock: FakeClock, qtbot: QtBot
) -> None:
    """The type grows with the height; it must not then hold the window at that
    height (from full screen back to 1024x600)."""
    window.resize(1920, 1080)
    window.open_routine("three-easy-back-stretches", start=True)
    tick(window, clock, 0.5)
    qtbot.wait(10)
    window.resize(1024, 600)
    qtbot.wait(10)
    assert (window.width(), window.height()) == (1024, 600)
    assert_nothing_cut(window, qtbot)
