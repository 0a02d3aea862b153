"""The session controller, driven by a fake clock: no sleeps, exact numbers."""

from __future__ import annotations

import pytest

from backstretch_gui.core.preferences import TimingOverrides
from backstretch_gui.core.session import (
    CueDue,
    Finished,
    Outcome,
    Paused,
    Resumed,
    SegmentStarted,
    Session,
    State,
)
from backstretch_gui.core.timeline import SegmentKind

from helpers import FakeClock, short_timeline


@pytest.fixture
def session(clock: FakeClock) -> Session:
    return Session(short_timeline(), clock)


def kinds(events: list[object]) -> list[str]:
    return [type(e).__name__ for e in events]


def run_for(session: Session, clock: FakeClock, seconds: float, tick: float = 0.5) -> list[object]:
    """Let ``seconds`` pass, polled every ``tick`` as the Qt layer would."""
    events: list[object] = []
    while seconds > 1e-12:
        step = min(tick, seconds)
        clock.advance(step)
        seconds -= step
        events += session.update()
    return events


def test_starts_ready_and_begins_with_the_prep_and_its_cues(session: Session) -> None:
    assert session.state is State.READY
    events = session.start()
    assert session.state is State.RUNNING
    assert isinstance(events[0], SegmentStarted)
    assert events[0].segment.kind is SegmentKind.PREP
    spoken = [e.cue.text for e in events if isinstance(e, CueDue)]
    assert spoken == ["Get ready: Knee hug. Left side first. Lie on your back."]


def test_remaining_is_deadline_minus_now(session: Session, clock: FakeClock) -> None:
    session.start()
    clock.advance(1.25)
    assert session.remaining() == pytest.approx(3.75)
    clock.advance(0.5)
    assert session.remaining() == pytest.approx(3.25)


def test_late_update_carries_overshoot_into_the_next_segment(
    session: Session, clock: FakeClock
) -> None:
    session.start()
    events = run_for(session, clock, 5.3, tick=4.0)  # the prep was 5 s; polled 0.3 s late
    started = [e for e in events if isinstance(e, SegmentStarted)]
    assert [e.segment.kind for e in started] == [SegmentKind.HOLD]
    assert session.remaining() == pytest.approx(19.7)
    beeps = [e for e in events if isinstance(e, CueDue) and e.cue.kind.value == "beep"]
    assert len(beeps) == 3


def test_runs_to_the_end_exactly_at_the_planned_total(session: Session, clock: FakeClock) -> None:
    session.start()
    events: list[object] = []
    for _ in range(int(session.timeline.total_seconds / 0.7) + 2):
        clock.advance(0.7)
        events += session.update()
    assert kinds(events).count("Finished") == 1
    assert session.state is State.FINISHED
    assert session.active_elapsed() == pytest.approx(session.timeline.total_seconds, abs=1e-9)
    assert session.outcomes == [Outcome.DONE] * 3


def test_every_cue_fires_once_in_order_over_a_whole_run(session: Session, clock: FakeClock) -> None:
    fired = [e for e in session.start() if isinstance(e, CueDue)]
    while session.state is State.RUNNING:
        clock.advance(0.25)
        fired += [e for e in session.update() if isinstance(e, CueDue)]
    planned = [(s.index, c) for s in session.timeline.segments for c in s.cues]
    assert [(e.segment.index, e.cue) for e in fired] == planned
    assert all(0 <= e.late < 0.25 + 1e-9 for e in fired)


def test_pause_freezes_time_exactly(session: Session, clock: FakeClock) -> None:
    session.start()
    clock.advance(1.5)
    assert kinds(session.pause()) == ["Paused"]  # no cue falls in the first 2 s
    clock.advance(600)
    assert session.remaining() == pytest.approx(3.5)
    assert session.update() == []
    assert session.next_due() is None
    assert isinstance(session.resume()[0], Resumed)
    clock.advance(1.0)
    assert session.remaining() == pytest.approx(2.5)
    assert session.active_elapsed() == pytest.approx(2.5)


def test_toggle_walks_ready_running_paused(session: Session) -> None:
    session.toggle()
    assert session.state is State.RUNNING
    session.toggle()
    assert session.state is State.PAUSED
    session.toggle()
    assert session.state is State.RUNNING


def test_a_long_silence_pauses_where_we_were_last_seen(session: Session, clock: FakeClock) -> None:
    session.start()
    clock.advance(1.0)
    session.update()
    clock.advance(120.0)  # the process was stopped, or starved
    events = session.update()
    assert events == [Paused(interrupted=True)]
    assert session.state is State.PAUSED
    assert session.remaining() == pytest.approx(4.0)
    assert session.active_elapsed() == pytest.approx(1.0)


def test_next_skips_to_the_next_step_and_marks_the_skip(session: Session, clock: FakeClock) -> None:
    session.start()
    run_for(session, clock, 7)
    events = session.next()
    started = [e for e in events if isinstance(e, SegmentStarted)]
    assert started[-1].by_command
    assert session.segment.kind is SegmentKind.TRANSITION
    assert session.step == 1
    assert session.outcomes[0] is Outcome.SKIPPED
    assert session.remaining() == pytest.approx(10.0)
    chimes = [e.cue.text for e in events if isinstance(e, CueDue) and e.cue.kind.value == "chime"]
    assert chimes == ["next"]


