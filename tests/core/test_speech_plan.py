"""The voice is scheduled: no phrase overlaps another or the last seconds' beeps, for
every bundled routine at the slowest and the fastest speaking rate."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backstretch_gui.core.enums import Breath
from backstretch_gui.core.library import Origin, load_library
from backstretch_gui.core.plan import plan_routine
from backstretch_gui.core.resources import catalog_path, routines_dir
from backstretch_gui.core.speech_plan import GAP_SECONDS, SpeechPace, phase_words
from backstretch_gui.core.timeline import CueKind, SegmentKind, Timeline, compile_plan

LIBRARY = load_library(catalog_path(), [(routines_dir(), Origin.BUNDLED)])
EXERCISES = {e.id: e for e in LIBRARY.catalog.exercises}
ROUTINES = {entry.routine.id: entry.routine for entry in LIBRARY.routines}


def sounds(timeline: Timeline) -> list[tuple[float, float, str]]:
    """(start, end, what) of every sound: a phrase lasts its duration and a gap."""
    out = []
    for segment in timeline.segments:
        for cue in segment.cues:
            at = segment.start + cue.at
            if cue.kind is CueKind.SPEECH:
                out.append((at, at + cue.duration + GAP_SECONDS, cue.text))
            else:
                out.append((at, at + 0.3, cue.kind.value))  # a beep or a chime's onset
    return sorted(out)


@pytest.mark.parametrize("rate", [-1.0, 0.0, 1.0])
@pytest.mark.parametrize("routine_id", sorted(ROUTINES))
def test_no_phrase_overlaps_another_or_the_beeps(routine_id: str, rate: float) -> None:
    plan = plan_routine(ROUTINES[routine_id], EXERCISES)
    for safety_first in (False, True):
        pace = SpeechPace.for_rate(rate)
        timeline = compile_plan(plan, pace=pace, safety_first=safety_first)
        heard = sounds(timeline)
        for (_, end, what), (next_start, _, next_what) in itertools.pairwise(heard):
            if what in ("beep", "chime"):
                continue  # a chime's words follow it; beeps are short and apart
            assert end <= next_start + 1e-6, (routine_id, rate, what, next_what)
        speech = [c for s in timeline.segments for c in s.cues if c.kind is CueKind.SPEECH]
        assert all(c.duration == pace.seconds(c.text) for c in speech)


def test_the_get_ready_says_the_set_up_and_the_hold_its_own_cue() -> None:
    plan = plan_routine(ROUTINES["lower-back-floor"], EXERCISES)
    timeline = compile_plan(plan)
    first, hold = timeline.segments[0], timeline.segments[1]
    said = [c.text for c in first.cues if c.kind is CueKind.SPEECH]
    assert said == [f"Get ready: Single knee-to-chest. Left side first. {first.cue[11:]}"]
    assert hold.kind is SegmentKind.HOLD
    [spoken] = [c.text for c in hold.cues if c.kind is CueKind.SPEECH and c.at == 0]
    assert spoken == f"{hold.cue}. Hold for twenty seconds."


def test_a_get_ready_grows_to_fit_what_it_says_and_slower_speech_takes_longer() -> None:
    plan = plan_routine(ROUTINES["three-easy-back-stretches"], EXERCISES)
    normal = compile_plan(plan)
    slow = compile_plan(plan, pace=SpeechPace.for_rate(-1.0))
    assert normal.segments[0].seconds >= plan.prep
    assert slow.segments[0].seconds > normal.segments[0].seconds
    assert slow.total_seconds > normal.total_seconds


def test_a_phase_too_short_for_its_sentence_says_a_short_form_or_beeps() -> None:
    plan = plan_routine(ROUTINES["desk-break"], EXERCISES)
    slow = compile_plan(plan, pace=SpeechPace.for_rate(-1.0))
    rolls = [
        s for s in slow.segments if s.exercise_id == "shoulder-rolls" and s.kind.value == "phase"
    ]
    said = {c.text for s in rolls for c in s.cues if c.kind is CueKind.SPEECH}
    assert said <= {"In", "Out", "Breathe in, lift your shoulders up"} | {s.cue for s in rolls}
    assert "In" in said


@settings(max_examples=200, deadline=None)
@given(
    room=st.floats(0.0, 10.0),
    rate=st.floats(-1.0, 1.0),
    breath=st.sampled_from(list(Breath)),
    words=st.text(alphabet="abc ,.", max_size=80),
)
def test_phase_words_always_fit_their_room(
    room: float, rate: float, breath: Breath, words: str
) -> None:
    pace = SpeechPace.for_rate(rate)
    said = phase_words(pace, room, words, breath, moving=True)
    assert said is None or pace.seconds(said) + GAP_SECONDS <= room
