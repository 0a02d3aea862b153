"""Routine plans: what the listing cache keeps so a session starts without reading YAML."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backstretch_gui.core import listing, resources
from backstretch_gui.core.library import load_catalog, load_routine, routine_files
from backstretch_gui.core.plan import plan_from_data, plan_routine, plan_to_data
from backstretch_gui.core.preferences import TimingOverrides
from backstretch_gui.core.timeline import compile_plan, compile_routine

BUNDLED = routine_files(resources.routines_dir())
OVERRIDES = [None, TimingOverrides(prep=12, transition=0), TimingOverrides(transition=3)]


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_a_plan_kept_as_json_compiles_to_the_same_timeline(path: Path) -> None:
    catalog = load_catalog(resources.catalog_path())
    exercises = {exercise.id: exercise for exercise in catalog.exercises}
    routine = load_routine(path, catalog)
    plan = plan_routine(routine, exercises)
    kept = plan_from_data(json.loads(json.dumps(plan_to_data(plan))))
    assert kept == plan
    for overrides in OVERRIDES:
        assert compile_plan(kept, overrides) == compile_routine(routine, exercises, overrides)


def test_each_exercise_is_kept_once_and_shared_by_its_steps() -> None:
    catalog = load_catalog(resources.catalog_path())
    exercises = {exercise.id: exercise for exercise in catalog.exercises}
    routine = load_routine(resources.routines_dir() / "lower-back-floor.yaml", catalog)
    data = plan_to_data(plan_routine(routine, exercises))
    ids = [e["id"] for e in data["exercises"]]
    assert len(ids) == len(set(ids)) == len({step.exercise for step in routine.steps})
    plan = plan_from_data(data)
    by_id = {}
    for step in plan.steps:
        assert by_id.setdefault(step.exercise.id, step.exercise) is step.exercise


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.pop("steps"),
        lambda d: d.update(steps=[]),
        lambda d: d["steps"][0].update(sides="sideways"),
        lambda d: d["steps"][0].update(exercise="nowhere"),
        lambda d: d["steps"][0].update(phases=[["cue", 1]]),
        lambda d: d["exercises"][0].update(keyframes=None),
    ],
)
def test_data_of_another_shape_is_refused(damage) -> None:  # type: ignore[no-untyped-def]
    catalog = load_catalog(resources.catalog_path())
    exercises = {exercise.id: exercise for exercise in catalog.exercises}
    routine = load_routine(resources.routines_dir() / "desk-break.yaml", catalog)
    data = plan_to_data(plan_routine(routine, exercises))
    damage(data)
    with pytest.raises((KeyError, TypeError, ValueError)):
        plan_from_data(data)


def test_a_damaged_plan_in_a_current_cache_is_rebuilt(isolated_user_dirs: Path) -> None:
    first = listing.routine_plan("desk-break")
    assert first is not None and first.title == "Desk break"
    cache = isolated_user_dirs / "cache" / listing.CACHE_FILE
    content = json.loads(cache.read_text())
    content["plans"]["desk-break"] = {"steps": "damaged"}
    cache.write_text(json.dumps(content))
    assert listing.routine_plan("desk-break") == first
    assert json.loads(cache.read_text())["plans"]["desk-break"] == plan_to_data(first)
    assert listing.routine_plan("no-such-routine") is None


def test_a_changed_routine_file_gets_a_new_plan(isolated_user_dirs: Path) -> None:
    folder = isolated_user_dirs / "routines"
    folder.mkdir(parents=True)
    text = (resources.routines_dir() / "desk-break.yaml").read_text()
    mine = folder / "mine.yaml"
    mine.write_text(text.replace("id: desk-break", "id: mine"))
    before = listing.routine_plan("mine")
    mine.write_text(text.replace("id: desk-break", "id: mine").replace("Desk break", "Renamed"))
    after = listing.routine_plan("mine")
    assert before is not None and after is not None
    assert (before.title, after.title) == ("Desk break", "Renamed")
