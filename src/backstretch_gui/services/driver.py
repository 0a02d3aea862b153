"""The one QObject that owns the session's timer and turns its events into signals.

It sleeps until the controller's next event, the next change of the shown second or
the next device pixel of the ring's arc, whichever is first; nothing ticks while the
session is paused. Time always comes from the monotonic clock through the controller.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ..core.session import (
    Clock,
    CueDue,
    Event,
    Finished,
    Paused,
    SegmentStarted,
    Session,
    State,
)
from ..core.timeline import Segment, Timeline

MIN_FRAME_SECONDS = 1 / 3
"""The ring never repaints more often than this, however fast its arc moves. A wake
that repaints costs about 0.6 ms of CPU here, most of it Qt's paint machinery and
the X server's round trip rather than our drawing (with the drawing left out it is
still 0.37 ms), so three frames a second is what the 0.5 % budget allows next to the
whole-second updates and the sounds (docs/performance.md; four measured 0.07 % more).
Slow arcs (holds of a minute or more) still step by a few pixels, below what the eye
resolves from the floor; fast ones (a 20 s hold) step in thirds of a second, in time
with the count."""
ARC_STEP_PIXELS = 3.0
"""Device pixels the arc's end moves between two frames: smooth to the eye, cheap."""
SWEEP_MIN_SECONDS = 6.0
"""Shorter segments (tempo phases, brief rests) move their arc with the number, once
a second, like a clock's hand: in a 4 s phase, frames between the seconds would
still jump a twelfth of the circle each, and such segments come in runs that would
keep the ring at its frame cap for minutes."""


class SessionDriver(QObject):
    """Commands in (slots), signals out; widgets never touch the Session directly.

    Signals:
        segmentStarted(Segment): a new segment is showing (also after a jump).
        cueDue(CueDue): a cue should be played now.
        tick(): the shown second changed or something happened; refresh everything.
        frame(): only the ring's arc (and a moving figure) needs repainting.
        stateChanged(str): ready, running, paused, finished or stopped.
        pausedByInterruption(): the clock jumped (sleep, a stopped process).
        finished(tuple): the routine is done; carries the finish cues.
    """

    segmentStarted = Signal(object)
    cueDue = Signal(object)
    tick = Signal()
    frame = Signal()
    stateChanged = Signal(str)
    pausedByInterruption = Signal()
    finished = Signal(object)

    def __init__(
        self, timeline: Timeline, clock: Clock = time.monotonic, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = Session(timeline, clock)
        self._clock = clock
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._wake)
        self._last_state: str | None = None
        self._last_shown = -1
        self.arc_pixels = 1000.0
        """Device pixels along the ring's full circle; the ring keeps this up to date."""

    # --- queries --------------------------------------------------------------------

    @property
    def timeline(self) -> Timeline:
        return self.session.timeline

    @property
    def segment(self) -> Segment:
        return self.session.segment

    @property
    def state(self) -> State:
        return self.session.state

    def remaining(self) -> float:
        return self.session.remaining()

    # --- commands (slots) -----------------------------------------------------------

    def start(self) -> None:
        self._handle(self.session.start())

    def toggle(self) -> None:
        self._handle(self.session.toggle())

    def pause(self) -> None:
        self._handle(self.session.pause())

    def resume(self) -> None:
        self._handle(self.session.resume())

    def next(self) -> None:
        self._handle(self.session.next())

    def previous(self) -> None:
        self._handle(self.session.previous())

    def restart_step(self) -> None:
        self._handle(self.session.restart_step())

    def stop(self) -> None:
        self._handle(self.session.stop())

    def retime(self, timeline: Timeline) -> None:
        """New get-ready or rest times for the same routine, keeping the place."""
        self._handle(self.session.retime(timeline))

    def shutdown(self) -> None:
        """Stop the timer for good (the window is closing or a new session begins)."""
        self._timer.stop()

    # --- internals ------------------------------------------------------------------

    def _wake(self) -> None:
        events = self.session.update()
        if events or self._shown_second() != self._last_shown:
            self._handle(events)
        else:
            self.frame.emit()
            self._schedule()

    def _shown_second(self) -> int:
        return math.ceil(self.session.remaining() - 1e-9)

    def _handle(self, events: list[Event]) -> None:
        for event in events:
            if isinstance(event, SegmentStarted):
                self.segmentStarted.emit(event.segment)
            elif isinstance(event, CueDue):
                self.cueDue.emit(event)
            elif isinstance(event, Paused) and event.interrupted:
                self.pausedByInterruption.emit()
            elif isinstance(event, Finished):
                self.finished.emit(event.cues)
        state = self.session.state.value
        if state != self._last_state:
            self._last_state = state
            self.stateChanged.emit(state)
        self._last_shown = self._shown_second()
        self.tick.emit()
        self._schedule()

    def _schedule(self) -> None:
        due = self.session.next_due()
        if due is None:
            self._timer.stop()
            return
        now = self._clock()
        wake = min(due, now + self._display_interval(now))
        self._timer.start(max(0, math.ceil((wake - now) * 1000)))

    def _display_interval(self, now: float) -> float:
        """Seconds until the shown number changes or the arc moves a device pixel."""
        remaining = self.session.remaining(now)
        to_next_second = remaining - math.floor(remaining - 1e-9) if remaining > 0 else 1.0
        if self.session.segment.seconds < SWEEP_MIN_SECONDS:
            return max(to_next_second, 0.001)
        per_step = self.session.segment.seconds * ARC_STEP_PIXELS / max(self.arc_pixels, 1.0)
        return max(min(to_next_second, max(per_step, MIN_FRAME_SECONDS)), 0.001)
