"""Typed model of the two kinds of file we read: the exercise catalog and routines.

msgspec Structs give typed decoding with a field path in every error, JSON Schema
export for editors, and a fast import; the constraints below (``Meta``) are both
validation and schema, so the two cannot drift apart.
"""

from __future__ import annotations

from typing import Annotated

import msgspec
from msgspec import Meta

from .enums import Breath, Position, Sides

FORMAT_VERSION = 1
"""The routine/catalog format this build writes and reads natively."""

MAX_HOLD_SECONDS = 600
MAX_REPS = 100

Id = Annotated[
    str,
    Meta(
        pattern=r"^[a-z0-9][a-z0-9-]*$",
        max_length=64,
        description="Lower-case letters, digits and dashes, e.g. `knee-to-chest`.",
    ),
]
Text = Annotated[str, Meta(min_length=1, max_length=2000)]
ShortText = Annotated[str, Meta(min_length=1, max_length=120)]
# Room for a few article titles with their authors or publishers.
SourceText = Annotated[str, Meta(min_length=1, max_length=400)]
Seconds = Annotated[
    float,
    Meta(gt=0, le=MAX_HOLD_SECONDS, description="Seconds, more than 0 and at most 600."),
]
PauseSeconds = Annotated[
    float,
    Meta(ge=0, le=MAX_HOLD_SECONDS, description="Seconds, 0 (none) up to 600."),
]
Reps = Annotated[int, Meta(ge=1, le=MAX_REPS, description="Repetitions, 1 to 100.")]


class Kw(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True, kw_only=True, frozen=True):
    """Base: immutable, keyword-only, unknown keys refused, defaults left out when written."""


# --- exercise catalog -------------------------------------------------------------


class Keyframe(Kw, kw_only=True, frozen=True):
    """One illustration of an exercise: a position the body passes through."""

    id: Id
    file: Annotated[
        str,
        Meta(
            pattern=r"^([A-Za-z0-9_.-]+\.svg|images/[A-Za-z0-9_-][A-Za-z0-9_.-]*\.(png|jpe?g|svg))$",
            description=(
                "SVG file name inside assets/illustrations/; for your own exercises also "
                "images/NAME.png, .jpg or .svg in the images folder beside your routines."
            ),
        ),
    ]
    shows: Sides = Sides.NONE
    """Which side the drawing shows: left, right, or none (symmetric)."""


class Phase(Kw, kw_only=True, frozen=True):
    """One timed part of a rep, e.g. "Breathe out and roll up" for 4 seconds."""

    cue: ShortText
    seconds: Seconds
    breath: Breath = Breath.FREE
    keyframe: Id | None = None
    """Keyframe id to show; the exercise's last keyframe when left out."""


class Dose(Kw, kw_only=True, frozen=True):
    """How a step is done. Every field may be left out to take the default."""

    sides: Sides | None = None
    reps: Reps | None = None
    hold: Seconds | None = None
    """A single static hold per rep, in seconds. Use either hold or tempo."""
    tempo: Annotated[list[Phase], Meta(min_length=1, max_length=20)] | None = None
    """The phases of one rep, in order. Use either hold or tempo."""
    rest_between_reps: PauseSeconds | None = None
    rest_between_sides: PauseSeconds | None = None
    prep: PauseSeconds | None = None
    """Get-ready time before this step."""


class SideNames(Kw, kw_only=True, frozen=True):
    """What the person does on each side, where "left" or "right" alone would mislead,
    e.g. left: "Lie on your right side, left arm opens"."""

    left: ShortText
    right: ShortText


class Exercise(Kw, kw_only=True, frozen=True):
    id: Id
    name: ShortText
    position: Position
    targets: Annotated[list[ShortText], Meta(min_length=1)]
    cue: ShortText
    """One short imperative cue for a hold, e.g. "Draw your knee to your chest"."""
    instructions: Annotated[list[Text], Meta(min_length=1)]
    form_points: list[Text] = []
    why: Text
    cautions: Annotated[list[Text], Meta(min_length=1)]
    keyframes: Annotated[list[Keyframe], Meta(min_length=1, max_length=8)]
    default_dose: Dose = Dose()
    side_names: SideNames | None = None
    """Said and shown for each side instead of "Left side" and "Right side"."""
    source: SourceText
    """Where the facts come from: the articles' titles, authors or publishers."""
    notes: list[Text] = []
    """Editorial notes, e.g. where a source's number was corrected."""


class Catalog(Kw, kw_only=True, frozen=True):
    version: Annotated[int, Meta(ge=1)] = FORMAT_VERSION
    exercises: Annotated[list[Exercise], Meta(min_length=1)]


# --- routines --------------------------------------------------------------------


class RoutineDefaults(Kw, kw_only=True, frozen=True):
    prep: PauseSeconds = 5
    """Get-ready time before the first step."""
    transition: PauseSeconds = 10
    """Time to change position between exercises."""
    rest_between_reps: PauseSeconds = 5
    rest_between_sides: PauseSeconds = 5
    sides: Sides = Sides.NONE


class Step(Dose, kw_only=True, frozen=True):
    """One exercise inside a routine, with its dose."""

    exercise: Id
    cue: ShortText | None = None
    """Replaces the exercise's hold cue for this step."""
    setup: Text | None = None
    """Replaces the exercise's get-ready line for this step, e.g. to name a prop."""


class Routine(Kw, kw_only=True, frozen=True):
    version: Annotated[int, Meta(ge=1)] = FORMAT_VERSION
    id: Id
    title: ShortText
    summary: Annotated[str, Meta(max_length=2000)] = ""
    """What the routine is for; may be left out."""
    tags: list[Annotated[str, Meta(min_length=1, max_length=40)]] = []
    source: SourceText | None = None
    defaults: RoutineDefaults = RoutineDefaults()
    steps: Annotated[list[Step], Meta(min_length=1, max_length=100)]
    notes: list[Text] = []
