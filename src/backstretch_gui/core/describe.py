"""Short human descriptions of routines and doses, for the picker and summaries."""

from __future__ import annotations

from .enums import Sides
from .plan import StepPlan
from .words import short_duration

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .model import Exercise, Routine

SIDE_WORDS = {
    Sides.NONE: "",
    Sides.LEFT: "left side",
    Sides.RIGHT: "right side",
    Sides.BOTH: "each side",
    Sides.ALTERNATING: "alternating sides",
}


def _seconds(value: float) -> str:
    return short_duration(value)


def describe_step(dose: StepPlan) -> str:
    """E.g. "3 × 20 s hold, each side" or "5 reps of 4 s + 2 s + 4 s"."""
    if dose.is_hold:
        hold = _seconds(dose.phases[0].seconds)
        text = f"{hold} hold" if dose.reps == 1 else f"{dose.reps} × {hold} hold"
    else:
        tempo = " + ".join(_seconds(p.seconds) for p in dose.phases)
        text = f"{dose.reps} rep{'' if dose.reps == 1 else 's'} of {tempo}"
    side = SIDE_WORDS[dose.sides]
    return f"{text}, {side}" if side else text


def positions(routine: Routine, exercises: dict[str, Exercise]) -> list[str]:
    """The positions a routine uses, in the order they first appear."""
    seen: list[str] = []
    for step in routine.steps:
        position = exercises[step.exercise].position.value
        if position not in seen:
            seen.append(position)
    return seen


def cautions(routine: Routine, exercises: dict[str, Exercise]) -> list[tuple[str, str]]:
    """(exercise name, caution) for every distinct caution in the routine."""
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for step in routine.steps:
        exercise = exercises[step.exercise]
        for caution in exercise.cautions:
            if caution not in seen:
                seen.add(caution)
                found.append((exercise.name, caution))
    return found


def how_to(routine: Routine, exercises: dict[str, Exercise]) -> list[tuple[str, str]]:
    """(exercise name, instruction) for every instruction of each exercise, once."""
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for step in routine.steps:
        exercise = exercises[step.exercise]
        if exercise.id not in seen:
            seen.add(exercise.id)
            found += [(exercise.name, line) for line in exercise.instructions]
    return found
