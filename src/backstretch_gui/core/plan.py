"""A routine resolved against the catalog: what a session needs of it, as plain data.

Every dose is settled here (the step's value, else the exercise's default, else the
routine's), except the get-ready times the user may set in the preferences, which
``timeline.compile_plan`` applies. The listing cache keeps each routine's plan as
JSON, so the window starts and retimes a session without reading YAML or importing
the typed model.
"""

from __future__ import annotations

from dataclasses import dataclass

from .enums import Breath, Sides

TYPE_CHECKING = False  # the typed model is only named here, never imported
if TYPE_CHECKING:
    from typing import Any

    from .model import Exercise, Routine, Step


@dataclass(frozen=True, slots=True)
class KeyframePlan:
    id: str
    file: str
    """SVG file name in assets/illustrations."""
    shows: Sides


@dataclass(frozen=True, slots=True)
class PhasePlan:
    cue: str
    seconds: float
    breath: Breath
    keyframe: str
    """Keyframe id to show."""


@dataclass(frozen=True, slots=True)
class ExercisePlan:
    id: str
    name: str
    setup: str
    """The first instruction, read out while getting ready."""
    instructions: tuple[str, ...]
    """Every instruction, in order (the step view's "How to")."""
    cautions: tuple[str, ...]
    keyframes: tuple[KeyframePlan, ...]
    side_names: tuple[str, str] | None = None
    """(left, right): what the person does on each side, where a plain "Left side"
    would mislead."""

    def side_words(self, side: Sides) -> str:
        """ "Left side", or what this exercise names it ("Lie on your right side...")."""
        if side not in (Sides.LEFT, Sides.RIGHT):
            return ""
        if self.side_names is not None:
            return self.side_names[0 if side is Sides.LEFT else 1]
        return f"{side.value.title()} side"


@dataclass(frozen=True, slots=True)
class StepPlan:
    exercise: ExercisePlan
    sides: Sides
    reps: int
    phases: tuple[PhasePlan, ...]
    """The phases of one rep; a hold is a single phase."""
    is_hold: bool
    rest_between_reps: float
    rest_between_sides: float
    prep: float | None
    """The step's or its exercise's own get-ready time; None to take the user's or
    the routine's."""
    setup: str = ""
    """The get-ready line: the step's own, or its exercise's first instruction."""


@dataclass(frozen=True, slots=True)
class RoutinePlan:
    routine_id: str
    title: str
    prep: float
    """The routine's get-ready time before the first step."""
    transition: float
    """The routine's time to change position between steps."""
    steps: tuple[StepPlan, ...]

    @property
    def exercises(self) -> dict[str, ExercisePlan]:
        return {step.exercise.id: step.exercise for step in self.steps}


def plan_routine(routine: Routine, exercises: dict[str, Exercise]) -> RoutinePlan:
    """Routine -> plan. The routine must have passed ``check_routine``."""
    shared: dict[str, ExercisePlan] = {}
    steps = []
    for step in routine.steps:
        exercise = exercises[step.exercise]
        if exercise.id not in shared:
            shared[exercise.id] = _plan_exercise(exercise)
        steps.append(_plan_step(step, shared[exercise.id], exercise, routine))
    defaults = routine.defaults
    return RoutinePlan(
        routine_id=routine.id,
        title=routine.title,
        prep=float(defaults.prep),
        transition=float(defaults.transition),
        steps=tuple(steps),
    )


def _plan_exercise(exercise: Exercise) -> ExercisePlan:
    return ExercisePlan(
        id=exercise.id,
        name=exercise.name,
        setup=exercise.instructions[0],
        instructions=tuple(exercise.instructions),
        side_names=(
            (exercise.side_names.left, exercise.side_names.right) if exercise.side_names else None
        ),
        cautions=tuple(exercise.cautions),
        keyframes=tuple(KeyframePlan(k.id, k.file, k.shows) for k in exercise.keyframes),
    )


