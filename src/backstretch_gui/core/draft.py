"""A routine being edited, checked as `backstretch validate` checks a file.

The editor keeps its draft as the plain data a routine file loads to; these say what
is wrong with it (every problem, each with the field it is about) and how long it
would take.
"""

from __future__ import annotations

from typing import Any

import msgspec

from .library import routine_of
from .model import Catalog, Routine
from .problems import InvalidFileError, Problem
from .yamldoc import Document


def draft_problems(data: dict[str, Any], catalog: Catalog, name: str = "draft") -> list[Problem]:
    """Every problem of the draft, each with its field path (``steps[2].reps``)."""
    try:
        routine_of(Document(name, data), catalog)
    except InvalidFileError as error:
        return error.problems
    return []


def draft_routine(data: dict[str, Any], catalog: Catalog) -> Routine:
    """The draft as a typed routine; it must have no problems."""
    return msgspec.convert(data, Routine)


def draft_seconds(data: dict[str, Any], catalog: Catalog) -> float | None:
    """The whole routine's time as a session would run it (with the routine's own
    get-ready and change-of-position times), or None while the draft has problems."""
    if draft_problems(data, catalog):
        return None
    from .plan import plan_routine
    from .timeline import compile_plan

    exercises = {exercise.id: exercise for exercise in catalog.exercises}
    plan = plan_routine(draft_routine(data, catalog), exercises)
    return compile_plan(plan).total_seconds


def routine_data(routine: Routine) -> dict[str, Any]:
    """A typed routine as the plain data its file holds (defaults left out)."""
    data = msgspec.to_builtins(routine)
    assert isinstance(data, dict)
    return data
