"""Media keys and headsets: the session driven over a private D-Bus session bus."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from buses import private_session_bus

CHILD = """
import sys
from PySide6.QtCore import QTimer
from backstretch_gui.app import application, create_window
app = application()
window = create_window(["desk-break", "--start"])
window.show()
def report():
    driver = window.driver
    print("state", driver.state.value if driver else "none", flush=True)
    print("step", driver.session.step if driver else -1, flush=True)
    window.close()
    app.quit()
QTimer.singleShot(int(sys.argv[1]), report)
app.exec()
"""

DEST = ["--dest", "org.mpris.MediaPlayer2.backstretch", "--object-path", "/org/mpris/MediaPlayer2"]


def gdbus(env: dict[str, str], method: str, *args: str) -> str:
    result = subprocess.run(
        ["gdbus", "call", "--session", *DEST, "--method", method, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=20,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def player_property(env: dict[str, str], name: str) -> str:
    return gdbus(env, "org.freedesktop.DBus.Properties.Get", "org.mpris.MediaPlayer2.Player", name)


@pytest.mark.slow
def test_media_keys_drive_the_session_over_mpris(tmp_path: Path) -> None:
    if shutil.which("gdbus") is None:
        pytest.skip("gdbus is missing (Debian package libglib2.0-bin)")
    with private_session_bus() as address:
        env = {
            **os.environ,
            "DBUS_SESSION_BUS_ADDRESS": address,
            "QT_QPA_PLATFORM": "offscreen",
            "BACKSTRETCH_DATA_DIR": str(tmp_path),
        }
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, "8000"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            names = gdbus_names(env)
            if "org.mpris.MediaPlayer2.backstretch" in names:
                break
            time.sleep(0.1)
        else:
            child.kill()
            pytest.fail("the app never appeared on the bus")
        assert player_property(env, "PlaybackStatus") == "(<'Playing'>,)"
        identity = gdbus(
            env, "org.freedesktop.DBus.Properties.Get", "org.mpris.MediaPlayer2", "Identity"
        )
        assert identity == "(<'Backstretch'>,)"
        metadata = player_property(env, "Metadata")
        assert "'xesam:title': <'Shoulder rolls'>" in metadata, metadata
        assert "· 4 min left" in metadata, metadata  # desk-break: 3:06 in all
        gdbus(env, "org.mpris.MediaPlayer2.Player.PlayPause")
        assert player_property(env, "PlaybackStatus") == "(<'Paused'>,)"
        gdbus(env, "org.mpris.MediaPlayer2.Player.Next")
        metadata = player_property(env, "Metadata")
        assert "Shoulder rolls" not in metadata, metadata
        gdbus(env, "org.mpris.MediaPlayer2.Player.Play")
        assert player_property(env, "PlaybackStatus") == "(<'Playing'>,)"
        out, _ = child.communicate(timeout=60)
    assert out.splitlines() == ["state running", "step 1"]


def gdbus_names(env: dict[str, str]) -> str:
    result = subprocess.run(
        [
            "gdbus",
            "call",
            "--session",
            "--dest",
            "org.freedesktop.DBus",
            "--object-path",
            "/org/freedesktop/DBus",
            "--method",
            "org.freedesktop.DBus.ListNames",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=20,
    )
    return result.stdout
