"""The exercise catalog and the routine library: bundled files plus the user's own.

A broken user file never hides the good ones: it is kept as a problem entry beside
them. A user routine with a bundled routine's id shadows it, and says so.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .decode import decode
from .files import display_path, list_routine_files
from .model import Catalog, Dose, Exercise, Routine, Step
from .problems import FieldPath, InvalidFileError, Problem, did_you_mean
from .text import text_problems
from .yamldoc import Document, read_document

CATALOG_FILE = "exercises.yaml"
MAX_ROUTINE_SECONDS = 3 * 3600
"""A routine is something to follow in one go: three hours at the most."""
MAX_ROUTINE_SEGMENTS = 5000
"""Holds, phases and rests of a routine; the longest bundled one has under 200."""


class Origin(enum.Enum):
    BUNDLED = "bundled"
    USER = "user"


@dataclass(frozen=True)
class RoutineEntry:
    routine: Routine
    path: Path
    origin: Origin
    shadows: Path | None = None
    """The bundled file this user routine replaces, if any."""


@dataclass(frozen=True)
class BrokenFile:
    path: Path
    origin: Origin
    problems: list[Problem]


@dataclass
class Library:
    catalog: Catalog
    routines: list[RoutineEntry] = field(default_factory=list)
    broken: list[BrokenFile] = field(default_factory=list)

    @property
    def exercises(self) -> dict[str, Exercise]:
        return {exercise.id: exercise for exercise in self.catalog.exercises}

    def find(self, routine_id: str) -> RoutineEntry | None:
        return next((e for e in self.routines if e.routine.id == routine_id), None)


class FileKind(enum.Enum):
    ROUTINE = "routine"
    CATALOG = "exercise catalog"


def file_kind(document: Document) -> FileKind:
    """What a file holds, by its fields rather than its name: a list of exercises
    and no steps is a catalog, anything else is read as a routine."""
    data = document.data
    if isinstance(data, dict) and "exercises" in data and "steps" not in data:
        return FileKind.CATALOG
    return FileKind.ROUTINE


def load_catalog(path: Path) -> Catalog:
    return catalog_of(read_document(path))


def catalog_of(document: Document) -> Catalog:
    catalog = decode(document, Catalog)
    problems = check_catalog(document, catalog)
    if problems:
        raise InvalidFileError(problems)
    return catalog


def load_routine(path: Path, catalog: Catalog) -> Routine:
    return routine_of(read_document(path), catalog)


def routine_of(document: Document, catalog: Catalog) -> Routine:
    """The routine in a document; InvalidFileError for anything else, a catalog too."""
    if file_kind(document) is FileKind.CATALOG:
        message = (
            "this file is an exercise catalog (it lists exercises), not a routine; "
            "a routine lists steps"
        )
        raise InvalidFileError([document.problem(("exercises",), message)])
    try:
        routine = decode(document, Routine)
    except InvalidFileError as error:  # said with what the good steps' checks find
        said = {problem.path for problem in error.problems}
        more = _check_sound_steps(document, catalog) + text_problems(document)
        more = [problem for problem in more if problem.path not in said]
        raise InvalidFileError(in_file_order(error.problems + more)) from None
    problems = check_routine(document, routine, catalog)
    if problems:
        raise InvalidFileError(in_file_order(problems))
    return routine


def in_file_order(problems: list[Problem]) -> list[Problem]:
    """Problems as a reader meets them, top to bottom (those without a line first)."""
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))


def _check_sound_steps(document: Document, catalog: Catalog) -> list[Problem]:
    """The checks against the catalog, for each step that is sound by itself."""
    import msgspec

    data = document.data
    steps = data.get("steps") if isinstance(data, dict) else None
    exercises = {exercise.id: exercise for exercise in catalog.exercises}
    problems: list[Problem] = []
    for index, raw in enumerate(steps if isinstance(steps, list) else []):
        try:
            step = msgspec.convert(raw, Step)
        except msgspec.ValidationError:
            continue  # said already
        problems += _check_step(document, index, step, exercises)
    return problems


def load_library(catalog_path: Path, routine_dirs: Iterable[tuple[Path, Origin]]) -> Library:
    """Load the catalog (which must be sound) and every routine file in the folders.

    Later folders win on equal ids, so pass the bundled folder first.
    """
    library = Library(load_catalog(catalog_path))
    routine_dirs = list(routine_dirs)
    catalogs = {catalog_path}
    for folder, origin in routine_dirs:  # the user's own exercises, before their routines
        own = folder / CATALOG_FILE
        if origin is Origin.USER and _holds_exercises(own):
            from .user_exercises import load_user_exercises

            exercises, problems = load_user_exercises(own, library.catalog, check_catalog)
            library.catalog = Catalog(exercises=[*library.catalog.exercises, *exercises])
            catalogs.add(own)
            if problems:
                library.broken.append(BrokenFile(own, origin, problems))
    by_id: dict[str, RoutineEntry] = {}
    for folder, origin in routine_dirs:
        listed = list_routine_files(folder)
        if listed.error is not None:
            message = f"cannot read the folder: {listed.error}; its routines are not shown"
            library.broken.append(
                BrokenFile(folder, origin, [Problem(display_path(folder), message)])
            )
        for path in listed.files:
            if path in catalogs:
                continue
            try:
                document = read_document(path)
                routine = routine_of(document, library.catalog)
            except InvalidFileError as error:
                library.broken.append(BrokenFile(path, origin, error.problems))
                continue
            earlier = by_id.get(routine.id)
            if earlier is not None and earlier.origin == origin:
                message = (
                    f"the id '{routine.id}' is already used by {display_path(earlier.path.name)} "
                    "in the same folder; give one of them another id"
                )
                problem = document.problem(("id",), message)
                library.broken.append(BrokenFile(path, origin, [problem]))
                continue
            shadows = earlier.path if earlier is not None else None
            by_id[routine.id] = RoutineEntry(routine, path, origin, shadows)
    library.routines = sorted(by_id.values(), key=lambda e: e.routine.title.casefold())
    return library


def _holds_exercises(path: Path) -> bool:
    """Whether the user's ``exercises.yaml`` is an exercise file (by what it holds: a
    routine of that name is read as a routine, as anywhere else)."""
    if not (path.exists() or path.is_symlink()):
        return False
    try:
        return file_kind(read_document(path)) is FileKind.CATALOG
    except InvalidFileError:
        return False  # said as a broken file when the routines are read


def routine_files(folder: Path) -> list[Path]:
    """The routine files of a folder (the bundled catalog beside them left out)."""
    return [p for p in list_routine_files(folder).files if p.name != CATALOG_FILE]


def check_catalog(document: Document, catalog: Catalog, mine: bool = False) -> list[Problem]:
    """``mine``: the user's own exercises, which may use pictures of their own."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, exercise in enumerate(catalog.exercises):
        at = ("exercises", index)
        for k_index, keyframe in enumerate(exercise.keyframes):
            if keyframe.file.startswith("images/") and not mine:
                message = "only your own exercises may use a picture from the images folder"
                problems.append(document.problem(at + ("keyframes", k_index, "file"), message))
        if exercise.id in seen:
            problems.append(document.problem(at + ("id",), f"duplicate id '{exercise.id}'"))
        seen.add(exercise.id)
        keyframe_ids = [k.id for k in exercise.keyframes]
        for k_index, keyframe_id in enumerate(keyframe_ids):
            if keyframe_id in keyframe_ids[:k_index]:
                message = f"duplicate keyframe id '{keyframe_id}'"
                problems.append(document.problem(at + ("keyframes", k_index, "id"), message))
        dose = exercise.default_dose
        if (dose.hold is None) == (dose.tempo is None):
            message = "give either 'hold' (seconds) or 'tempo' (phases), not both or neither"
            problems.append(document.problem(at + ("default_dose",), message))
        problems += _check_keyframes(document, at + ("default_dose",), dose, exercise)
    return problems + text_problems(document)


