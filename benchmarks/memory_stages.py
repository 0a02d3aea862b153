"""Where a session's memory goes: PSS and the two heaps after each stage of start-up.

Runs the app on a virtual X screen with a private PulseAudio server (as
benchmarks/gui.py does) and prints, after each stage, the process's PSS (anonymous
and file-backed), the bytes in Python's small-object allocator (pymalloc) and the
bytes glibc's malloc has handed out (Python's larger objects and all of Qt's heap).
A diagnostic for docs/performance.md, not a budget check; Linux with glibc only.

    python benchmarks/memory_stages.py [ROUTINE]
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


_MALLINFO2_FIELDS = (
    "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost".split()
)


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in _MALLINFO2_FIELDS]


def _pymalloc_bytes() -> int:
    """Bytes in pymalloc's allocated blocks; CPython only prints this, to C's stderr."""
    with tempfile.TemporaryFile() as capture:
        saved = os.dup(2)
        os.dup2(capture.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        capture.seek(0)
        for line in capture.read().decode().splitlines():
            if line.startswith("# bytes in allocated blocks"):
                return int(line.split("=")[1].replace(",", ""))
    return 0


def _pss() -> dict[str, float]:
    found = {}
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        name = line.split(":")[0]
        if name in ("Pss", "Pss_Anon", "Pss_File"):
            found[name] = int(line.split()[1]) / 1024
    return found


def child(routine: str) -> None:
    libc = ctypes.CDLL("libc.so.6")
    libc.mallinfo2.restype = _MallInfo2

    def stage(name: str) -> None:
        heap = libc.mallinfo2()
        pss = _pss()
        malloc_mib = (heap.uordblks + heap.hblkhd) / 2**20
        print(
            f"| {name} | {pss['Pss']:.1f} | {pss['Pss_Anon']:.1f} | {pss['Pss_File']:.1f} "
            f"| {_pymalloc_bytes() / 2**20:.1f} | {malloc_mib:.1f} |",
            flush=True,
        )

    print("| stage | PSS | anon | file | pymalloc | malloc |\n|---|---|---|---|---|---|")
    stage("Python started")
    from PySide6.QtWidgets import QApplication  # noqa: F401

    stage("QtWidgets imported")
    from PySide6.QtCore import QEventLoop, QTimer

    from backstretch_gui.app import application
    from backstretch_gui.ui.main_window import MainWindow

    stage("our modules imported")
    app = application()
    stage("QApplication")
    window = MainWindow()
    window.load_library()
    stage("window built, library listed")

    def run_for(seconds: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(round(seconds * 1000), loop.quit)
        loop.exec()

    window.show()
    run_for(3)
    stage("shown, after-paint work done")
    window.open_routine(routine, start=True)
    run_for(3)
    stage("session running, no sound")
    window.controller.hands_free.start_sound()
    run_for(4)
    stage("sound and voice ready")
    run_for(12)
    stage("session 12 s later")
    window.close()  # as a user would: stops the speech thread before Qt goes
    app.quit()


def main() -> int:
    from gui import desktop_environment  # a sibling script: its folder is on sys.path

    routine = sys.argv[1] if len(sys.argv) > 1 else "decompression-break"
    with desktop_environment() as env:
        command = [sys.executable, __file__, "--child", routine]
        # The first run builds the listing cache; the second finds it current, as every
        # start but the very first does, and is the one reported.
        subprocess.call(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return subprocess.call(command, env=env, stderr=subprocess.DEVNULL)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2])
        sys.exit(0)
    sys.exit(main())
