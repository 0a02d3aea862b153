"""Compile a routine into a flat timeline of timed segments, cues included.

Everything a session will show and say is decided here, before it starts, so the
whole script of a session is known (and testable) without a clock or a speaker.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass

import msgspec

from .model import Breath, Exercise, Phase, Routine, Sides, Step
from .preferences import TimingOverrides
from .words import duration_words, number_words

COUNTDOWN_BEEPS = 3
"""Beeps in the last seconds of a hold, rest or get-ready time."""
MIN_SECONDS_FOR_BEEPS = 4
MIN_SECONDS_FOR_HALFWAY = 15


class SegmentKind(enum.Enum):
    PREP = "prep"
    """Get ready for the first exercise."""
    TRANSITION = "transition"
    """Change position for the next exercise."""
    HOLD = "hold"
    PHASE = "phase"
    """One timed part of a tempo rep."""
    REST = "rest"
    SWITCH = "switch"
    """Switch sides."""


class CueKind(enum.Enum):
    SPEECH = "speech"
    BEEP = "beep"
    CHIME = "chime"


class Chime(enum.Enum):
    NEXT = "next"
    SWITCH = "switch"
    FINISH = "finish"


class Cue(msgspec.Struct, frozen=True):
    at: float
    """Seconds from the start of its segment."""
    kind: CueKind
    text: str = ""
    """The words to speak, or which chime (next, switch, finish)."""


class Segment(msgspec.Struct, frozen=True, kw_only=True):
    index: int
    kind: SegmentKind
    step: int
    exercise_id: str
    exercise_name: str
    side: Sides
    rep: int
    """1-based; 0 for segments outside the reps (prep, transition, switch)."""
    reps: int
    seconds: float
    start: float
    """Seconds from the start of the session."""
    cue: str
    breath: Breath
    keyframe: str
    """Illustration file to show (in assets/illustrations)."""
    mirrored: bool
    """Show the drawing mirrored, because it was drawn for the other side."""
    from_keyframe: str | None = None
    """For a tempo phase: the illustration the figure moves from."""
    cues: tuple[Cue, ...] = ()

    @property
    def end(self) -> float:
        return self.start + self.seconds


class StepSpan(msgspec.Struct, frozen=True):
    """Where one step of the routine sits on the timeline."""

    index: int
    exercise_id: str
    exercise_name: str
    first_segment: int
    last_segment: int
    start: float
    seconds: float


class Timeline(msgspec.Struct, frozen=True, kw_only=True):
    routine_id: str
    title: str
    segments: tuple[Segment, ...]
    steps: tuple[StepSpan, ...]
    total_seconds: float
    finish_cues: tuple[Cue, ...] = ()
    """Played when the session finishes."""


@dataclass(frozen=True)
class ResolvedDose:
    sides: Sides
    reps: int
    phases: tuple[Phase, ...]
    is_hold: bool
    rest_between_reps: float
    rest_between_sides: float
    prep: float


def resolve_dose(
    step: Step,
    exercise: Exercise,
    routine: Routine,
    first: bool,
    overrides: TimingOverrides | None = None,
) -> ResolvedDose:
    """Step value, else the exercise's default dose, else the user's timing
    preferences, else the routine's defaults."""
    default = exercise.default_dose
    defaults = routine.defaults
    overrides = overrides or TimingOverrides()
    hold = step.hold
    tempo = step.tempo
    if hold is None and tempo is None:
        hold, tempo = default.hold, default.tempo
    if tempo:
        phases = tuple(tempo)
    else:
        cue = step.cue or exercise.cue
        phases = (Phase(cue=cue, seconds=hold or 1, breath=Breath.FREE),)
    preferred = overrides.prep if first else overrides.transition
    routine_says = defaults.prep if first else defaults.transition
    get_ready = routine_says if preferred is None else preferred

    def pick(*values: float | None) -> float:
        return next(v for v in values if v is not None)

    return ResolvedDose(
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
        prep=pick(step.prep, default.prep, get_ready),
    )


