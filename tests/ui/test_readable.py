"""Left and right told apart by more than a word, from the floor."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from backstretch_gui.core.enums import Sides
from backstretch_gui.ui.main_window import MainWindow

from .test_window import tick
from helpers import FakeClock


def test_left_and_right_differ_in_colour_and_place(
    test_window: MainWindow, clock: FakeClock, qtbot: QtBot
) -> None:
    test_window.resize(1280, 800)
    test_window.open_routine("short", start=True)
    view = test_window.pages.step_view
    driver = test_window.driver
    assert driver is not None
    tick(test_window, clock, 5.5)
    left_style, left_x = view.sideLabel.styleSheet(), view.sideLabel.x()
    while driver.segment.side is not Sides.RIGHT:
        tick(test_window, clock, 1)
    tick(test_window, clock, 0.5)
    assert view.sideLabel.text() == "Right side"
    assert view.sideLabel.styleSheet() != left_style  # its own colour
    qtbot.waitUntil(lambda: view.sideLabel.x() > left_x + 100)  # the other end of the row
