"""The compiler: sides, reps, rests, switch-sides and cues, all known before starting."""

from __future__ import annotations

from pathlib import Path

import pytest

from backstretch_gui.core.enums import Sides
from backstretch_gui.core.library import load_routine
from backstretch_gui.core.plan import plan_routine
from backstretch_gui.core.timeline import CueKind, SegmentKind, compile_plan
from backstretch_gui.core.words import SPOKEN_SAFETY_NOTICE

from helpers import DATA, compile_file, short_timeline, small_catalog


def routine_file(tmp_path: Path, step: str) -> Path:
    text = (DATA / "short.yaml").read_text()
    path = tmp_path / "r.yaml"
    head = text[: text.index("steps:")]
    path.write_text(head + "steps:\n" + step)
    return path


def test_both_sides_do_every_rep_left_then_right_with_a_switch() -> None:
    timeline = short_timeline()
    step0 = [s for s in timeline.segments if s.step == 0]
    assert [(s.kind.value, s.side.value, s.rep) for s in step0] == [
        ("prep", "left", 0),
        ("hold", "left", 1),
        ("rest", "left", 1),
        ("hold", "left", 2),
        ("switch", "right", 0),
        ("hold", "right", 1),
        ("rest", "right", 1),
        ("hold", "right", 2),
    ]
    switch = step0[4]
    assert (CueKind.CHIME, "switch") in [(c.kind, c.text) for c in switch.cues]
    assert "Switch sides" in " ".join(c.text for c in switch.cues)


def test_the_drawing_is_mirrored_for_the_side_it_does_not_show() -> None:
    holds = [s for s in short_timeline().segments if s.kind is SegmentKind.HOLD and s.step == 0]
    assert [(s.side, s.mirrored) for s in holds] == [
        (Sides.LEFT, False),
        (Sides.LEFT, False),
        (Sides.RIGHT, True),
        (Sides.RIGHT, True),
    ]


def test_segments_are_contiguous_and_the_total_is_their_sum() -> None:
    timeline = short_timeline()
    clock = 0.0
    for index, segment in enumerate(timeline.segments):
        assert segment.index == index
        assert segment.start == clock
        clock += segment.seconds
    assert timeline.total_seconds == clock == 150.0
    spans = timeline.steps
    assert [(s.first_segment, s.last_segment) for s in spans] == [(0, 7), (8, 15), (16, 17)]


def test_hold_cues_say_the_cue_and_time_once_then_halfway_and_beeps() -> None:
    first_hold = short_timeline().segments[1]
    assert [(c.at, c.kind.value, c.text) for c in first_hold.cues] == [
        (0, "speech", "Draw your knee in. Hold for twenty seconds."),
        (10.0, "speech", "Halfway"),
        (17.0, "beep", ""),
        (18.0, "beep", ""),
        (19.0, "beep", ""),
    ]
    last_hold = short_timeline().segments[3]
    assert last_hold.cues[0].text == "Last one. Draw your knee in."  # numbers said once


def test_tempo_phases_speak_their_cue_and_move_between_keyframes() -> None:
    phases = [s for s in short_timeline().segments if s.kind is SegmentKind.PHASE]
    assert [p.cues[0].text for p in phases[:3]] == [
        "Breathe out and roll up",
        "Hold at the top",
        "Breathe in and lower",
    ]
    assert phases[3].cues[0].text == "Last one. Breathe out and roll up"
    assert [(p.from_keyframe, p.keyframe) for p in phases[:3]] == [
        ("roll-up-down.svg", "roll-up-up.svg"),
        (None, "roll-up-up.svg"),
        ("roll-up-up.svg", "roll-up-down.svg"),
    ]
    assert [p.breath.value for p in phases[:3]] == ["out", "hold", "in"]


def test_transitions_chime_and_announce_the_next_exercise() -> None:
    transition = short_timeline().segments[8]
    assert transition.kind is SegmentKind.TRANSITION
    assert transition.cues[0].kind is CueKind.CHIME
    assert transition.cues[1].text == "Get ready: Roll up. Lie on your back with knees bent."


def test_alternating_does_each_rep_left_then_right(tmp_path: Path) -> None:
    path = routine_file(tmp_path, "  - {exercise: knee-hug, sides: alternating, reps: 2}\n")
    timeline = compile_file(path)
    work = [(s.side.value, s.rep) for s in timeline.segments if s.kind is SegmentKind.HOLD]
    assert work == [("left", 1), ("right", 1), ("left", 2), ("right", 2)]
    assert not [s for s in timeline.segments if s.kind is SegmentKind.SWITCH]


def test_step_values_override_the_exercise_defaults(tmp_path: Path) -> None:
    step = "  - {exercise: knee-hug, sides: right, reps: 1, hold: 30, prep: 0}\n"
    timeline = compile_file(routine_file(tmp_path, step))
    assert [(s.kind.value, s.side.value, s.seconds) for s in timeline.segments] == [
        ("hold", "right", 30.0)
    ]
    assert timeline.segments[0].cues[0].text == "Draw your knee in. Hold for thirty seconds."


@pytest.mark.parametrize("rest", [0, 7.5])
def test_rest_between_reps_of_zero_leaves_no_rest(tmp_path: Path, rest: float) -> None:
    step = f"  - {{exercise: reach, reps: 3, rest_between_reps: {rest}}}\n"
    timeline = compile_file(routine_file(tmp_path, step))
    rests = [s.seconds for s in timeline.segments if s.kind is SegmentKind.REST]
    assert rests == ([] if rest == 0 else [7.5, 7.5])


def test_the_safety_notice_leads_the_first_get_ready_which_grows_to_fit_it() -> None:
    catalog = small_catalog()
    routine = load_routine(DATA / "short.yaml", catalog)
    plan = plan_routine(routine, {e.id: e for e in catalog.exercises})
    plain = compile_plan(plan)
    said = compile_plan(plan, safety_first=True)
    assert said.says_safety_notice and not plain.says_safety_notice
    first = said.segments[0]
    [speech] = [c for c in first.cues if c.kind is CueKind.SPEECH]
    [usual] = [c for c in plain.segments[0].cues if c.kind is CueKind.SPEECH]
    assert speech.text == f"{SPOKEN_SAFETY_NOTICE} {usual.text}"
    assert first.seconds > plain.segments[0].seconds  # time to say it all
    assert first.seconds >= speech.duration + 3  # and still before the beeps
    grown = first.seconds - plain.segments[0].seconds
    assert said.total_seconds == plain.total_seconds + grown
    assert [s.cues for s in said.segments[1:]] == [s.cues for s in plain.segments[1:]]
