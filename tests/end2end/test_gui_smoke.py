"""The Qt entry point builds a window offscreen."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from backstretch_gui.app import create_window


def test_create_window(qtbot: QtBot) -> None:
    window = create_window()
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "Backstretch"
