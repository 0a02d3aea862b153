"""Timing in the Qt layer, on the real monotonic clock and real timers.

The shown second must change within 60 ms of the true boundary, and a routine must
end within 20 ms of its planned total, also when the event loop stalls for 300 ms.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from backstretch_gui.core.library import Origin, load_library
from backstretch_gui.core.timeline import compile_routine
from backstretch_gui.services.driver import SessionDriver
from backstretch_gui.ui.ring import CountdownRing

from helpers import DATA, FakeClock

SHOWN_SECOND_LATENESS = 0.060
END_LATENESS = 0.020


def tiny_driver() -> SessionDriver:
    library = load_library(DATA / "exercises.yaml", [(DATA, Origin.BUNDLED)])
    entry = library.find("tiny")
    assert entry is not None
    return SessionDriver(compile_routine(entry.routine, library.exercises))


def run(qtbot: QtBot, stalls: list[float]) -> tuple[SessionDriver, list[float], float, float]:
    """Run the tiny routine; return the driver, the lateness of every shown second,
    when it started and when it finished (monotonic seconds)."""
    driver = tiny_driver()
    ring = CountdownRing()
    qtbot.addWidget(ring)
    ring.resize(400, 400)
    ring.on_arc_length = lambda pixels: setattr(driver, "arc_pixels", pixels)
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
    driver.segmentStarted.connect(
        lambda segment: ring.set_segment(segment.seconds, ring._colour, "")
    )
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


def count_wakes(driver: SessionDriver, clock: FakeClock, seconds: float) -> tuple[int, int]:
    """Follow the driver's timer on a fake clock for ``seconds``: (frames, ticks)."""
    counts = {"frame": 0, "tick": 0}
    driver.frame.connect(lambda: counts.__setitem__("frame", counts["frame"] + 1))
    driver.tick.connect(lambda: counts.__setitem__("tick", counts["tick"] + 1))
    end = clock.now + seconds
    while clock.now < end:
        clock.advance(max(driver._timer.interval(), 1) / 1000)
        driver._wake()
    return counts["frame"], counts["tick"]


def short_driver(clock: FakeClock, arc_pixels: float) -> SessionDriver:
    library = load_library(DATA / "exercises.yaml", [(DATA, Origin.BUNDLED)])
    entry = library.find("short")
    assert entry is not None
    driver = SessionDriver(compile_routine(entry.routine, library.exercises), clock)
    driver.arc_pixels = arc_pixels
    return driver


def test_a_fast_arc_wakes_the_display_at_most_three_times_a_second(qtbot: QtBot) -> None:
    clock = FakeClock()
    driver = short_driver(clock, arc_pixels=1500.0)  # 10 s to go round: 150 px a second
    driver.start()
    count_wakes(driver, clock, 100.5)  # into the 10 s transition before the tempo phases
    assert driver.segment.kind.value == "transition"
    frames, ticks = count_wakes(driver, clock, 8.0)
    assert 7 <= ticks <= 9  # every shown second
    assert frames + ticks <= 8 * 3 + 1  # three wakes a second
    assert frames >= 8 * 2  # the arc still moves between the seconds


def test_a_short_tempo_phase_moves_its_arc_with_the_seconds(qtbot: QtBot) -> None:
    clock = FakeClock()
    driver = short_driver(clock, arc_pixels=1500.0)
    driver.start()
    count_wakes(driver, clock, 110.0)  # on to the first tempo phase (4 s, 2 s, 4 s)
    assert driver.segment.kind.value == "phase"
    frames, ticks = count_wakes(driver, clock, 10.0)
    assert frames == 0
    assert 10 <= ticks <= 14  # every shown second, and every new phase


def test_a_slow_arc_steps_a_few_pixels_at_a_time(qtbot: QtBot) -> None:
    clock = FakeClock()
    driver = short_driver(clock, arc_pixels=30.0)  # 20 s hold, 30 px around: 1.5 px/s
    driver.start()
    count_wakes(driver, clock, 6.0)  # into the 20 s hold
    assert driver.segment.kind.value == "hold"
    frames, ticks = count_wakes(driver, clock, 10.0)
    # 1.5 px a second and a frame per 3 px: no frames between the whole seconds.
    assert frames == 0
    assert 9 <= ticks <= 11
