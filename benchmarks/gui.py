"""Benchmarks of the window: start-up, CPU and memory during a session.

Each figure comes with baselines measured in the same run on the same virtual X
screen (Xvfb): a bare PySide6 QMainWindow with a label for start-up and memory, a
naive ring that repaints its whole widget 30 times a second for CPU, and, where it
is installed (Debian package workrave), Workrave's exercise screen for both. Sessions
run as the user gets them: sounds and the voice on, against a private PulseAudio
server with a null sink (and speech-dispatcher, which starts on demand), and a
private D-Bus session bus, so the media-player interface and the screen-saver
inhibition are live as on a desktop. CPU and memory are the medians of several
sessions.

    BENCH_ROUTINE=lower-back-floor python benchmarks/gui.py   (another routine)
    BENCH_SKIP=68 ...   (measure from 68 s into the session instead of 3 s)
    BENCH_SESSIONS=5 ...   (sessions to take the median of; 3 by default)

    python benchmarks/gui.py          (make bench runs it too)
"""

from __future__ import annotations

import compileall
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from buses import private_session_bus  # noqa: E402
from sound import null_sink_server  # noqa: E402
from xvfb import virtual_screen  # noqa: E402

CHILD = r"""
import sys, time
mode = sys.argv[1]

def report_paint(widget, label, then=None, ready=lambda: True):
    # Prints the label and the time at the widget's first paint once ready() holds.
    from PySide6.QtCore import QObject, QEvent
    class Hook(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and ready():
                print(f"{label} {time.monotonic():.6f}", flush=True)
                widget.removeEventFilter(self)
                if then is not None:
                    then()
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
        details = window.picker.detail_text
        window.hooks = [
            report_paint(window.picker.list, "painted"),
            report_paint(details, "complete", QApplication.quit, lambda: bool(details.text())),
        ]
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
        window.controller.hands_free.start_sound()
        target = window.pages.step_view.ring

if mode == "bare":
    hook = report_paint(target, "painted", app.quit)
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
    server, session bus and an empty data folder, running from this checkout's sources."""
    with (
        virtual_screen() as display,
        tempfile.TemporaryDirectory() as data,
        null_sink_server(Path(data)) as sound_env,
        private_session_bus() as bus,
    ):
        env = {**os.environ, **sound_env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        env["DBUS_SESSION_BUS_ADDRESS"] = bus
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


def startup_seconds(mode: str, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from launch to the first paint, and to the window's content all painted
    (the picker's details follow its first frame; a bare window is done at once)."""
    started = time.monotonic()
    child = spawn(mode, env)
    assert child.stdout is not None
    times = dict(line.split() for line in child.stdout)
    child.wait(timeout=60)
    child.stdout.close()
    painted = float(times["painted"]) - started
    return painted, float(times.get("complete", times["painted"])) - started


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])  # utime + stime
    return ticks / os.sysconf("SC_CLK_TCK")


class Sample(NamedTuple):
    cpu: float
    """% of one core"""
    pss: float
    """MiB"""
    anon: float
    """MiB of the PSS that is the process's own memory, not pages of its files"""


def pss_mib(pid: int, field: str = "Pss") -> float:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(pid: int, settle: float, seconds: float) -> Sample:
    """CPU and memory of a running process over ``seconds``."""
    time.sleep(settle)
    cpu_before, wall_before = cpu_seconds(pid), time.monotonic()
    time.sleep(seconds)
    cpu = (cpu_seconds(pid) - cpu_before) / (time.monotonic() - wall_before) * 100
    return Sample(cpu, pss_mib(pid), pss_mib(pid, "Pss_Anon"))


def steady_state(mode: str, env: dict[str, str], seconds: float) -> Sample:
    """CPU and memory of one of our children after it has settled."""
    child = spawn(mode, env)
    assert child.stdout is not None
    child.stdout.readline()
    try:
        return measure(child.pid, SKIP if mode == "session" else 3, seconds)
    finally:
        child.terminate()
        child.wait(timeout=10)
        child.stdout.close()


def workrave_exercises(env: dict[str, str], seconds: float) -> Sample | None:
    """CPU and memory of Workrave with its exercise screen open; None if not installed."""
    if shutil.which("workrave") is None or shutil.which("gdbus") is None:
        return None
    workrave = subprocess.Popen(
        ["workrave"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        call = [
            *("gdbus", "call", "--session", "--dest", "org.workrave.Workrave"),
            *("--object-path", "/org/workrave/Workrave/UI"),
            *("--method", "org.workrave.ControlInterface.Exercises"),
        ]
        deadline = time.monotonic() + 30
        while subprocess.run(call, env=env, capture_output=True).returncode != 0:
            if time.monotonic() > deadline or workrave.poll() is not None:
                return None
            time.sleep(0.5)
        return measure(workrave.pid, 3, seconds)
    finally:
        workrave.terminate()
        workrave.wait(timeout=10)


def main() -> int:
    repeats = int(os.environ.get("BENCH_REPEATS", "21"))
    sessions = int(os.environ.get("BENCH_SESSIONS", "3"))
    # Byte-compiled, as an installed app is (pip compiles at install; a checkout run
    # with PYTHONDONTWRITEBYTECODE would compile every module at every start).
    compileall.compile_dir(ROOT / "src", quiet=1)
    window_seconds = float(os.environ.get("BENCH_CPU_SECONDS", "60"))
    with desktop_environment() as env:
        bare, ours = [], []
        for _ in range(repeats):  # interleaved, so drift hits both alike
            bare.append(startup_seconds("bare", env)[0])
            ours.append(startup_seconds("app", env))
        bare_ms = statistics.median(bare) * 1000
        ours_ms = statistics.median(painted for painted, _ in ours) * 1000
        complete_ms = statistics.median(complete for _, complete in ours) * 1000
        naive = steady_state("naive-ring", env, window_seconds)
        bare_idle = steady_state("bare-idle", env, window_seconds)
        workrave = workrave_exercises(env, window_seconds)
        runs = [steady_state("session", env, window_seconds) for _ in range(sessions)]
    session_cpu = statistics.median(run.cpu for run in runs)
    session_pss = statistics.median(run.pss for run in runs)
    session_anon = statistics.median(run.anon for run in runs)
    spread = ", ".join(f"{run.cpu:.2f}" for run in runs)
    workrave_cpu = f"; Workrave's exercise screen: {workrave.cpu:.2f} %" if workrave else ""
    workrave_pss = (
        f"; Workrave's exercise screen: {workrave.pss:.1f} MiB ({workrave.anon:.1f} own)"
        if workrave
        else ""
    )
    print(f"Python {sys.version.split()[0]}; medians of {repeats} start-ups, {sessions} sessions\n")
    print("| what | result | baselines (same run) | target |")
    print("|---|---|---|---|")
    print(
        f"| start-up to first painted picker | {ours_ms:.0f} ms ({ours_ms / bare_ms:.2f}x); "
        f"its details painted at {complete_ms:.0f} ms ({complete_ms / bare_ms:.2f}x) "
        f"| bare QMainWindow + label: {bare_ms:.0f} ms | <= 1.3x |"
    )
    print(
        f"| CPU while {ROUTINE} runs ({SKIP:.0f}-{SKIP + window_seconds:.0f} s) "
        f"| {session_cpu:.2f} % ({spread}) "
        f"| naive 30 fps ring: {naive.cpu:.2f} %; idle bare window: {bare_idle.cpu:.2f} %"
        f"{workrave_cpu} | <= 0.5 % |"
    )
    print(
        f"| PSS during a session, sound and voice on | {session_pss:.1f} MiB "
        f"({session_anon:.1f} own, the rest pages of libraries) "
        f"| bare window: {bare_idle.pss:.1f} MiB ({bare_idle.anon:.1f} own){workrave_pss} "
        "| <= 70 MiB |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
