"""Timing in the Qt layer, on the real monotonic clock and real timers.

The shown second must change within 60 ms of the true boundary, and a routine must
end within 20 ms of its planned total, also when the event loop stalls for 300 ms.
The pacing itself (frames, whole seconds, nothing while paused) is core code, tested
on a fake clock in tests/core/test_pacing.py.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from backstretch_gui.core.library import Origin, load_library
from backstretch_gui.core.timeline import compile_routine
from backstretch_gui.services.driver import SessionDriver
from backstretch_gui.ui.ring import CountdownRing

from helpers import DATA, INSTANT

SHOWN_SECOND_LATENESS = 0.060
END_LATENESS = 0.020


def tiny_driver() -> SessionDriver:
    library = load_library(DATA / "exercises.yaml", [(DATA, Origin.BUNDLED)])
    entry = library.find("tiny")
    assert entry is not None
    return SessionDriver(compile_routine(entry.routine, library.exercises, pace=INSTANT))


ARC = QColor("#14A38B")


def run(qtbot: QtBot, stalls: list[float]) -> tuple[SessionDriver, list[float], float, float]:
    """Run the tiny routine; return the driver, the lateness of every shown second,
    when it started and when it finished (monotonic seconds)."""
    driver = tiny_driver()
    ring = CountdownRing()
    qtbot.addWidget(ring)
    ring.resize(400, 400)
    ring.set_arc_pace(driver.arc)
    ring.set_source(driver.remaining)
    lateness: list[float] = []
    last = {"text": "", "segment": -1}

    def on_tick() -> None:
        ring.refresh()
        now = time.monotonic()
        index = driver.session.index
        if ring.shown_text != last["text"] and index == last["segment"]:
            # The number went down: it should have at the whole second just passed.
            remaining = driver.session.remaining(now)
            boundary = float(int(ring.shown_text)) if ring.shown_text.isdigit() else 0.0
            lateness.append(boundary - remaining)
        last["text"], last["segment"] = ring.shown_text, index

    driver.tick.connect(on_tick)
    driver.segmentStarted.connect(lambda segment: ring.set_segment(segment.seconds, ARC, ""))
    for at in stalls:
        QTimer.singleShot(round(at * 1000), lambda: time.sleep(0.3))
    finished_at: list[float] = []
    driver.finished.connect(lambda _: finished_at.append(time.monotonic()))
    started_at = time.monotonic()
    driver.start()
    qtbot.waitUntil(lambda: bool(finished_at), timeout=10_000)
    driver.shutdown()
    return driver, lateness, started_at, finished_at[0]


def test_the_shown_second_changes_on_time(qtbot: QtBot) -> None:
    _, lateness, _, _ = run(qtbot, stalls=[])
    assert len(lateness) >= 2
    assert all(0 <= late < SHOWN_SECOND_LATENESS for late in lateness), lateness


def test_the_routine_ends_on_time_despite_stalls(qtbot: QtBot) -> None:
    driver, _, started_at, finished_at = run(qtbot, stalls=[0.5, 1.7])
    total = driver.timeline.total_seconds
    assert driver.session.active_elapsed() == total
    assert 0 <= (finished_at - started_at) - total < END_LATENESS
