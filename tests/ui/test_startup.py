"""What keeps the first paint quick: nothing names the `Qt` namespace before it.

PySide builds all ~100 enum types of the `Qt` namespace on its first use (~12 ms), so
the first screen spells a few of Qt's values as numbers and asks the system's colour
scheme only once the window is on screen. These tests check the numbers, the check
after the first paint, and that it really is the first paint that comes first.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from backstretch_gui.app import application
from backstretch_gui.services.settings import Settings
from backstretch_gui.ui import qt_values, theme
from backstretch_gui.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def test_spelled_out_values_are_qts() -> None:
    assert Qt.ItemDataRole.UserRole == qt_values.ID_ROLE
    assert Qt.TextFormat.RichText.value == qt_values.RICH_TEXT
    assert Qt.TextFormat.PlainText.value == qt_values.PLAIN_TEXT
    assert Qt.AlignmentFlag.AlignTop.value == qt_values.ALIGN_TOP
    assert Qt.ShortcutContext.WidgetShortcut.value == qt_values.WIDGET_SHORTCUT
    assert Qt.ContextMenuPolicy.CustomContextMenu.value == qt_values.CUSTOM_CONTEXT_MENU


def test_details_are_rich_text_from_the_top(window: MainWindow) -> None:
    label = window.picker.detail_text
    assert label.textFormat() == Qt.TextFormat.RichText
    assert label.alignment() == Qt.AlignmentFlag.AlignTop


def test_play_pause_answers_the_toggle_media_key(window: MainWindow) -> None:
    [action] = [a for a in window.actions() if a.text() == "Play or pause"]
    assert QKeySequence(Qt.Key.Key_MediaTogglePlayPause) in action.shortcuts()
    assert action.shortcutContext() == Qt.ShortcutContext.WindowShortcut


def scheme_window(
    qtbot: QtBot, settings: Settings, monkeypatch: pytest.MonkeyPatch, dark: bool
) -> MainWindow:
    monkeypatch.setattr(theme, "system_prefers_dark", lambda: dark)
    application()
    window = MainWindow(settings)
    qtbot.addWidget(window)
    return window


def test_first_run_asks_the_system_and_remembers(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(tmp_path / "settings.ini")
    window = scheme_window(qtbot, settings, monkeypatch, dark=True)
    assert window.pages.theme is theme.DARK
    assert Settings(tmp_path / "settings.ini").system_dark is True


def test_a_scheme_changed_since_the_last_run_is_followed_after_the_first_paint(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(tmp_path / "settings.ini")
    settings.remember_system_dark(False)
    window = scheme_window(qtbot, settings, monkeypatch, dark=True)
    assert window.pages.theme is theme.LIGHT  # painted first as last time
    window.show()
    qtbot.waitUntil(lambda: window.pages.theme is theme.DARK)
    assert Settings(tmp_path / "settings.ini").system_dark is True


CHILD = """
import enum, sys
built = []
create = enum.EnumType._create_
def watch(cls, class_name, names, **kw):
    built.append(class_name)
    return create(cls, class_name, names, **kw)
enum.EnumType._create_ = watch
from PySide6.QtWidgets import QApplication
from backstretch_gui.cli import main
from backstretch_gui.ui.main_window import MainWindow
check = MainWindow._after_first_paint
def report(window):
    print("before first paint:", " ".join(built), flush=True)
    check(window)
    QApplication.quit()
MainWindow._after_first_paint = report
sys.exit(main([]))
"""


def test_nothing_names_the_qt_namespace_before_the_first_paint(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BACKSTRETCH_DATA_DIR": str(tmp_path)}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    runs = []
    for _ in range(2):  # the first run asks for the colour scheme; the second need not
        done = subprocess.run(
            [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        [line] = [x for x in done.stdout.splitlines() if x.startswith("before first paint:")]
        runs.append(line.split()[3:])
    assert "EchoMode" in runs[1]  # the watch works: QLineEdit's enums are built by then
    assert "ColorScheme" in runs[0] and "Key" in runs[0]
    assert "ColorScheme" not in runs[1] and "Key" not in runs[1]


def test_thumbnails_are_kept_as_png_and_a_broken_one_is_redrawn(
    qtbot: QtBot, isolated_user_dirs: Path
) -> None:
    from PySide6.QtCore import QSize

    from backstretch_gui.core.paths import user_cache_dir
    from backstretch_gui.ui.illustration import THUMBNAIL_FOLDER, thumbnail

    application()
    size = QSize(72, 54)
    drawn = thumbnail("back-rest-hold.svg", size).pixmap(size).toImage()
    [kept] = (user_cache_dir() / THUMBNAIL_FOLDER).glob("back-rest-hold-72x54@1-*.png")
    loaded = thumbnail("back-rest-hold.svg", size).pixmap(size).toImage()
    assert loaded == drawn.convertToFormat(loaded.format())
    kept.write_bytes(b"not a picture")
    redrawn = thumbnail("back-rest-hold.svg", size).pixmap(size).toImage()
    assert redrawn.convertToFormat(drawn.format()) == drawn
    assert kept.read_bytes().startswith(b"\x89PNG")
    assert thumbnail("no-such-drawing.svg", size).isNull()
    earlier = kept.with_name("back-rest-hold-72x54@1-1-1.png")  # an older drawing's
    kept.rename(earlier)
    thumbnail("back-rest-hold.svg", size)
    assert kept.is_file() and not earlier.exists()


def test_the_first_window_fits_the_screen_it_opens_on() -> None:
    from PySide6.QtCore import QRect, QSize

    from backstretch_gui.ui.main_window import TITLE_BAR, first_size

    laptop = QRect(0, 0, 1280, 800 - 32)  # a 1280x800 screen with a panel
    assert first_size(laptop) == QSize(1280, 800 - 32 - TITLE_BAR)
    assert first_size(QRect(0, 0, 1920, 1050)) == QSize(1280, 800)
    assert first_size(QRect(0, 0, 1024, 600 - 24)) == QSize(1024, 600 - 24 - TITLE_BAR)
