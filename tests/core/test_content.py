"""The catalog as a person on the floor needs it: cautions that speak of pain, and a
first instruction that says how to start."""

from __future__ import annotations

import re

from backstretch_gui.core.library import load_catalog
from backstretch_gui.core.resources import catalog_path

CATALOG = load_catalog(catalog_path())
STARTING_POSITION = re.compile(r"^(Lie|Sit|Stand|Kneel|Come onto)\b")


def test_every_exercise_has_cautions_and_one_speaks_of_pain() -> None:
    for exercise in CATALOG.exercises:
        assert len(exercise.cautions) >= 2, exercise.id
        assert any(re.search(r"\b(pain|hurts?)\b", c) for c in exercise.cautions), exercise.id


def test_every_first_instruction_names_a_starting_position() -> None:
    for exercise in CATALOG.exercises:
        assert STARTING_POSITION.match(exercise.instructions[0]), exercise.id


def test_the_cautions_the_articles_call_for_are_there() -> None:
    cautions = {e.id: " ".join(e.cautions) for e in CATALOG.exercises}
    for exercise in ("bridge", "cat-cow", "standing-hamstring-stretch"):
        assert "pins and needles" in cautions[exercise] and "numbness" in cautions[exercise]
    assert "disc herniation" in cautions["supine-hamstring-stretch"]
    assert "shoulder" in cautions["seated-back-extension"]
    assert "bounce" in cautions["knee-to-opposite-shoulder"]


def test_sides_are_named_by_what_the_body_does_where_left_would_mislead() -> None:
    from backstretch_gui.core.enums import Sides
    from backstretch_gui.core.library import Origin, load_library
    from backstretch_gui.core.plan import plan_routine
    from backstretch_gui.core.resources import routines_dir
    from backstretch_gui.core.timeline import compile_plan

    library = load_library(catalog_path(), [(routines_dir(), Origin.BUNDLED)])
    exercises = {e.id: e for e in library.catalog.exercises}
    entry = library.find("three-easy-back-stretches")
    assert entry is not None
    timeline = compile_plan(plan_routine(entry.routine, exercises))
    rotation = [s for s in timeline.segments if s.exercise_id == "side-lying-rotation"]
    said = " ".join(c.text for s in rotation for c in s.cues)
    assert "Lie on your right side, left arm opens" in said  # the left arm is the one named
    assert "Switch sides. Lie on your left side, right arm opens." in said
    assert "Left side" not in said
    shown = {s.side: s.side_words for s in rotation if s.side is not Sides.NONE}
    assert shown[Sides.LEFT].startswith("Lie on your right side")
    others = [s for s in timeline.segments if s.exercise_id == "figure-four-stretch"]
    assert {s.side_words for s in others if s.side is Sides.LEFT} == {"Left side"}


PROPS = {
    "supine-hamstring-stretch": "towel",
    "side-lying-rotation": "pillow",
    "kneeling-hip-flexor-stretch": "cushion",
    "standing-hamstring-stretch": "stair",
    "seated-back-extension": "chair",
    "seated-trunk-rotation": "chair",
    "seated-forward-bend": "chair",
    "shoulder-rolls": "chair",
    "neck-side-stretch": "chair",
    "upper-trapezius-stretch": "seat",
    "chin-tuck": "chair",
    "shoulder-blades-back": "chair",
    "doorway-chest-stretch": "doorway",
    "chest-opener-over-pillow": "pillow",
}


