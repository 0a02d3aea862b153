"""The one QObject that owns the session's timer and turns its events into signals.

When to wake is decided in the core (``core.pacing.Pacer``): the controller's next
event, the next change of the shown second or the next few device pixels of the ring's
arc, whichever is first; nothing ticks while the session is paused. Here a QTimer
stands in for the pacer's timer port and its callbacks become signals. Time always
comes from the monotonic clock through the controller.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ..core.pacing import ArcPace, Pacer
from ..core.session import (
    Clock,
    CueDue,
    Event,
    Finished,
    Paused,
    SegmentStarted,
    Session,
    SessionReport,
    State,
)
from ..core.timeline import Segment, Timeline


class QtTimer:
    """The pacer's timer port on a precise single-shot QTimer."""

    def __init__(self, parent: QObject, wake: Callable[[], None]) -> None:
        self.timer = QTimer(parent)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(wake)

    def start(self, seconds: float) -> None:
        self.timer.start(max(0, math.ceil(seconds * 1000)))

    def stop(self) -> None:
        self.timer.stop()

    @property
    def active(self) -> bool:
        return self.timer.isActive()


class SessionDriver(QObject):
    """Commands in (slots), signals out; widgets never touch the Session directly.

    Signals:
        segmentStarted(Segment): a new segment is showing (also after a jump).
        cueDue(CueDue): a cue should be played now.
        tick(): the shown second changed or something happened; refresh everything.
        frame(): only the ring's arc (and a moving figure) needs repainting.
        stateChanged(State): ready, running, paused, finished or stopped.
        pausedByInterruption(): the clock jumped (sleep, a stopped process).
        finished(tuple): the routine is done; carries the finish cues.
        hushed(): the person paused, skipped, went back or stopped: stop speaking.
        resumed(Segment): running again after a pause, at this segment.
    """

    segmentStarted = Signal(object)
    cueDue = Signal(object)
    tick = Signal()
    frame = Signal()
    stateChanged = Signal(object)
    pausedByInterruption = Signal()
    finished = Signal(object)
    hushed = Signal()
    resumed = Signal(object)

    def __init__(
        self,
        timeline: Timeline,
        clock: Clock = time.monotonic,
        parent: QObject | None = None,
        arc: ArcPace | None = None,
    ) -> None:
        """``arc`` is the ring's arc length, which the ring keeps up to date and the
        driver only reads to pace the frames (a default length until one is given)."""
        super().__init__(parent)
        self.session = Session(timeline, clock)
        self.arc = arc if arc is not None else ArcPace()
        self.pacer = Pacer(
            self.session,
            clock,
            QtTimer(self, self._wake),
            self.arc,
            on_events=self._emit,
            on_tick=self.tick.emit,
            on_frame=self.frame.emit,
        )
        """When to wake; a test on a fake clock calls its ``wake()`` as the timer would."""
        self._last_state: State | None = None

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

    def active_elapsed(self) -> float:
        """Seconds the session has run, pauses left out."""
        return self.session.active_elapsed()

    def segment_elapsed(self) -> float:
        return self.session.segment_elapsed()

    def total_remaining(self) -> float:
        return self.session.total_remaining()

    def position(self) -> float:
        """Seconds into the whole routine."""
        return self.session.position()

    def report(self) -> SessionReport:
        """What the session did, for the summary."""
        return self.session.report()

    # --- commands (slots) -----------------------------------------------------------

    def start(self) -> None:
        self._handle(self.session.start())

    def toggle(self) -> None:
        if self.state is State.PAUSED:
            self.resume()
        else:
            self._command(self.session.toggle())

    def pause(self) -> None:
        self._command(self.session.pause())

    def resume(self) -> None:
        was_paused = self.state is State.PAUSED
        self._handle(self.session.resume())
        if was_paused and self.state is State.RUNNING:
            self.resumed.emit(self.segment)

    def next(self) -> None:
        self._command(self.session.next())

    def previous(self) -> None:
        self._command(self.session.previous())

    def restart_step(self) -> None:
        self._command(self.session.restart_step())

    def stop(self) -> None:
        self._command(self.session.stop())

    def retime(self, timeline: Timeline) -> None:
        """New get-ready or rest times for the same routine, keeping the place."""
        self._handle(self.session.retime(timeline))

    def shutdown(self) -> None:
        """Stop the timer for good (the window is closing or a new session begins)."""
        self.pacer.timer.stop()

    def waiting(self) -> bool:
        """Whether a wake is due (never while paused, finished or stopped)."""
        timer = self.pacer.timer
        return isinstance(timer, QtTimer) and timer.active

    # --- internals ------------------------------------------------------------------

    def _wake(self) -> None:
        self.pacer.wake()

    def _handle(self, events: list[Event]) -> None:
        self.pacer.handle(events)

    def _command(self, events: list[Event]) -> None:
        """A command from the person: what was being said is stale, and is cut before
        anything the command brings (the next step's announcement) is said."""
        self.hushed.emit()
        self._handle(events)

    def _emit(self, events: list[Event]) -> None:
        for event in events:
            if isinstance(event, SegmentStarted):
                self.segmentStarted.emit(event.segment)
            elif isinstance(event, CueDue):
                self.cueDue.emit(event)
            elif isinstance(event, Paused) and event.interrupted:
                self.pausedByInterruption.emit()
            elif isinstance(event, Finished):
                self.finished.emit(event.cues)
        state = self.session.state
        if state != self._last_state:
            self._last_state = state
            self.stateChanged.emit(state)
