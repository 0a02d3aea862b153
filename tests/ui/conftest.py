from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from backstretch_gui.app import application
from backstretch_gui.core import resources
from backstretch_gui.services.settings import Settings
from backstretch_gui.ui.main_window import MainWindow

from helpers import DATA, INSTANT, FakeClock


@pytest.fixture
def window(qtbot: QtBot, clock: FakeClock, isolated_user_dirs: Path) -> Iterator[MainWindow]:
    """The real main window with the bundled library and a fake clock."""
    application()
    settings = Settings(isolated_user_dirs / "settings.ini")
    settings.safety_notice_said(date.today().isoformat())  # heard today already
    win = MainWindow(settings, clock=clock)
    win.controller.fixed_pace = INSTANT  # the routine's own times (see test_speech_plan)
    qtbot.addWidget(win)
    win.load_library()
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.driver is not None:
        win.driver.shutdown()


@pytest.fixture
def test_window(window: MainWindow) -> MainWindow:
    """The window with the small test catalog and routines instead of the bundled ones."""
    window.controller.sources = (DATA / "exercises.yaml", [(DATA, "bundled")])
    window.load_library()
    return window


@pytest.fixture
def user_routines(isolated_user_dirs: Path) -> Path:
    folder = isolated_user_dirs / "routines"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def copy_bundled(name: str, folder: Path) -> Path:
    target = folder / name
    shutil.copy(resources.routines_dir() / name, target)
    return target
