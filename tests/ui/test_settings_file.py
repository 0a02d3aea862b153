"""A settings file that cannot be read or written: said once, and the defaults used."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from backstretch_gui.app import application
from backstretch_gui.core.preferences import AudioSettings, TimingOverrides
from backstretch_gui.services.settings import Settings
from backstretch_gui.ui.main_window import MainWindow


def a_folder(path: Path) -> Path:
    path.mkdir()
    return path


def under_a_file(path: Path) -> Path:
    path.write_text("not a folder")
    return path / "settings.ini"


def garbage(path: Path) -> Path:
    path.write_bytes(os.urandom(4000) + b"\x00\xff[[[\n=\n")
    return path


@pytest.mark.parametrize("make", [a_folder, under_a_file, garbage])
def test_a_broken_settings_file_is_said_once(
    qtbot: QtBot, tmp_path: Path, make: Callable[[Path], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = make(tmp_path / "settings.ini")
    application()
    settings = Settings(path)
    assert settings.timing() == TimingOverrides()  # the defaults
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.load_library()
    window.show()
    qtbot.waitExposed(window)
    settings.remember_system_dark(not window.pages.theme.dark)
    settings.dismiss_safety_notice()
    settings.save_audio(AudioSettings(voice=False))
    settings.save_timing(TimingOverrides(prep=6))
    assert window.open_routine("desk-break", start=True)
    window.request_stop()
    window.close()  # saves the geometry: one more write
    said = [line for line in window.notice.text().splitlines() if str(path) in line]
    assert len(said) == 1, window.notice.text()
    assert window.statusBar().isVisibleTo(window)
    assert capsys.readouterr().err.count(str(path)) == 1


def test_a_sound_settings_file_says_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    application()
    settings = Settings(tmp_path / "settings.ini")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    settings.save_timing(TimingOverrides(prep=6))
    window.close()
    assert settings.problem == ""
    assert "settings" not in window.notice.text()
    assert Settings(tmp_path / "settings.ini").timing() == TimingOverrides(prep=6)
