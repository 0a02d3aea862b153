"""Benchmarks of the window: start-up, CPU and memory during a session.

Each figure comes with a baseline measured in the same run on the same virtual X
screen (Xvfb): a bare PySide6 QMainWindow with a label for start-up and memory, and
a naive ring that repaints its whole widget 30 times a second for CPU. Sessions run
as the user gets them, with sounds and the voice on, against a private PulseAudio
server with a null sink (and speech-dispatcher, which starts on demand).

    BENCH_ROUTINE=lower-back-floor python benchmarks/gui.py   (another routine)
    BENCH_SKIP=68 ...   (measure from 68 s into the session instead of 3 s)

    python benchmarks/gui.py          (make bench runs it too)
"""

from __future__ import annotations

import compileall
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from sound import null_sink_server  # noqa: E402
from xvfb import virtual_screen  # noqa: E402

CHILD = r"""
import sys, time
mode = sys.argv[1]

def report_first_paint(widget, then):
    from PySide6.QtCore import QObject, QEvent
    class Hook(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                print(f"painted {time.monotonic():.6f}", flush=True)
                then()
                widget.removeEventFilter(self)
            return False
    hook = Hook(widget)
    widget.installEventFilter(hook)
    return hook

if mode in ("bare", "bare-idle"):
    from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
    app = QApplication([])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Backstretch"))
    window.resize(1280, 800)
    target = window.centralWidget()
elif mode == "naive-ring":
    from PySide6.QtCore import QTimer, QRectF, Qt
    from PySide6.QtGui import QPainter, QPen, QColor
    from PySide6.QtWidgets import QApplication, QWidget
    app = QApplication([])
    class Ring(QWidget):
        def paintEvent(self, event):
            p = QPainter(self)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setPen(QPen(QColor("#14A38B"), 30))
            fraction = (time.monotonic() % 20) / 20
            p.drawArc(QRectF(40, 40, 440, 440), 90 * 16, round(-360 * 16 * fraction))
            p.setFont(p.font()); p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "20")
    window = Ring()
    window.resize(1280, 800)
    timer = QTimer(); timer.timeout.connect(window.update); timer.start(33)
    target = window
elif mode == "app":  # the real entry point, as a launcher starts it
    from PySide6.QtWidgets import QApplication
    from backstretch_gui.cli import main
    from backstretch_gui.ui.main_window import MainWindow
    fill = MainWindow.load_library
    def fill_and_watch(window):
        fill(window)
        window.hook = report_first_paint(window.picker.list, QApplication.quit)
    MainWindow.load_library = fill_and_watch
    sys.exit(main([]))
else:
    from backstretch_gui.app import application
    from backstretch_gui.ui.main_window import MainWindow
    app = application()
    window = MainWindow()
    window.load_library()
    target = window.picker.list
    if mode == "session":
        window.open_routine(sys.argv[2], start=True)
        window.hands_free.start_sound()
        target = window.step_view.ring

if mode == "bare":
    report_first_paint(target, app.quit)
else:
    print("ready", flush=True)
window.show()
sys.exit(app.exec())
"""


ROUTINE = os.environ.get("BENCH_ROUTINE", "decompression-break")
SKIP = float(os.environ.get("BENCH_SKIP", "3"))
"""Seconds the session runs before the CPU and memory window opens."""


@contextlib.contextmanager
def desktop_environment() -> Iterator[dict[str, str]]:
    """The environment for an app process on a virtual X screen with a private sound
    server and an empty data folder, running from this checkout's sources."""
    with (
        virtual_screen() as display,
        tempfile.TemporaryDirectory() as data,
        null_sink_server(Path(data)) as sound_env,
    ):
        env = {**os.environ, **sound_env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        env["BACKSTRETCH_DATA_DIR"] = data
        env["PYTHONPATH"] = str(ROOT / "src")
        yield env


def spawn(mode: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, mode, ROUTINE],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )


def first_paint_seconds(mode: str, env: dict[str, str]) -> float:
    started = time.monotonic()
    child = spawn(mode, env)
    assert child.stdout is not None
    line = child.stdout.readline()
    child.wait(timeout=60)
    child.stdout.close()
    return float(line.split()[1]) - started


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])  # utime + stime
    return ticks / os.sysconf("SC_CLK_TCK")


def pss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def steady_state(mode: str, env: dict[str, str], seconds: float) -> tuple[float, float]:
    """(CPU % of one core, PSS MiB) of a running child after it has settled."""
    child = spawn(mode, env)
    assert child.stdout is not None
    child.stdout.readline()
    time.sleep(SKIP if mode == "session" else 3)  # let start-up work finish
    cpu_before, wall_before = cpu_seconds(child.pid), time.monotonic()
    time.sleep(seconds)
    cpu = (cpu_seconds(child.pid) - cpu_before) / (time.monotonic() - wall_before) * 100
    memory = pss_mib(child.pid)
    child.terminate()
    child.wait(timeout=10)
    child.stdout.close()
    return cpu, memory


def main() -> int:
    repeats = int(os.environ.get("BENCH_REPEATS", "9"))
    # Byte-compiled, as an installed app is (pip compiles at install; a checkout run
    # with PYTHONDONTWRITEBYTECODE would compile every module at every start).
    compileall.compile_dir(ROOT / "src", quiet=1)
    window_seconds = float(os.environ.get("BENCH_CPU_SECONDS", "60"))
    with desktop_environment() as env:
        bare, ours = [], []
        for _ in range(repeats):  # interleaved, so drift hits both alike
            bare.append(first_paint_seconds("bare", env))
            ours.append(first_paint_seconds("app", env))
        bare_ms = statistics.median(bare) * 1000
        ours_ms = statistics.median(ours) * 1000
        naive_cpu, _ = steady_state("naive-ring", env, window_seconds)
        idle_cpu, bare_pss = steady_state("bare-idle", env, window_seconds)
        session_cpu, session_pss = steady_state("session", env, window_seconds)
    print(f"Python {sys.version.split()[0]}; medians of {repeats} start-ups\n")
    print("| what | result | baseline (same run) | target |")
    print("|---|---|---|---|")
    print(
        f"| start-up to first painted picker | {ours_ms:.0f} ms ({ours_ms / bare_ms:.2f}x) "
        f"| bare QMainWindow + label: {bare_ms:.0f} ms | <= 1.3x |"
    )
    print(
        f"| CPU while {ROUTINE} runs ({SKIP:.0f}-{SKIP + window_seconds:.0f} s) "
        f"| {session_cpu:.2f} % "
        f"| naive 30 fps ring: {naive_cpu:.2f} %; idle bare window: {idle_cpu:.2f} % "
        "| <= 0.5 % |"
    )
    print(
        f"| PSS during a session, sound and voice on | {session_pss:.1f} MiB "
        f"| bare window: {bare_pss:.1f} MiB "
        "| <= 70 MiB |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
