"""When the display wakes: the session's events, the shown seconds and the ring's frames.

The pacer sleeps until the session's next event, the next change of the shown second or
the next few device pixels of the ring's arc, whichever is first; nothing is scheduled
while the session is paused. It talks to a timer only through the ``Timer`` port (a
QTimer in the application, a fake one in the tests), so all of this is plain Python
tested on a fake clock.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Protocol

from .session import Clock, Event, Session

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
DEFAULT_ARC_PIXELS = 1000.0
"""The arc's length until the ring has been laid out."""


class Timer(Protocol):
    """A one-shot timer: calls back once, ``seconds`` from now, unless stopped first."""

    def start(self, seconds: float) -> None: ...

    def stop(self) -> None: ...


class ArcPace:
    """The ring's arc length in device pixels along its full circle.

    The ring keeps it up to date (on resizes and screen changes); the pacer only reads
    it, to space the frames a few pixels of the arc apart.
    """

    def __init__(self, pixels: float = DEFAULT_ARC_PIXELS) -> None:
        self.pixels = pixels


class Pacer:
    """Decides each wake: a frame (only the arc moved) or an update (events or a new
    shown second), and when to wake next.

    ``on_events`` gets the events of every update (maybe none), then ``on_tick`` is
    called; ``on_frame`` is called for a frame.
    """

    def __init__(
        self,
        session: Session,
        clock: Clock,
        timer: Timer,
        arc: ArcPace,
        on_events: Callable[[list[Event]], None],
        on_tick: Callable[[], None],
        on_frame: Callable[[], None],
    ) -> None:
        self.session = session
        self.clock = clock
        self.timer = timer
        self.arc = arc
        self._on_events = on_events
        self._on_tick = on_tick
        self._on_frame = on_frame
        self._last_shown = -1

    def handle(self, events: list[Event]) -> None:
        """Pass on a command's (or a wake's) events, refresh everything, sleep again."""
        self._on_events(events)
        self._last_shown = self.shown_second()
        self._on_tick()
        self.schedule()

    def wake(self) -> None:
        """The timer fired."""
        events = self.session.update()
        if events or self.shown_second() != self._last_shown:
            self.handle(events)
        else:
            self._on_frame()
            self.schedule()

    def schedule(self) -> None:
        """Start the timer for the next wake, or stop it when nothing is due."""
        due = self.session.next_due()
        if due is None:
            self.timer.stop()
            return
        now = self.clock()
        wake = min(due, now + self.display_interval(now))
        self.timer.start(max(0.0, wake - now))

    def shown_second(self) -> int:
        return math.ceil(self.session.remaining() - 1e-9)

    def display_interval(self, now: float) -> float:
        """Seconds until the shown number changes or the arc moves a few device pixels."""
        remaining = self.session.remaining(now)
        to_next_second = remaining - math.floor(remaining - 1e-9) if remaining > 0 else 1.0
        seconds = self.session.segment.seconds
        if seconds < SWEEP_MIN_SECONDS:
            return max(to_next_second, 0.001)
        per_step = seconds * ARC_STEP_PIXELS / max(self.arc.pixels, 1.0)
        return max(min(to_next_second, max(per_step, MIN_FRAME_SECONDS)), 0.001)
