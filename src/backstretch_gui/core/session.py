"""The session controller: a small state machine walking a cursor over a timeline.

Time comes from an injected monotonic clock. Remaining time is always a deadline
minus now, never a count of ticks; a segment that ends late hands its overshoot to
the next one, so a session ends when its planned total says, however irregularly
it is polled. Each command and ``update`` return the events they caused.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from .timeline import Cue, Segment, Timeline

Clock = Callable[[], float]
"""Monotonic seconds, e.g. ``time.monotonic``."""

INTERRUPTION_GAP = 5.0
"""A longer silence while running means we were stopped or starved: pause there."""
HEARTBEAT = 1.0
"""Longest time ``next_due`` lets pass, so an interruption is always noticed."""
PREVIOUS_GRACE = 3.0
"""Within this many seconds of a step's start, "previous" goes to the step before."""


class State(enum.Enum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"


class Outcome(enum.Enum):
    PENDING = "pending"
    DONE = "done"
    SKIPPED = "skipped"
    CUT_SHORT = "cut short"
    """In progress when the session was stopped (only in a report)."""


@dataclass(frozen=True)
class SegmentStarted:
    segment: Segment
    by_command: bool = False
    """True when a command (start, skip, back) put us here, False when time did."""


@dataclass(frozen=True)
class CueDue:
    segment: Segment
    cue: Cue
    late: float
    """Seconds past the cue's planned moment, so stale speech can be dropped."""


@dataclass(frozen=True)
class Paused:
    interrupted: bool = False
    """True when a long silence (sleep, a stopped process) paused the session."""


@dataclass(frozen=True)
class Resumed:
    pass


@dataclass(frozen=True)
class Finished:
    cues: tuple[Cue, ...]


@dataclass(frozen=True)
class Stopped:
    pass


Event = SegmentStarted | CueDue | Paused | Resumed | Finished | Stopped


@dataclass(frozen=True, slots=True)
class SessionReport:
    """What a session did, for the summary: read once it has ended."""

    title: str
    finished: bool
    """It ran to its end (rather than being stopped)."""
    steps: tuple[tuple[str, Outcome], ...]
    """Each step's exercise name and what became of it."""
    active_seconds: float
    """Time spent running, pauses left out."""
    cut_short: tuple[float, float] | None = None
    """For the step in progress at Stop: seconds of it done, and its seconds, get-ready
    left out."""

    def count(self, outcome: Outcome) -> int:
        return sum(1 for _, each in self.steps if each is outcome)


class Session:
    def __init__(
        self,
        timeline: Timeline,
        clock: Clock,
        *,
        interruption_gap: float = INTERRUPTION_GAP,
    ) -> None:
        if not timeline.segments:
            raise ValueError("a session needs at least one segment")
        self.timeline = timeline
        self._clock = clock
        self._gap = interruption_gap
        self.state = State.READY
        self.index = 0
        self.outcomes = [Outcome.PENDING] * len(timeline.steps)
        self._offset = 0.0  # seconds into the segment at ``_anchor``
        self._anchor = 0.0  # when the running segment's offset was taken
        self._next_cue = 0  # index of the next cue of this segment to fire
        self._active = 0.0  # running time before ``_run_anchor``
        self._run_anchor = 0.0
        self._last_seen = 0.0

    # --- queries ------------------------------------------------------------------

    @property
    def segment(self) -> Segment:
        return self.timeline.segments[self.index]

    @property
    def step(self) -> int:
        return self.segment.step

    def segment_elapsed(self, now: float | None = None) -> float:
        if self.state is not State.RUNNING:
            return self._offset
        now = self._now(now)
        return min(self.segment.seconds, self._offset + max(0.0, now - self._anchor))

    def remaining(self, now: float | None = None) -> float:
        """Seconds left in the current segment: its deadline minus now."""
        if self.state is State.FINISHED:
            return 0.0
        return self.segment.seconds - self.segment_elapsed(now)

    def position(self, now: float | None = None) -> float:
        """Seconds into the timeline (moves back when a step is redone)."""
        if self.state is State.FINISHED:
            return self.timeline.total_seconds
        return self.segment.start + self.segment_elapsed(now)

    def total_remaining(self, now: float | None = None) -> float:
        return self.timeline.total_seconds - self.position(now)

    def report(self) -> SessionReport:
        outcomes = list(self.outcomes)
        cut_short = self._cut_short()
        if cut_short is not None:
            outcomes[self.step] = Outcome.CUT_SHORT
        return SessionReport(
            title=self.timeline.title,
            finished=self.state is State.FINISHED,
            steps=tuple(
                (span.exercise_name, outcome)
                for span, outcome in zip(self.timeline.steps, outcomes, strict=True)
            ),
            active_seconds=self.active_elapsed(),
            cut_short=cut_short,
        )

    def _cut_short(self) -> tuple[float, float] | None:
        """(done, of) for a stopped session's step whose exercise had begun."""
        if self.state is not State.STOPPED or self.outcomes[self.step] is not Outcome.PENDING:
            return None
        span = self.timeline.steps[self.step]
        ready = self.timeline.segments[span.first_segment]
        begins = span.start + ready.seconds  # the exercise itself, after getting ready
        done = self.position() - begins
        if done <= 0:
            return None
        return done, span.start + span.seconds - begins

    def active_elapsed(self, now: float | None = None) -> float:
        """Running time so far, pauses excluded; it never decreases."""
        if self.state is not State.RUNNING:
            return self._active
        return self._active + max(0.0, self._now(now) - self._run_anchor)

    def next_due(self) -> float | None:
        """The clock time of the next event, or None when nothing will happen."""
        if self.state is not State.RUNNING:
            return None
        segment = self.segment
        due = self._anchor + segment.seconds - self._offset
        if self._next_cue < len(segment.cues):
            cue_at = self._anchor + segment.cues[self._next_cue].at - self._offset
            due = min(due, cue_at)
        return min(due, self._last_seen + min(HEARTBEAT, self._gap))

    # --- commands -----------------------------------------------------------------

    def start(self) -> list[Event]:
        if self.state is not State.READY:
            return []
        now = self._clock()
        self._run(now)
        return [SegmentStarted(self.segment, by_command=True), *self._advance(now)]

    def pause(self) -> list[Event]:
        now = self._clock()
        events = self.update()
        if self.state is State.RUNNING:
            self._freeze(now)
            self.state = State.PAUSED
            events.append(Paused())
        return events

    def resume(self) -> list[Event]:
        if self.state is not State.PAUSED:
            return []
        now = self._clock()
        self._run(now)
        return [Resumed(), *self._advance(now)]

    def toggle(self) -> list[Event]:
        if self.state is State.READY:
            return self.start()
        if self.state is State.RUNNING:
            return self.pause()
        return self.resume()

    def next(self) -> list[Event]:
        """Skip to the next step; skipping the last one finishes the session."""
        events = self.update()
        if not self._can_move():
            return events
        step = self.step
        if self.outcomes[step] is Outcome.PENDING:
            self.outcomes[step] = Outcome.SKIPPED
        if step + 1 >= len(self.timeline.steps):
            return events + self._finish(self._clock())
        return events + self._jump(self.timeline.steps[step + 1].first_segment)

    def previous(self) -> list[Event]:
        """Restart this step; early in it, go back to the step before."""
        events = self.update()
        if not self._can_move():
            return events
        span = self.timeline.steps[self.step]
        into_step = self.position() - span.start
        target = span.index
        if into_step < PREVIOUS_GRACE and span.index > 0:
            target -= 1
        return events + self._jump(self.timeline.steps[target].first_segment)

    def restart_step(self) -> list[Event]:
        events = self.update()
        if not self._can_move():
            return events
        return events + self._jump(self.timeline.steps[self.step].first_segment)

    def stop(self) -> list[Event]:
        events = self.update()
        if not self._can_move():
            return events
        if self.state is State.RUNNING:
            self._freeze(self._clock())
        self.state = State.STOPPED
        return [*events, Stopped()]

    def retime(self, timeline: Timeline) -> list[Event]:
        """Take a recompiled timeline of the same routine (new get-ready or rest times)
        without losing the place: same step, same part of it, same time into it."""
        events = self.update()
        if len(timeline.steps) != len(self.timeline.steps) or not self._can_move():
            return events
        now = self._clock()
        running = self.state is State.RUNNING
        if running:
            self._freeze(now)
        old_span = self.timeline.steps[self.step]
        new_span = timeline.steps[self.step]
        old_ready = self._is_ready_segment(self.timeline, old_span.first_segment)
        new_ready = self._is_ready_segment(timeline, new_span.first_segment)
        offset = self._offset
        if self.index == old_span.first_segment and old_ready:
            index = new_span.first_segment  # getting ready, or already past a removed one
            offset = offset if new_ready else 0.0
        else:  # the work of a step is the same; count from its end
            index = new_span.last_segment - (old_span.last_segment - self.index)
        self.timeline = timeline
        self.index = index
        self._offset = min(offset, self.segment.seconds)
        # Cues up to the offset were said; at the very start of a segment only if they
        # had been (a session retimed before Start, or paused just after Next, still
        # says the words at 0 s when it runs).
        said_at_start = self._next_cue > 0
        self._next_cue = sum(
            1
            for cue in self.segment.cues
            if cue.at < self._offset or (cue.at == self._offset and said_at_start)
        )
        self._anchor = now
        if running:
            self._run_anchor = self._last_seen = now
        return [*events, SegmentStarted(self.segment, by_command=True)]

    @staticmethod
    def _is_ready_segment(timeline: Timeline, index: int) -> bool:
        return timeline.segments[index].kind.value in ("prep", "transition")

    def update(self) -> list[Event]:
        """Bring the session up to the clock; call it when ``next_due`` comes."""
        if self.state is not State.RUNNING:
            return []
        now = self._clock()
        if now - self._last_seen > self._gap:
            # We were not running for a while: resume from where we were seen last.
            self._freeze(self._last_seen)
            self.state = State.PAUSED
            return [Paused(interrupted=True)]
        return self._advance(now)

    # --- internals ----------------------------------------------------------------

    def _now(self, now: float | None) -> float:
        return self._clock() if now is None else now

    def _can_move(self) -> bool:
        return self.state in (State.READY, State.RUNNING, State.PAUSED)

    def _run(self, now: float) -> None:
        self.state = State.RUNNING
        self._anchor = self._run_anchor = self._last_seen = now

    def _freeze(self, now: float) -> None:
        """Stop the clocks at ``now``, keeping the offset into the segment."""
        self._offset = min(self.segment.seconds, self._offset + max(0.0, now - self._anchor))
        self._active += max(0.0, now - self._run_anchor)
        self._anchor = self._run_anchor = now

    def _advance(self, now: float) -> list[Event]:
        events: list[Event] = []
        now = max(now, self._last_seen)
        self._last_seen = now
        while True:
            segment = self.segment
            elapsed = self._offset + (now - self._anchor)
            cues = segment.cues
            while self._next_cue < len(cues) and cues[self._next_cue].at <= elapsed:
                cue = cues[self._next_cue]
                events.append(CueDue(segment, cue, late=elapsed - cue.at))
                self._next_cue += 1
            if elapsed < segment.seconds:
                return events
            deadline = self._anchor + segment.seconds - self._offset
            step_done = self.index == self.timeline.steps[segment.step].last_segment
            if step_done and self.outcomes[segment.step] is Outcome.PENDING:
                self.outcomes[segment.step] = Outcome.DONE
            if self.index + 1 >= len(self.timeline.segments):
                return events + self._finish(deadline)
            self._enter(self.index + 1, deadline)
            events.append(SegmentStarted(self.segment))

    def _enter(self, index: int, at: float) -> None:
        self.index = index
        self._offset = 0.0
        self._anchor = at
        self._next_cue = 0

    def _jump(self, index: int) -> list[Event]:
        now = self._clock()
        if self.state is State.RUNNING:
            self._freeze(now)
        self._enter(index, now)
        self.outcomes[self.step] = Outcome.PENDING
        events: list[Event] = [SegmentStarted(self.segment, by_command=True)]
        if self.state is State.RUNNING:
            events += self._advance(now)
        return events

    def _finish(self, at: float) -> list[Event]:
        if self.state is State.RUNNING:
            self._freeze(at)
        self.state = State.FINISHED
        return [Finished(self.timeline.finish_cues)]
