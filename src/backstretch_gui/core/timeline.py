"""Compile a routine into a flat timeline of timed segments, cues included.

Everything a session will show and say is decided here, before it starts, so the
whole script of a session is known (and testable) without a clock or a speaker.
The timeline is compiled from a routine's plan (plan.py), with the user's get-ready
times; like the plan, it is plain frozen dataclasses.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass

from .enums import Breath, Sides
from .plan import RoutinePlan, StepPlan, plan_routine
from .preferences import TimingOverrides
from .words import SAFETY_PREP_SECONDS, SPOKEN_SAFETY_NOTICE, duration_words, number_words

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .model import Exercise, Routine

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


@dataclass(frozen=True, slots=True)
class Cue:
    at: float
    """Seconds from the start of its segment."""
    kind: CueKind
    text: str = ""
    """The words to speak, or which chime (next, switch, finish)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Segment:
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
    side_words: str = ""
    """The side as shown and said: "Left side", or what the exercise names it."""

    @property
    def end(self) -> float:
        return self.start + self.seconds


@dataclass(frozen=True, slots=True)
class StepSpan:
    """Where one step of the routine sits on the timeline."""

    index: int
    exercise_id: str
    exercise_name: str
    first_segment: int
    last_segment: int
    start: float
    seconds: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Timeline:
    routine_id: str
    title: str
    segments: tuple[Segment, ...]
    steps: tuple[StepSpan, ...]
    total_seconds: float
    finish_cues: tuple[Cue, ...] = ()
    """Played when the session finishes."""
    says_safety_notice: bool = False
    """The first get-ready says the safety notice."""


def compile_routine(
    routine: Routine,
    exercises: dict[str, Exercise],
    overrides: TimingOverrides | None = None,
) -> Timeline:
    """Routine -> Timeline. The routine must have passed ``check_routine``."""
    return compile_plan(plan_routine(routine, exercises), overrides)


def compile_plan(
    plan: RoutinePlan,
    overrides: TimingOverrides | None = None,
    *,
    safety_first: bool = False,
) -> Timeline:
    """Plan -> Timeline, with the user's get-ready times where the routine leaves
    them open. ``safety_first`` says the safety notice while getting ready for the
    first step, if that lasts at least ``SAFETY_PREP_SECONDS`` (the timing never
    changes for it); ``Timeline.says_safety_notice`` tells whether it does."""
    overrides = overrides or TimingOverrides()
    builder = _Builder(safety_first)
    for index, step in enumerate(plan.steps):
        first = index == 0
        preferred = overrides.prep if first else overrides.transition
        routine_says = plan.prep if first else plan.transition
        get_ready = routine_says if preferred is None else preferred
        prep = get_ready if step.prep is None else step.prep
        first_segment = len(builder.segments)
        start = builder.clock
        builder.add_step(index, step, prep)
        builder.steps.append(
            StepSpan(
                index=index,
                exercise_id=step.exercise.id,
                exercise_name=step.exercise.name,
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
        routine_id=plan.routine_id,
        title=plan.title,
        segments=tuple(builder.segments),
        steps=tuple(builder.steps),
        total_seconds=builder.clock,
        finish_cues=finish,
        says_safety_notice=builder.says_safety_notice,
    )


class _Builder:
    def __init__(self, safety_first: bool = False) -> None:
        self.safety_first = safety_first
        self.says_safety_notice = False
        self.segments: list[Segment] = []
        self.steps: list[StepSpan] = []
        self.clock = 0.0

    def add_step(self, index: int, dose: StepPlan, prep: float) -> None:
        step = _StepWriter(self, index, dose)
        blocks = list(_side_blocks(dose))
        announcement = _announcement(dose)
        if index == 0 and self.safety_first and prep >= SAFETY_PREP_SECONDS:
            announcement = f"{SPOKEN_SAFETY_NOTICE} Get ready: {dose.exercise.name}."
            self.says_safety_notice = True
        ready_cues = [Cue(0, CueKind.SPEECH, announcement), *_beeps(prep)]
        kind = SegmentKind.PREP
        if index > 0:
            kind = SegmentKind.TRANSITION
            ready_cues.insert(0, Cue(0, CueKind.CHIME, Chime.NEXT.value))
        cue = f"Get ready. {dose.setup or dose.exercise.setup}"
        step.add(kind, prep, cue, step.first_side, cues=ready_cues)

        for block_index, block in enumerate(blocks):
            if block_index > 0:
                side = block[0][0]
                switch_cues = [
                    Cue(0, CueKind.CHIME, Chime.SWITCH.value),
                    Cue(0, CueKind.SPEECH, _switch_words(dose, side)),
                    *_beeps(dose.rest_between_sides),
                ]
                cue = _switch_words(dose, side, spoken=False)
                step.add(
                    SegmentKind.SWITCH,
                    dose.rest_between_sides,
                    cue,
                    side,
                    cues=switch_cues,
                    keyframe=step.ready_keyframe,
                )
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

    def __init__(self, builder: _Builder, index: int, dose: StepPlan):
        self.builder = builder
        self.index = index
        self.exercise = dose.exercise
        self.dose = dose
        self.keyframes = {k.id: k for k in dose.exercise.keyframes}
        self.first_side = next(_side_blocks(dose))[0][0]
        # Getting ready shows the starting position. A rep cycles back to where it began,
        # so a movement's last phase shows it; a hold's first keyframe is where it starts
        # (its last is the hold itself).
        first = dose.exercise.keyframes[0].id
        self.ready_keyframe = first if dose.is_hold else dose.phases[-1].keyframe
        self.previous_keyframe = self.ready_keyframe

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
                side_words=self.exercise.side_words(side),
            )
        )
        builder.clock += seconds

    def add_rep(self, side: Sides, rep: int, first_of_side: bool) -> None:
        dose = self.dose
        for phase_index, phase in enumerate(dose.phases):
            lead = []
            if phase_index == 0:
                if first_of_side and side is not Sides.NONE:
                    lead.append(f"{self.exercise.side_words(side)}.")
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
            keyframe = phase.keyframe
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


def _side_blocks(dose: StepPlan) -> Iterator[list[tuple[Sides, int]]]:
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


def _switch_words(dose: StepPlan, side: Sides, spoken: bool = True) -> str:
    named = dose.exercise.side_names
    if named is not None:  # what the body does, not a bare "left" that would mislead
        return f"Switch sides. {dose.exercise.side_words(side)}."
    if spoken:
        return f"Switch sides. {side.value.title()} side next."
    return f"Switch to your {side.value} side"


def _announcement(dose: StepPlan) -> str:
    """What is said while getting ready: the exercise, the side, the dose."""
    parts = [f"Get ready: {dose.exercise.name}."]
    first = dose.exercise.side_words(Sides.LEFT)
    if dose.exercise.side_names is not None and dose.sides is not Sides.NONE:
        side = Sides.RIGHT if dose.sides is Sides.RIGHT else Sides.LEFT
        parts.append(f"{dose.exercise.side_words(side)}.")
    elif dose.sides is Sides.BOTH:
        parts.append(f"{first} first.")
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
