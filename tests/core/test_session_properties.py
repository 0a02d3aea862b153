"""Properties of the session controller under any mix of commands and clock moves."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from backstretch_gui.core.session import (
    INTERRUPTION_GAP,
    CueDue,
    Finished,
    Paused,
    SegmentStarted,
    Session,
    State,
)

from helpers import FakeClock, short_timeline

TIMELINE = short_timeline()
COMMANDS = ["start", "pause", "resume", "toggle", "next", "previous", "restart_step", "stop"]

actions = st.lists(
    st.one_of(
        st.sampled_from(COMMANDS),
        st.floats(min_value=0.0, max_value=3.0),
        # Not within a hair of the gap itself: the fake clock's sums round, so the
        # session may see 5.000000000001 where the referee added 5.0.
        st.floats(min_value=0.0, max_value=INTERRUPTION_GAP * 2).filter(
            lambda seconds: abs(seconds - INTERRUPTION_GAP) > 1e-6
        ),
    ),
    max_size=80,
)


class Referee:
    """Keeps its own account of running time and checks every event against it."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.active = 0.0
        self.last_active = 0.0
        self.visit = 0
        self.visit_start = 0.0
        self.visit_seconds = 0.0
        self.fired: set[tuple[int, int]] = set()
        self.finished = 0

    def see(self, events: list[object]) -> None:
        for event in events:
            if isinstance(event, SegmentStarted):
                if event.by_command:
                    self.visit_start = self.active
                else:
                    self.visit_start += self.visit_seconds
                self.visit += 1
                self.visit_seconds = event.segment.seconds
            elif isinstance(event, CueDue):
                key = (self.visit, event.segment.cues.index(event.cue))
                assert key not in self.fired, "a cue fired twice in one visit"
                self.fired.add(key)
                assert self.active - self.visit_start >= event.cue.at - 1e-9, "a cue came early"
                assert event.late >= -1e-9
            elif isinstance(event, Finished):
                self.finished += 1
                assert self.finished == 1, "finished twice"

    def check(self) -> None:
        session = self.session
        remaining = session.remaining()
        assert -1e-9 <= remaining <= session.segment.seconds + 1e-9
        elapsed = session.active_elapsed()
        assert elapsed >= self.last_active - 1e-9, "running time went backwards"
        self.last_active = elapsed
        if session.state is not State.FINISHED:
            assert abs(elapsed - self.active) < 1e-6, "paused time was counted"


@settings(max_examples=300, deadline=None)
@given(actions=actions)
def test_any_sequence_keeps_time_honest(actions: list[str | float]) -> None:
    clock = FakeClock()
    session = Session(TIMELINE, clock)
    referee = Referee(session)
    for action in actions:
        if isinstance(action, str):
            referee.see(getattr(session, action)())
        else:
            was_running = session.state is State.RUNNING
            clock.advance(action)
            if was_running and action <= INTERRUPTION_GAP:
                referee.active += action
            events = session.update()
            if was_running and action > INTERRUPTION_GAP:
                assert events == [Paused(interrupted=True)]
            referee.see(events)
        referee.check()


@settings(max_examples=100, deadline=None)
@given(ticks=st.lists(st.floats(min_value=0.001, max_value=1.0), min_size=1, max_size=40))
def test_an_uninterrupted_run_ends_exactly_at_the_total(ticks: list[float]) -> None:
    clock = FakeClock()
    session = Session(TIMELINE, clock)
    session.start()
    index = 0
    while session.state is State.RUNNING:
        clock.advance(ticks[index % len(ticks)])
        index += 1
        session.update()
    assert session.active_elapsed() == TIMELINE.total_seconds
