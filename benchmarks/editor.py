"""The routine editor's speed: opening the longest bundled routine in the window's
editor (file read, draft, form built and shown), and live validation after an edit.

    QT_QPA_PLATFORM=offscreen python benchmarks/editor.py      (make bench runs it)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BACKSTRETCH_DATA_DIR", tempfile.mkdtemp(prefix="backstretch-editor-"))

from PySide6.QtWidgets import QApplication

from backstretch_gui.app import create_window
from backstretch_gui.core import resources

REPEATS = 15


def longest_routine() -> str:
    files = [p for p in resources.routines_dir().glob("*.yaml") if p.stem != "exercises"]
    return str(max(files, key=lambda p: p.stat().st_size))


def main() -> int:
    window = create_window([])
    window.resize(1280, 800)
    window.show()
    app = QApplication.instance()
    assert app is not None
    app.processEvents()
    path = longest_routine()
    host = window.editor_host
    host.edit(path)  # the first opening imports the editor's modules
    host.leave_then(window.show_picker)
    opening = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        host.edit(path)
        app.processEvents()  # laid out and painted
        opening.append(time.perf_counter() - started)
        host.leave_then(window.show_picker)
        app.processEvents()
    host.edit(path)
    editor = host.editor
    assert editor is not None
    checking = []
    for repeat in range(REPEATS * 2):
        started = time.perf_counter()
        editor.draft.set_value(("steps", 0, "reps"), 2 + repeat % 5, "Change reps")
        editor.draft.problems  # noqa: B018 (what the form shows after the edit)
        checking.append(time.perf_counter() - started)
    name = os.path.basename(path)
    opened_ms = statistics.median(opening) * 1000
    print(f"| editor opens {name} (shown) | {opened_ms:.0f} ms | < 150 ms |")
    print(
        f"| live validation after an edit | {statistics.median(checking) * 1000:.1f} ms | < 10 ms |"
    )
    editor.draft.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