def _plan_step(step: Step, planned: ExercisePlan, exercise: Exercise, routine: Routine) -> StepPlan:
    default = exercise.default_dose
    defaults = routine.defaults
    hold, tempo = step.hold, step.tempo
    if hold is None and tempo is None:
        hold, tempo = default.hold, default.tempo
    last_keyframe = exercise.keyframes[-1].id
    if tempo:
        phases = tuple(
            PhasePlan(p.cue, float(p.seconds), p.breath, p.keyframe or last_keyframe) for p in tempo
        )
    else:
        cue = step.cue or exercise.cue
        phases = (PhasePlan(cue, float(hold or 1), Breath.FREE, last_keyframe),)

    def pick(*values: float | None) -> float:
        return float(next(v for v in values if v is not None))

    prep = step.prep if step.prep is not None else default.prep
    return StepPlan(
        exercise=planned,
        sides=step.sides or default.sides or defaults.sides,
        reps=step.reps or default.reps or 1,
        phases=phases,
        is_hold=not tempo,
        rest_between_reps=pick(
            step.rest_between_reps, default.rest_between_reps, defaults.rest_between_reps
        ),
        rest_between_sides=pick(
            step.rest_between_sides, default.rest_between_sides, defaults.rest_between_sides
        ),
        prep=None if prep is None else float(prep),
        setup=step.setup or planned.setup,
    )


# --- as JSON (the listing cache) -------------------------------------------------------


def plan_to_data(plan: RoutinePlan) -> dict[str, Any]:
    """Plain JSON data; each exercise written once, however many steps use it."""
    return {
        "routine_id": plan.routine_id,
        "title": plan.title,
        "prep": plan.prep,
        "transition": plan.transition,
        "exercises": [
            {
                "id": e.id,
                "name": e.name,
                "setup": e.setup,
                "instructions": list(e.instructions),
                "side_names": list(e.side_names) if e.side_names else None,
                "cautions": list(e.cautions),
                "keyframes": [[k.id, k.file, k.shows.value] for k in e.keyframes],
            }
            for e in plan.exercises.values()
        ],
        "steps": [
            {
                "exercise": s.exercise.id,
                "sides": s.sides.value,
                "reps": s.reps,
                "phases": [[p.cue, p.seconds, p.breath.value, p.keyframe] for p in s.phases],
                "is_hold": s.is_hold,
                "rest_between_reps": s.rest_between_reps,
                "rest_between_sides": s.rest_between_sides,
                "prep": s.prep,
                "setup": s.setup,
            }
            for s in plan.steps
        ],
    }


def plan_from_data(data: dict[str, Any]) -> RoutinePlan:
    """The inverse of ``plan_to_data``. Raises KeyError, TypeError or ValueError on
    data of another shape (the cache is rebuilt then)."""
    exercises = {
        e["id"]: ExercisePlan(
            id=str(e["id"]),
            name=str(e["name"]),
            setup=str(e["setup"]),
            instructions=tuple(map(str, e["instructions"])),
            side_names=(str(e["side_names"][0]), str(e["side_names"][1]))
            if e["side_names"]
            else None,
            cautions=tuple(map(str, e["cautions"])),
            keyframes=tuple(KeyframePlan(str(i), str(f), Sides(s)) for i, f, s in e["keyframes"]),
        )
        for e in data["exercises"]
    }
    steps = tuple(
        StepPlan(
            exercise=exercises[s["exercise"]],
            sides=Sides(s["sides"]),
            reps=int(s["reps"]),
            phases=tuple(
                PhasePlan(str(c), float(sec), Breath(b), str(k)) for c, sec, b, k in s["phases"]
            ),
            is_hold=bool(s["is_hold"]),
            rest_between_reps=float(s["rest_between_reps"]),
            rest_between_sides=float(s["rest_between_sides"]),
            prep=None if s["prep"] is None else float(s["prep"]),
            setup=str(s["setup"]),
        )
        for s in data["steps"]
    )
    if not steps:
        raise ValueError("a plan without steps")
    return RoutinePlan(
        routine_id=str(data["routine_id"]),
        title=str(data["title"]),
        prep=float(data["prep"]),
        transition=float(data["transition"]),
        steps=steps,
    )