def test_next_on_the_last_step_finishes(session: Session) -> None:
    session.start()
    session.next()
    session.next()
    events = session.next()
    assert isinstance(events[-1], Finished)
    assert session.state is State.FINISHED
    assert session.outcomes == [Outcome.SKIPPED] * 3
    assert session.next() == []


def test_previous_restarts_the_step_or_goes_back_early_in_it(
    session: Session, clock: FakeClock
) -> None:
    session.start()
    session.next()  # step 1, at its start
    run_for(session, clock, 10.5)  # into the first phase
    session.previous()
    assert (session.step, session.segment_elapsed()) == (1, 0.0)
    clock.advance(1.0)  # within the grace period: go to the step before
    session.previous()
    assert session.step == 0
    assert session.segment.kind is SegmentKind.PREP
    clock.advance(1.0)
    session.previous()  # the first step has nothing before it: restart it
    assert (session.step, session.index, session.segment_elapsed()) == (0, 0, 0.0)


def test_commands_work_while_paused_and_time_stays_frozen(
    session: Session, clock: FakeClock
) -> None:
    session.start()
    session.pause()
    events = session.next()
    assert session.state is State.PAUSED
    assert not [e for e in events if isinstance(e, CueDue)]
    clock.advance(30)
    assert session.remaining() == pytest.approx(10.0)
    resumed = session.resume()
    assert any(isinstance(e, CueDue) for e in resumed)  # the new segment's opening cues


def test_restart_step(session: Session, clock: FakeClock) -> None:
    session.start()
    run_for(session, clock, 12)
    session.restart_step()
    assert (session.index, session.segment_elapsed()) == (0, 0.0)


def test_stop_is_final(session: Session, clock: FakeClock) -> None:
    session.start()
    clock.advance(3)
    assert kinds(session.stop())[-1] == "Stopped"  # after the beeps due by now
    assert session.state is State.STOPPED
    assert session.stop() == []
    assert session.start() == []
    assert session.next() == []
    clock.advance(3)
    assert session.active_elapsed() == pytest.approx(3.0)


def test_next_due_names_the_next_cue_or_deadline(session: Session, clock: FakeClock) -> None:
    assert session.next_due() is None
    session.start()  # prep: beeps at 2, 3, 4 s; heartbeat every second
    assert session.next_due() == pytest.approx(clock.now + 1.0)
    clock.advance(1.0)
    session.update()
    assert session.next_due() == pytest.approx(clock.now + 1.0)  # the beep at 2 s
    clock.advance(0.6)
    session.update()
    assert session.next_due() == pytest.approx(clock.now + 0.4)


def test_a_session_retimed_before_start_still_says_its_first_announcement(
    session: Session,
) -> None:
    """The app retimes a ready session once the voice's pace is known; the get-ready's
    words at 0 s must still be said when it starts."""
    session.retime(short_timeline(TimingOverrides(prep=8)))
    events = session.start()
    said = [e.cue.text for e in events if isinstance(e, CueDue)]
    assert said and said[0].startswith("Get ready"), events


def test_a_step_skipped_to_while_paused_and_retimed_says_its_words_on_resume(
    session: Session, clock: FakeClock
) -> None:
    session.start()
    run_for(session, clock, 2)
    session.pause()
    skipped = session.next()
    assert not [e for e in skipped if isinstance(e, CueDue)]  # said when it runs
    session.retime(short_timeline(TimingOverrides(transition=12)))
    said = [e.cue.text for e in session.resume() if isinstance(e, CueDue)]
    assert said == ["next"]  # the chime at 0 s, the get-ready words a second later


def test_retime_keeps_the_place_with_new_get_ready_times(
    session: Session, clock: FakeClock
) -> None:
    session.start()
    run_for(session, clock, 2)  # 2 s into the 5 s prep
    session.retime(short_timeline(TimingOverrides(prep=8, transition=0)))
    assert (session.index, session.segment.seconds) == (0, 8.0)
    assert session.remaining() == pytest.approx(6.0)
    run_for(session, clock, 6 + 12)  # into the first hold
    assert session.segment.kind is SegmentKind.HOLD
    assert session.remaining() == pytest.approx(8.0)
    session.retime(short_timeline())  # back to the routine's own times
    assert session.segment.kind is SegmentKind.HOLD and session.step == 0
    assert session.remaining() == pytest.approx(8.0)
    active = session.active_elapsed()
    run_for(session, clock, 200)
    assert session.state is State.FINISHED
    assert session.active_elapsed() > active


def test_a_step_in_progress_at_stop_is_cut_short_with_the_time_done(
    session: Session, clock: FakeClock
) -> None:
    session.start()
    for _ in range(34):  # the 5 s get-ready, then 12 s into the first hold
        clock.advance(0.5)
        session.update()
    session.stop()
    report = session.report()
    assert report.steps[0][1] is Outcome.CUT_SHORT
    assert report.steps[1][1] is Outcome.PENDING  # not reached stays as it is
    span = session.timeline.steps[0]
    assert report.cut_short == (pytest.approx(12.0), span.seconds - 5.0)


def test_a_stop_while_getting_ready_cuts_nothing_short(session: Session, clock: FakeClock) -> None:
    session.start()
    for _ in range(6):
        clock.advance(0.5)
        session.update()
    session.stop()
    report = session.report()
    assert report.cut_short is None
    assert [outcome for _, outcome in report.steps] == [Outcome.PENDING] * 3