def check_routine(document: Document, routine: Routine, catalog: Catalog) -> list[Problem]:
    exercises = {exercise.id: exercise for exercise in catalog.exercises}
    problems: list[Problem] = []
    for index, step in enumerate(routine.steps):
        problems += _check_step(document, index, step, exercises)
    problems += text_problems(document)
    if not problems:
        problems += _check_size(document, routine, exercises)
    return problems


def _check_step(
    document: Document, index: int, step: Step, exercises: dict[str, Exercise]
) -> list[Problem]:
    at = ("steps", index)
    exercise = exercises.get(step.exercise)
    if exercise is None:
        hint = did_you_mean(step.exercise, exercises)
        message = f"no exercise with id '{step.exercise}' in the catalog{hint}"
        return [document.problem(at + ("exercise",), message)]
    problems = []
    if step.hold is not None and step.tempo is not None:
        message = "give either 'hold' or 'tempo', not both"
        problems.append(document.problem(at + ("tempo",), message))
    return problems + _check_keyframes(document, at, step, exercise)


def _check_size(
    document: Document, routine: Routine, exercises: dict[str, Exercise]
) -> list[Problem]:
    """A routine that would run for days, or take seconds to plan, is refused."""
    from .plan import plan_routine

    seconds = 0.0
    segments = 0
    for step in plan_routine(routine, exercises).steps:
        sides = 2 if step.sides.value in ("both", "alternating") else 1
        rep = sum(phase.seconds for phase in step.phases) + step.rest_between_reps
        seconds += sides * step.reps * rep + step.rest_between_sides + (step.prep or 0)
        segments += sides * step.reps * (len(step.phases) + 1) + 2
    seconds += routine.defaults.prep + routine.defaults.transition * len(routine.steps)
    if seconds > MAX_ROUTINE_SECONDS:
        hours = seconds / 3600
        message = (
            f"the routine would take about {hours:,.{1 if hours < 10 else 0}f} hours; "
            "a routine may take at most "
            f"{MAX_ROUTINE_SECONDS // 3600} hours (fewer reps, shorter holds or fewer steps)"
        )
        return [document.problem(("steps",), message)]
    if segments > MAX_ROUTINE_SEGMENTS:
        message = (
            f"the routine has about {segments} holds, phases and rests; at most "
            f"{MAX_ROUTINE_SEGMENTS} are allowed (fewer reps or phases)"
        )
        return [document.problem(("steps",), message)]
    return []


def _check_keyframes(
    document: Document, at: FieldPath, dose: Dose, exercise: Exercise
) -> list[Problem]:
    known = [k.id for k in exercise.keyframes]
    problems = []
    for p_index, phase in enumerate(dose.tempo or []):
        if phase.keyframe is not None and phase.keyframe not in known:
            message = (
                f"'{exercise.id}' has no keyframe '{phase.keyframe}'"
                f"{did_you_mean(phase.keyframe, known)}; it has: {', '.join(known)}"
            )
            problems.append(document.problem(at + ("tempo", p_index, "keyframe"), message))
    return problems
