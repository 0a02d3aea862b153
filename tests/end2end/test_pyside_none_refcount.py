"""Regression: PySide6 6.12.0 on Python 3.11 dropped a reference to None per void call.

After a few thousand such calls the interpreter aborted (none_dealloc). Our version
markers keep that pair apart; this test proves the installed pair survives.
"""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = 20_000

CHILD = f"""
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
widget = QWidget()
timer = QTimer()
obj = QObject()
for i in range({CALLS}):
    widget.setMinimumWidth(i % 50)   # void calls, as a 30 fps ring makes
    timer.setInterval(i % 100)
    obj.setObjectName("x")
    widget.update()
print("ok")
"""


def test_twenty_thousand_void_qt_calls_do_not_abort() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"


def test_the_version_markers_exclude_the_bad_pair() -> None:
    import PySide6

    major, minor = (int(part) for part in PySide6.__version__.split(".")[:2])
    if sys.version_info < (3, 12):
        assert (major, minor) < (6, 12), "PySide6 >= 6.12 on Python 3.11 aborts; see pyproject"
