"""The app in a real window on a (virtual) X screen, as a user would start it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from backstretch_gui.core import resources

from xvfb import virtual_screen

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from backstretch_gui.app import application, create_window

app = application()
window = create_window(["three-easy-back-stretches", "--start"])
window.show()

def shoot():
    screen = QGuiApplication.primaryScreen()
    screen.grabWindow(0).save(sys.argv[1])
    print(window.windowTitle(), flush=True)
    window.close()

QTimer.singleShot(1600, shoot)
sys.exit(app.exec())
"""


def x_env(display: str, tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    env["BACKSTRETCH_DATA_DIR"] = str(tmp_path)
    env.pop("WAYLAND_DISPLAY", None)
    return env


@pytest.mark.slow
def test_smoke_test_in_a_real_window(tmp_path: Path) -> None:
    with virtual_screen() as display:
        result = subprocess.run(
            [sys.executable, "-m", "backstretch_gui", "--smoke-test"],
            capture_output=True,
            text=True,
            env=x_env(display, tmp_path),
            timeout=120,
        )
    assert result.returncode == 0, result.stderr
    bundled = [p for p in resources.routines_dir().glob("*.yaml") if p.name != "exercises.yaml"]
    assert f"{len(bundled)} routines rendered" in result.stdout


@pytest.mark.slow
def test_a_started_session_shows_in_the_window_title_and_on_screen(tmp_path: Path) -> None:
    shot = tmp_path / "real-window.png"
    with virtual_screen() as display:
        result = subprocess.run(
            [sys.executable, "-c", CHILD, str(shot)],
            capture_output=True,
            text=True,
            env=x_env(display, tmp_path),
            timeout=120,
        )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("· Side-lying rotation — Backstretch")
    assert shot.stat().st_size > 10_000  # a real picture, not a blank screen
    keep = ROOT / "screenshots"
    if keep.is_dir():
        shutil.copy(shot, keep / "real-window-xvfb.png")