def test_every_get_ready_line_names_the_props_to_fetch() -> None:
    from backstretch_gui.core.library import Origin, load_library
    from backstretch_gui.core.plan import plan_routine
    from backstretch_gui.core.resources import routines_dir
    from backstretch_gui.core.timeline import SegmentKind, compile_plan

    library = load_library(catalog_path(), [(routines_dir(), Origin.BUNDLED)])
    exercises = {e.id: e for e in library.catalog.exercises}
    for entry in library.routines:
        timeline = compile_plan(plan_routine(entry.routine, exercises))
        for segment in timeline.segments:
            if segment.kind in (SegmentKind.PREP, SegmentKind.TRANSITION):
                prop = PROPS.get(segment.exercise_id)
                assert prop is None or prop in segment.cue, (entry.routine.id, segment.cue)
        if entry.routine.id == "lumbar-stabilisation-starter":
            ready = next(s.cue for s in timeline.segments if s.exercise_id == "bridge")
            assert "ball" in ready  # the ball bridge: fetch the ball before lying down


# Holds whose finished pose is not where they start: getting ready shows the start.
HOLDS_WITH_A_START = {
    "figure-four-stretch": "cross",
    "knee-to-chest": "start",
    "double-knee-to-chest": "start",
    "supine-hamstring-stretch": "start",
    "knee-to-opposite-shoulder": "start",
    "happy-baby": "start",
    "childs-pose": "start",
    "standing-forward-bend": "start",
    "seated-trunk-rotation": "start",
    "seated-forward-bend": "start",
    "neck-side-stretch": "start",
}


def test_getting_ready_shows_the_starting_position_not_the_finished_pose() -> None:
    from backstretch_gui.core.library import Origin, load_library
    from backstretch_gui.core.plan import plan_routine
    from backstretch_gui.core.resources import routines_dir
    from backstretch_gui.core.timeline import SegmentKind, compile_plan

    exercises = {e.id: e for e in CATALOG.exercises}
    for exercise_id, keyframe in HOLDS_WITH_A_START.items():
        assert exercises[exercise_id].keyframes[0].id == keyframe, exercise_id
    library = load_library(catalog_path(), [(routines_dir(), Origin.BUNDLED)])
    seen = set()
    for entry in library.routines:
        timeline = compile_plan(plan_routine(entry.routine, exercises))
        for segment in timeline.segments:
            exercise = exercises[segment.exercise_id]
            getting_ready = segment.kind in (
                SegmentKind.PREP,
                SegmentKind.TRANSITION,
                SegmentKind.SWITCH,
            )
            if getting_ready and segment.exercise_id in HOLDS_WITH_A_START:
                assert segment.keyframe == exercise.keyframes[0].file, segment
                seen.add(segment.exercise_id)
            if segment.kind is SegmentKind.HOLD:
                assert segment.keyframe == exercise.keyframes[-1].file, segment
    assert seen == set(HOLDS_WITH_A_START)


NECK_AND_UPPER_BACK = {
    "neck-side-stretch",
    "upper-trapezius-stretch",
    "chin-tuck",
    "shoulder-rolls",
    "shoulder-blades-back",
    "prone-press-up",
    "doorway-chest-stretch",
    "chest-opener-over-pillow",
}


def test_the_neck_and_upper_back_have_exercises_and_two_routines() -> None:
    from backstretch_gui.core.library import Origin, load_library
    from backstretch_gui.core.resources import routines_dir

    exercises = {e.id: e for e in CATALOG.exercises}
    assert set(exercises) >= NECK_AND_UPPER_BACK
    rolls = [p.cue for p in exercises["shoulder-rolls"].default_dose.tempo or []]
    assert any("forward" in cue for cue in rolls) and any("back" in cue for cue in rolls)
    assert exercises["upper-trapezius-stretch"].default_dose.hold in range(20, 31)
    library = load_library(catalog_path(), [(routines_dir(), Origin.BUNDLED)])
    routines = {entry.routine.id: entry.routine for entry in library.routines}
    desk = [step.exercise for step in routines["neck-and-upper-back"].steps]
    assert {e for e in desk if e != "doorway-chest-stretch"} <= NECK_AND_UPPER_BACK
    assert all(exercises[e].position.value == "chair" for e in desk[:-1])
    down = [step.exercise for step in routines["from-the-neck-down"].steps]
    assert down[0] == "neck-side-stretch" and down[-1] == "supine-hamstring-stretch"
