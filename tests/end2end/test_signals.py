"""Ctrl+C in the terminal and SIGTERM quit mid-session as File > Quit does."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# The real command line (`backstretch lower-back-floor --start`), telling the test
# when the session runs and when the signals are watched.
CHILD = """
import sys
from backstretch_gui import app
from backstretch_gui.cli import main
from backstretch_gui.services.driver import SessionDriver
from backstretch_gui.ui.main_window import MainWindow

def told(name, function):
    def wrapper(*args, **kwargs):
        result = function(*args, **kwargs)
        print(name, flush=True)
        return result
    return wrapper

SessionDriver.start = told("started", SessionDriver.start)
app.quit_on_signals = told("watching", app.quit_on_signals)
MainWindow.closeEvent = told("closed", MainWindow.closeEvent)
sys.exit(main(["lower-back-floor", "--start"]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_mid_session_quits_cleanly(tmp_path: Path, number: int) -> None:
    # Silent: no voice to wait for, no sound device needed.
    (tmp_path / "settings.ini").write_text("[audio]\nsounds=false\nvoice=false\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BACKSTRETCH_DATA_DIR": str(tmp_path)}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        seen: list[str] = []
        deadline = time.monotonic() + 30
        while not {"started", "watching"} <= set(seen) and time.monotonic() < deadline:
            line = child.stdout.readline()  # type: ignore[union-attr]
            if not line:
                break
            seen.append(line.strip())
        assert {"started", "watching"} <= set(seen), seen
        time.sleep(0.5)  # mid-session: the countdown is running
        child.send_signal(number)
        out, err = child.communicate(timeout=5)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    assert child.returncode == 0, err
    assert "Traceback" not in err, err
    assert "closed" in out.split()
    assert "geometry" in (tmp_path / "settings.ini").read_text()
