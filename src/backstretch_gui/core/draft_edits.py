"""Edits to a routine draft: the plain data a routine file loads to, changed one field
or one step list at a time. Every edit returns new data and leaves the old untouched,
so undo keeps the data before and after (see services.routine_draft)."""

from __future__ import annotations

import copy
import re
import unicodedata
from typing import TYPE_CHECKING, Any

from .problems import FieldPath

if TYPE_CHECKING:
    from .model import Exercise

Data = dict[str, Any]

MISSING = object()
"""What ``value_at`` gives for a field the draft leaves out."""


def value_at(data: Any, path: FieldPath) -> Any:
    for part in path:
        if isinstance(part, int):
            if not isinstance(data, list) or not 0 <= part < len(data):
                return MISSING
        elif not isinstance(data, dict) or part not in data:
            return MISSING
        data = data[part]
    return data


def with_value(data: Data, path: FieldPath, value: Any) -> Data:
    """``data`` with the field at ``path`` set to ``value`` (left out when it is
    MISSING; a mapping left empty by that goes too, as a file would not have it)."""
    changed = copy.deepcopy(data)
    parents: list[Any] = [changed]
    for part in path[:-1]:
        holder = parents[-1]
        if isinstance(part, str) and part not in holder:
            holder[part] = {}
        parents.append(holder[part])
    last = path[-1]
    if value is MISSING:
        if isinstance(last, str):
            parents[-1].pop(last, None)
        for depth in range(len(path) - 1, 0, -1):  # drop mappings left empty
            if parents[depth] == {} and isinstance(path[depth - 1], str):
                del parents[depth - 1][path[depth - 1]]
    else:
        parents[-1][last] = copy.deepcopy(value)
    return changed


def with_steps(data: Data, steps: list[Data]) -> Data:
    changed = copy.deepcopy(data)
    changed["steps"] = copy.deepcopy(steps)
    return changed


def steps_of(data: Data) -> list[Data]:
    steps = data.get("steps")
    if not isinstance(steps, list):
        return []
    return [step if isinstance(step, dict) else {} for step in steps]


def moved(steps: list[Data], row: int, to: int) -> list[Data]:
    """``steps`` with the one at ``row`` now at ``to`` (an index in the result)."""
    result = list(steps)
    result.insert(to, result.pop(row))
    return result


def id_from_title(title: str) -> str:
    """An id made of a title: "Morning, gentle!" -> "morning-gentle"."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", plain.lower())
    return "-".join(words)[:56].strip("-") or "my-routine"


def new_routine(taken: set[str]) -> Data:
    """A new routine's draft: what the form needs, nothing the defaults already say."""
    from .model import FORMAT_VERSION

    routine_id = "my-routine"
    number = 2
    while routine_id in taken:
        routine_id = f"my-routine-{number}"
        number += 1
    return {
        "version": FORMAT_VERSION,
        "id": routine_id,
        "title": "",
        "steps": [],
    }


def effective(data: Data, step: Data, exercise: Exercise | None, field: str) -> Any:
    """What a step's dose field comes to: the step's own value, else its exercise's
    default, else the routine's default (as the plan resolves it)."""
    if field in step:
        return step[field]
    if field in ("hold", "tempo") and ("hold" in step or "tempo" in step):
        return None  # the step chose the other one
    default = exercise.default_dose if exercise is not None else None
    own = getattr(default, field, None) if default is not None else None
    if own is not None:
        return own.value if hasattr(own, "value") else own
    if field in ("tempo", "hold", "prep") and default is not None:
        return None
    fallback = {"reps": 1, "sides": "none", "rest_between_reps": 5, "rest_between_sides": 5}
    defaults = data.get("defaults")
    if isinstance(defaults, dict) and field in defaults:
        return defaults[field]
    return fallback.get(field)


def dose_words(data: Data, step: Data, exercise: Exercise | None) -> str:
    """E.g. "3 × 20 s hold, each side" or "5 reps of 4 s + 2 s + 4 s"."""
    reps = effective(data, step, exercise, "reps")
    tempo = effective(data, step, exercise, "tempo")
    hold = effective(data, step, exercise, "hold")
    sides = effective(data, step, exercise, "sides")
    if tempo:
        seconds = [_phase_seconds(phase) for phase in tempo]
        text = f"{reps} rep{'' if reps == 1 else 's'} of {' + '.join(seconds)}"
    else:
        held = f"{hold:g} s hold" if isinstance(hold, int | float) else "hold"
        text = held if reps == 1 else f"{reps} × {held}"
    side = {"both": "each side", "alternating": "alternating sides"}.get(str(sides))
    side = side or {"left": "left side", "right": "right side"}.get(str(sides), "")
    return f"{text}, {side}" if side else text


def _phase_seconds(phase: Any) -> str:
    seconds = phase.get("seconds") if isinstance(phase, dict) else getattr(phase, "seconds", None)
    return f"{seconds:g} s" if isinstance(seconds, int | float) else "? s"
