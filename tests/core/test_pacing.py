"""When the display wakes, on a fake clock and a fake timer: no Qt, exact numbers."""

from __future__ import annotations

import math

from backstretch_gui.core.library import Origin, load_library
from backstretch_gui.core.pacing import (
    MIN_FRAME_SECONDS,
    ArcPace,
    Pacer,
)
from backstretch_gui.core.session import Event, Session, State
from backstretch_gui.core.timeline import compile_routine

from helpers import DATA, INSTANT, FakeClock


class FakeTimer:
    """The timer port: remembers the delay it was started with, like a one-shot timer."""

    def __init__(self) -> None:
        self.delay: float | None = None

    def start(self, seconds: float) -> None:
        assert seconds >= 0
        self.delay = seconds

    def stop(self) -> None:
        self.delay = None


class Paced:
    """A pacer on the ``short`` routine, counting what it calls back."""

    def __init__(self, clock: FakeClock, arc_pixels: float) -> None:
        library = load_library(DATA / "exercises.yaml", [(DATA, Origin.BUNDLED)])
        entry = library.find("short")
        assert entry is not None
        self.clock = clock
        self.session = Session(
            compile_routine(entry.routine, library.exercises, pace=INSTANT), clock
        )
        self.timer = FakeTimer()
        self.arc = ArcPace(arc_pixels)
        self.frames = 0
        self.ticks = 0
        self.calls: list[str] = []
        self.pacer = Pacer(
            self.session,
            clock,
            self.timer,
            self.arc,
            on_events=self._events,
            on_tick=self._tick,
            on_frame=self._frame,
        )

    def _events(self, events: list[Event]) -> None:
        self.calls.append("events")

    def _tick(self) -> None:
        self.ticks += 1
        self.calls.append("tick")

    def _frame(self) -> None:
        self.frames += 1
        self.calls.append("frame")

    def start(self) -> None:
        self.pacer.handle(self.session.start())

    def follow(self, seconds: float) -> tuple[int, int]:
        """Wake as a millisecond timer would for ``seconds``: (frames, ticks) meanwhile."""
        frames, ticks = self.frames, self.ticks
        end = self.clock.now + seconds
        while self.clock.now < end:
            assert self.timer.delay is not None, "the timer stopped"
            self.clock.advance(max(math.ceil(self.timer.delay * 1000), 1) / 1000)
            self.pacer.wake()
        return self.frames - frames, self.ticks - ticks


def test_a_fast_arc_wakes_the_display_at_most_three_times_a_second(clock: FakeClock) -> None:
    paced = Paced(clock, arc_pixels=1500.0)  # 10 s to go round: 150 px a second
    paced.start()
    paced.follow(100.5)  # into the 10 s transition before the tempo phases
    assert paced.session.segment.kind.value == "transition"
    frames, ticks = paced.follow(8.0)
    assert 7 <= ticks <= 9  # every shown second
    assert frames + ticks <= 8 * 3 + 1  # three wakes a second
    assert frames >= 8 * 2  # the arc still moves between the seconds


def test_a_short_tempo_phase_moves_its_arc_with_the_seconds(clock: FakeClock) -> None:
    paced = Paced(clock, arc_pixels=1500.0)
    paced.start()
    paced.follow(110.0)  # on to the first tempo phase (4 s, 2 s, 4 s)
    assert paced.session.segment.kind.value == "phase"
    frames, ticks = paced.follow(10.0)
    assert frames == 0
    assert 10 <= ticks <= 14  # every shown second, and every new phase


def test_a_slow_arc_steps_a_few_pixels_at_a_time(clock: FakeClock) -> None:
    paced = Paced(clock, arc_pixels=30.0)  # 20 s hold, 30 px around: 1.5 px/s
    paced.start()
    paced.follow(6.0)  # into the 20 s hold
    assert paced.session.segment.kind.value == "hold"
    frames, ticks = paced.follow(10.0)
    # 1.5 px a second and a frame per 3 px: no frames between the whole seconds.
    assert frames == 0
    assert 9 <= ticks <= 11


def test_the_arc_length_is_read_at_every_wake(clock: FakeClock) -> None:
    paced = Paced(clock, arc_pixels=30.0)
    paced.start()
    paced.follow(6.0)
    assert paced.session.segment.kind.value == "hold"
    assert paced.follow(4.0)[0] == 0
    paced.arc.pixels = 1500.0  # the ring grew (as the ring would tell it)
    frames, _ = paced.follow(4.0)
    assert frames >= 4  # from the next wake on, two frames between the seconds


def test_no_wake_is_closer_than_a_third_of_a_second_between_seconds(clock: FakeClock) -> None:
    paced = Paced(clock, arc_pixels=100_000.0)  # a huge ring: a pixel every few ms
    paced.start()
    paced.follow(6.0)
    assert paced.session.segment.kind.value == "hold"
    frames, ticks = paced.follow(6.0)
    assert frames + ticks <= 6 * 3 + 1
    assert paced.timer.delay is not None and paced.timer.delay <= MIN_FRAME_SECONDS + 1e-9


def test_the_wake_comes_no_later_than_the_next_shown_second(clock: FakeClock) -> None:
    paced = Paced(clock, arc_pixels=30.0)
    paced.start()
    clock.advance(0.25)
    paced.pacer.wake()
    remaining = paced.session.remaining()
    assert paced.timer.delay is not None
    assert paced.timer.delay <= remaining - math.floor(remaining) + 1e-9


def test_nothing_is_scheduled_while_paused(clock: FakeClock) -> None:
    paced = Paced(clock, arc_pixels=1500.0)
    paced.start()
    paced.follow(3.0)
    assert paced.timer.delay is not None
    paced.pacer.handle(paced.session.pause())
    assert paced.session.state is State.PAUSED
    assert paced.timer.delay is None
    paced.pacer.handle(paced.session.resume())
    assert paced.timer.delay is not None


def test_the_timer_stops_when_the_routine_is_done(clock: FakeClock) -> None:
    paced = Paced(clock, arc_pixels=1500.0)
    paced.start()
    total = paced.session.timeline.total_seconds
    while paced.timer.delay is not None:
        clock.advance(max(paced.timer.delay, 0.001))
        paced.pacer.wake()
        assert clock.now < 1000.0 + total + 5
    assert paced.session.state is State.FINISHED
    assert paced.session.active_elapsed() == total


def test_an_update_passes_the_events_on_before_the_tick(clock: FakeClock) -> None:
    paced = Paced(clock, arc_pixels=1500.0)
    paced.start()
    assert paced.calls == ["events", "tick"]
    paced.calls.clear()
    paced.follow(100.5)
    # A frame never comes with events or a tick; every tick follows its events.
    pairs = [paced.calls[i : i + 2] for i, call in enumerate(paced.calls) if call == "events"]
    assert all(pair == ["events", "tick"] for pair in pairs)
    assert paced.calls.count("events") == paced.calls.count("tick")
