"""Numbers as a person reads them at a glance: "2 min hold", "1 step", "4 steps"."""

from __future__ import annotations

from backstretch_gui.core import resources
from backstretch_gui.core.describe import describe_step
from backstretch_gui.core.library import Origin, load_library
from backstretch_gui.core.plan import plan_routine
from backstretch_gui.core.words import counted, short_duration


def test_short_durations_and_counts() -> None:
    assert short_duration(20) == "20 s"
    assert short_duration(120) == "2 min"
    assert short_duration(90) == "1 min 30 s"
    assert counted(1, "step") == "1 step"
    assert counted(4, "step") == "4 steps"


def test_the_long_rest_of_a_bundled_routine_reads_in_minutes() -> None:
    library = load_library(resources.catalog_path(), [(resources.routines_dir(), Origin.BUNDLED)])
    exercises = {exercise.id: exercise for exercise in library.catalog.exercises}
    entry = library.find("decompression-break")
    assert entry is not None
    doses = [describe_step(s) for s in plan_routine(entry.routine, exercises).steps]
    assert doses[0] == "2 min hold" and doses[-1] == "1 min hold"