def compile_routine(
    routine: Routine,
    exercises: dict[str, Exercise],
    overrides: TimingOverrides | None = None,
) -> Timeline:
    """Routine -> Timeline. The routine must have passed ``check_routine``."""
    builder = _Builder()
    for index, step in enumerate(routine.steps):
        exercise = exercises[step.exercise]
        dose = resolve_dose(step, exercise, routine, index == 0, overrides)
        first_segment = len(builder.segments)
        start = builder.clock
        builder.add_step(index, exercise, dose)
        builder.steps.append(
            StepSpan(
                index=index,
                exercise_id=exercise.id,
                exercise_name=exercise.name,
                first_segment=first_segment,
                last_segment=len(builder.segments) - 1,
                start=start,
                seconds=builder.clock - start,
            )
        )
    finish = (
        Cue(0, CueKind.CHIME, Chime.FINISH.value),
        Cue(0, CueKind.SPEECH, "Well done. That's the whole routine."),
    )
    return Timeline(
        routine_id=routine.id,
        title=routine.title,
        segments=tuple(builder.segments),
        steps=tuple(builder.steps),
        total_seconds=builder.clock,
        finish_cues=finish,
    )


class _Builder:
    def __init__(self) -> None:
        self.segments: list[Segment] = []
        self.steps: list[StepSpan] = []
        self.clock = 0.0

    def add_step(self, index: int, exercise: Exercise, dose: ResolvedDose) -> None:
        step = _StepWriter(self, index, exercise, dose)
        blocks = list(_side_blocks(dose))
        ready_cues = [Cue(0, CueKind.SPEECH, _announcement(exercise, dose)), *_beeps(dose.prep)]
        kind = SegmentKind.PREP
        if index > 0:
            kind = SegmentKind.TRANSITION
            ready_cues.insert(0, Cue(0, CueKind.CHIME, Chime.NEXT.value))
        cue = f"Get ready. {exercise.instructions[0]}"
        step.add(kind, dose.prep, cue, step.first_side, cues=ready_cues)

        for block_index, block in enumerate(blocks):
            if block_index > 0:
                side = block[0][0]
                switch_cues = [
                    Cue(0, CueKind.CHIME, Chime.SWITCH.value),
                    Cue(0, CueKind.SPEECH, f"Switch sides. {side.value.title()} side next."),
                    *_beeps(dose.rest_between_sides),
                ]
                cue = f"Switch to your {side.value} side"
                step.add(SegmentKind.SWITCH, dose.rest_between_sides, cue, side, cues=switch_cues)
            for position, (side, rep) in enumerate(block):
                first_of_side = position == 0 or side != block[position - 1][0]
                step.add_rep(side, rep, first_of_side)
                rep_ends = position < len(block) - 1 and block[position + 1][1] != rep
                if rep_ends:
                    rest_cues = [Cue(0, CueKind.SPEECH, "Rest"), *_beeps(dose.rest_between_reps)]
                    cue = "Rest. Relax and breathe easily"
                    step.add(SegmentKind.REST, dose.rest_between_reps, cue, side, rep, rest_cues)


