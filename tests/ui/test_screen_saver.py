"""The screen stays awake while a session runs, and is let go when it ends."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from buses import private_session_bus, running_service

HERE = Path(__file__).parent

CHILD = """
import sys
from helpers import FakeClock
from backstretch_gui.app import application
from backstretch_gui.ui.main_window import MainWindow
from backstretch_gui.services.settings import Settings

application()
clock = FakeClock()
window = MainWindow(Settings(sys.argv[1]), clock=clock)
window.load_library()
window.open_routine("desk-break", start=True)
print("running", window.controller.keeps_screen_awake, flush=True)
window.driver.pause()
window.controller.release_screen()  # as after a long pause
print("long pause", window.controller.keeps_screen_awake, flush=True)
window.driver.resume()
print("resumed", window.controller.keeps_screen_awake, flush=True)
window.controller.stop()
print("stopped", window.controller.keeps_screen_awake, flush=True)
"""


def run_child(env: dict[str, str], tmp_path: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "settings.ini")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=HERE.parent,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def child_env(address: str, tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DBUS_SESSION_BUS_ADDRESS": address,
        "QT_QPA_PLATFORM": "offscreen",
        "BACKSTRETCH_DATA_DIR": str(tmp_path),
        "PYTHONPATH": str(HERE.parent),
    }


def test_inhibits_while_running_and_releases_on_pause_and_stop(tmp_path: Path) -> None:
    with private_session_bus() as address:
        env = child_env(address, tmp_path)
        with running_service(HERE / "fake_screensaver.py", env) as service:
            lines = run_child(env, tmp_path)
            service.terminate()
            calls = service.communicate(timeout=10)[0].split()
    assert lines == [
        "running True",
        "long pause False",
        "resumed True",
        "stopped False",
    ]
    assert (
        " ".join(calls) == "inhibit Backstretch 42 uninhibit 42 inhibit Backstretch 43 uninhibit 43"
    )


def test_without_a_session_bus_it_is_a_quiet_no_op(tmp_path: Path) -> None:
    env = child_env("unix:path=/nonexistent/bus", tmp_path)
    assert run_child(env, tmp_path) == [
        "running False",
        "long pause False",
        "resumed False",
        "stopped False",
    ]
