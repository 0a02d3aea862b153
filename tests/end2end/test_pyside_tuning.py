"""The tuning of PySide and Qt: no module source read or kept for PySide's feature scan,
no helper threads for painting."""

from __future__ import annotations

import linecache
import os
import subprocess
import sys
from pathlib import Path

import pytest

from backstretch_gui.services.pyside_tuning import skip_pyside_source_scan


def test_importing_a_module_does_not_read_its_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    skip_pyside_source_scan()
    module = tmp_path / "freshly_written_module.py"
    module.write_text("from PySide6.QtCore import QObject\nVALUE = 42\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    linecache.clearcache()
    imported = __import__("freshly_written_module")  # the import statement's path
    try:
        assert imported.VALUE == 42
        assert str(module) not in linecache.cache
    finally:
        del sys.modules["freshly_written_module"]


ROOT = Path(__file__).resolve().parents[2]


def count_in_child(code: str, mode: str, env: dict[str, str]) -> int:
    """Runs ``code`` in a fresh interpreter with ``mode`` ("plain" or "app") as its
    argument; the number it printed last."""
    done = subprocess.run(
        [sys.executable, "-c", code, mode], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return int(done.stdout.split()[-1])


SOURCES_CHILD = r"""
import linecache, sys
from PySide6.QtWidgets import QApplication
import json, pathlib, typing  # modules a program imports after PySide
if sys.argv[1] == "app":
    import backstretch_gui.app
print(len(linecache.cache))
"""


def test_no_source_read_by_pysides_scan_is_kept() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT / "src")}
    assert count_in_child(SOURCES_CHILD, "plain", env) > 0  # the check sees PySide's scan
    assert count_in_child(SOURCES_CHILD, "app", env) == 0


FILL_CHILD = r"""
import sys
from pathlib import Path
from PySide6.QtGui import QImage, QPainter, QColor

if sys.argv[1] == "app":
    from backstretch_gui.app import application
    application()
else:
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
image = QImage(600, 600, QImage.Format.Format_ARGB32_Premultiplied)
image.fill(0)
painter = QPainter(image)
painter.fillRect(0, 0, 600, 600, QColor(20, 163, 139, 128))  # blended, 600 scanlines
painter.end()
names = [(task / "comm").read_text().strip() for task in Path("/proc/self/task").iterdir()]
print(sum(name == "Thread (pooled)" for name in names))
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads Linux's thread list")
def test_large_fills_are_painted_without_helper_threads() -> None:
    """Qt hands every fill of 96 scanlines or more to a pool of threads and waits for
    them; for a ring's or a label's area that costs more than the fill itself."""
    env = {k: v for k, v in os.environ.items() if k != "QT_NO_GUI_THREADPOOL"}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT / "src"))
    assert count_in_child(FILL_CHILD, "plain", env) > 0  # the check sees Qt's helpers
    assert count_in_child(FILL_CHILD, "app", env) == 0