class _StepWriter:
    """Adds the segments of one step to the builder."""

    def __init__(self, builder: _Builder, index: int, exercise: Exercise, dose: ResolvedDose):
        self.builder = builder
        self.index = index
        self.exercise = exercise
        self.dose = dose
        self.keyframes = {k.id: k for k in exercise.keyframes}
        self.first_side = next(_side_blocks(dose))[0][0]
        # A rep cycles back to where it began: its last phase's keyframe is the start.
        self.previous_keyframe = dose.phases[-1].keyframe or exercise.keyframes[-1].id

    def add(
        self,
        kind: SegmentKind,
        seconds: float,
        cue: str,
        side: Sides,
        rep: int = 0,
        cues: list[Cue] | None = None,
        *,
        breath: Breath = Breath.FREE,
        keyframe: str | None = None,
        moving: bool = False,
    ) -> None:
        if seconds <= 0:
            return
        shown = self.keyframes[keyframe or self.previous_keyframe]
        came_from = self.keyframes[self.previous_keyframe] if moving else None
        builder = self.builder
        builder.segments.append(
            Segment(
                index=len(builder.segments),
                kind=kind,
                step=self.index,
                exercise_id=self.exercise.id,
                exercise_name=self.exercise.name,
                side=side,
                rep=rep,
                reps=self.dose.reps,
                seconds=float(seconds),
                start=builder.clock,
                cue=cue,
                breath=breath,
                keyframe=shown.file,
                mirrored=_mirrored(
                    shown.shows, side if side is not Sides.NONE else self.first_side
                ),
                from_keyframe=came_from.file if came_from and came_from is not shown else None,
                cues=tuple(cues or ()),
            )
        )
        builder.clock += seconds

    def add_rep(self, side: Sides, rep: int, first_of_side: bool) -> None:
        dose = self.dose
        for phase_index, phase in enumerate(dose.phases):
            lead = []
            if phase_index == 0:
                if first_of_side and side is not Sides.NONE:
                    lead.append(f"{side.value.title()} side.")
                if first_of_side and dose.is_hold:
                    lead.append(f"{self.exercise.name}.")
                elif rep == dose.reps and dose.reps > 1:
                    lead.append("Last one.")
            if dose.is_hold:
                spoken = " ".join([*lead, f"Hold for {duration_words(phase.seconds)}."])
                cues = [Cue(0, CueKind.SPEECH, spoken)]
                if phase.seconds >= MIN_SECONDS_FOR_HALFWAY:
                    cues.append(Cue(phase.seconds / 2, CueKind.SPEECH, "Halfway"))
                cues += _beeps(phase.seconds)
            else:
                cues = [Cue(0, CueKind.SPEECH, " ".join([*lead, phase.cue]))]
            kind = SegmentKind.HOLD if dose.is_hold else SegmentKind.PHASE
            keyframe = phase.keyframe or self.exercise.keyframes[-1].id
            self.add(
                kind,
                phase.seconds,
                phase.cue,
                side,
                rep,
                cues,
                breath=phase.breath,
                keyframe=keyframe,
                moving=not dose.is_hold,
            )
            self.previous_keyframe = keyframe


def _side_blocks(dose: ResolvedDose) -> Iterator[list[tuple[Sides, int]]]:
    """Blocks of (side, rep) done without a switch-sides pause between them."""
    reps = range(1, dose.reps + 1)
    if dose.sides is Sides.BOTH:
        yield [(Sides.LEFT, rep) for rep in reps]
        yield [(Sides.RIGHT, rep) for rep in reps]
    elif dose.sides is Sides.ALTERNATING:
        yield [(side, rep) for rep in reps for side in (Sides.LEFT, Sides.RIGHT)]
    else:
        yield [(dose.sides, rep) for rep in reps]


def _mirrored(drawn: Sides, shown: Sides) -> bool:
    one_sided = (Sides.LEFT, Sides.RIGHT)
    return drawn in one_sided and shown in one_sided and drawn is not shown


def _beeps(seconds: float) -> list[Cue]:
    if seconds < MIN_SECONDS_FOR_BEEPS:
        return []
    return [Cue(seconds - n, CueKind.BEEP) for n in range(COUNTDOWN_BEEPS, 0, -1)]


def _announcement(exercise: Exercise, dose: ResolvedDose) -> str:
    """What is said while getting ready: the exercise, the side, the dose."""
    parts = [f"Get ready: {exercise.name}."]
    if dose.sides is Sides.BOTH:
        parts.append("Left side first.")
    elif dose.sides is Sides.ALTERNATING:
        parts.append("Alternate sides, left first.")
    elif dose.sides in (Sides.LEFT, Sides.RIGHT):
        parts.append(f"{dose.sides.value.title()} side.")
    reps = dose.reps
    if dose.is_hold:
        hold = duration_words(dose.phases[0].seconds)
        times = "once" if reps == 1 else f"{number_words(reps)} times"
        parts.append(f"Hold for {hold}, {times}.")
    else:
        parts.append(f"{number_words(reps).capitalize()} rep{'' if reps == 1 else 's'}.")
    return " ".join(parts)
