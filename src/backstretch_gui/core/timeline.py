"""Compile a routine into a flat timeline of timed segments, cues included.

Everything a session will show and say is decided here, before it starts, so the
whole script of a session is known (and testable) without a clock or a speaker.
The timeline is compiled from a routine's plan (plan.py), with the user's get-ready
times; like the plan, it is plain frozen dataclasses.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterator
from dataclasses import dataclass

from .enums import Breath, Sides
from .plan import RoutinePlan, StepPlan, plan_routine
from .preferences import TimingOverrides
from .speech_plan import GAP_SECONDS, SpeechPace, fitting, phase_words
from .words import SPOKEN_SAFETY_NOTICE, duration_words

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .model import Exercise, Routine

COUNTDOWN_BEEPS = 3
"""Beeps in the last seconds of a hold, rest or get-ready time."""
CHIME_SECONDS = 1.0
"""A chime sounds this long before the words that follow it: the longest (switch) rings
for 0.73 s, and the words come a beat after it, not on its tail."""
FINISH_CHIME_SECONDS = 1.4
"""The finish chime's length: its four notes ring out before "Well done"."""
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
    duration: float = 0.0
    """For speech: the seconds it is expected to take to say."""


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
    pace: SpeechPace | None = None,
) -> Timeline:
    """Routine -> Timeline. The routine must have passed ``check_routine``."""
    return compile_plan(plan_routine(routine, exercises), overrides, pace=pace)


def compile_plan(
    plan: RoutinePlan,
    overrides: TimingOverrides | None = None,
    *,
    safety_first: bool = False,
    pace: SpeechPace | None = None,
) -> Timeline:
    """Plan -> Timeline, with the user's get-ready times where the routine leaves
    them open, each long enough for what is said in it at ``pace`` (the voice's).
    ``safety_first`` says the safety notice while getting ready for the first step."""
    overrides = overrides or TimingOverrides()
    builder = _Builder(pace or SpeechPace(), safety_first)
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
    well_done = "Well done. That's the whole routine."
    finish = (
        Cue(0, CueKind.CHIME, Chime.FINISH.value),
        Cue(FINISH_CHIME_SECONDS, CueKind.SPEECH, well_done, builder.pace.seconds(well_done)),
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
    def __init__(self, pace: SpeechPace, safety_first: bool = False) -> None:
        self.pace = pace
        self.safety_first = safety_first
        self.says_safety_notice = False
        self.segments: list[Segment] = []
        self.steps: list[StepSpan] = []
        self.clock = 0.0

    def add_step(self, index: int, dose: StepPlan, prep: float) -> None:
        step = _StepWriter(self, index, dose)
        blocks = list(_side_blocks(dose))
        setup = dose.setup or dose.exercise.setup
        announcement = _announcement(dose, setup)
        if index == 0 and self.safety_first:
            announcement = f"{SPOKEN_SAFETY_NOTICE} {announcement}"
            self.says_safety_notice = True
        kind = SegmentKind.PREP if index == 0 else SegmentKind.TRANSITION
        chime = [] if index == 0 else [Cue(0, CueKind.CHIME, Chime.NEXT.value)]
        prep, ready_cues = self.announced(prep, announcement, chime)
        step.add(kind, prep, f"Get ready. {setup}", step.first_side, cues=ready_cues)

        for block_index, block in enumerate(blocks):
            if block_index > 0:
                side = block[0][0]
                chime = [Cue(0, CueKind.CHIME, Chime.SWITCH.value)]
                spoken = _switch_words(dose, side)
                seconds, switch_cues = self.announced(dose.rest_between_sides, spoken, chime)
                cue = _switch_words(dose, side, spoken=False)
                step.add(
                    SegmentKind.SWITCH,
                    seconds,
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
                    rest = dose.rest_between_reps
                    said = fitting(self.pace, rest - (3 if _beeps(rest) else 0), "Rest")
                    rest_cues = [*self.speech(0, said), *_beeps(rest)]
                    cue = "Rest. Relax and breathe easily"
                    step.add(SegmentKind.REST, dose.rest_between_reps, cue, side, rep, rest_cues)

    def speech(self, at: float, text: str | None) -> list[Cue]:
        """A spoken cue with its expected length, or nothing when nothing fits."""
        if not text:
            return []
        return [Cue(at, CueKind.SPEECH, text, self.pace.seconds(text))]

    def announced(self, seconds: float, text: str, chime: list[Cue]) -> tuple[float, list[Cue]]:
        """A get-ready, transition or switch long enough to say ``text`` after its
        chime and before its last three seconds' beeps: (its seconds, its cues)."""
        if seconds <= 0:  # none asked for: nothing is said, and no time is added
            return 0.0, []
        start = CHIME_SECONDS if chime else 0.0
        needed = start + self.pace.seconds(text) + GAP_SECONDS + COUNTDOWN_BEEPS
        seconds = max(seconds, float(math.ceil(needed)))
        return seconds, [*chime, *self.speech(start, text), *_beeps(seconds)]


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
        """One rep's holds or phases. What is said fits the time it has: the step's own
        cue, the hold's length once (at the first hold of a side), a short form when a
        phase is too short for its sentence, and only a beep when nothing fits."""
        dose, pace = self.dose, self.builder.pace
        last = rep == dose.reps and dose.reps > 1
        for phase_index, phase in enumerate(dose.phases):
            lead = "Last one. " if phase_index == 0 and last else ""
            if dose.is_hold:
                seconds = phase.seconds
                halfway = seconds >= MIN_SECONDS_FOR_HALFWAY
                room = seconds / 2 if halfway else seconds - (3 if _beeps(seconds) else 0)
                length = f"Hold for {duration_words(seconds)}."
                full = f"{lead}{phase.cue}. {length}" if first_of_side else f"{lead}{phase.cue}."
                said = fitting(pace, room, full, length, "Hold.")
                cues = self.builder.speech(0, said)
                if halfway:
                    cues += self.builder.speech(seconds / 2, "Halfway")
                cues += _beeps(seconds)
            else:
                moving = phase.keyframe != self.previous_keyframe
                words = phase_words(pace, phase.seconds, lead + phase.cue, phase.breath, moving)
                cues = self.builder.speech(0, words) or [Cue(0, CueKind.BEEP)]
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


def _announcement(dose: StepPlan, setup: str) -> str:
    """What is said while getting ready: the exercise, the side (by what the body does,
    where the exercise names it), and how to get into the position."""
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
    parts.append(setup)
    return " ".join(parts)
