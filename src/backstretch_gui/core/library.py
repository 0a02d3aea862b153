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
from .files import list_routine_files
from .model import Catalog, Dose, Exercise, Routine
from .problems import FieldPath, InvalidFileError, Problem, did_you_mean
from .yamldoc import Document, read_document

CATALOG_FILE = "exercises.yaml"


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


def load_catalog(path: Path) -> Catalog:
    document = read_document(path)
    catalog = decode(document, Catalog)
    problems = check_catalog(document, catalog)
    if problems:
        raise InvalidFileError(problems)
    return catalog


def load_routine(path: Path, catalog: Catalog) -> Routine:
    document = read_document(path)
    routine = decode(document, Routine)
    problems = check_routine(document, routine, catalog)
    if problems:
        raise InvalidFileError(problems)
    return routine


def load_library(catalog_path: Path, routine_dirs: Iterable[tuple[Path, Origin]]) -> Library:
    """Load the catalog (which must be sound) and every routine file in the folders.

    Later folders win on equal ids, so pass the bundled folder first.
    """
    library = Library(load_catalog(catalog_path))
    by_id: dict[str, RoutineEntry] = {}
    for folder, origin in routine_dirs:
        for path in routine_files(folder):
            try:
                routine = load_routine(path, library.catalog)
            except InvalidFileError as error:
                library.broken.append(BrokenFile(path, origin, error.problems))
                continue
            earlier = by_id.get(routine.id)
            if earlier is not None and earlier.origin == origin:
                message = f"another file has the same id '{routine.id}': {earlier.path}"
                problem = Problem(str(path), message, path="id")
                library.broken.append(BrokenFile(path, origin, [problem]))
                continue
            shadows = earlier.path if earlier is not None else None
            by_id[routine.id] = RoutineEntry(routine, path, origin, shadows)
    library.routines = sorted(by_id.values(), key=lambda e: e.routine.title.casefold())
    return library


def routine_files(folder: Path) -> list[Path]:
    """The routine files of a folder (the bundled catalog beside them left out)."""
    return [p for p in list_routine_files(folder).files if p.name != CATALOG_FILE]


def check_catalog(document: Document, catalog: Catalog) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, exercise in enumerate(catalog.exercises):
        at = ("exercises", index)
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
    return problems


def check_routine(document: Document, routine: Routine, catalog: Catalog) -> list[Problem]:
    exercises = {exercise.id: exercise for exercise in catalog.exercises}
    problems: list[Problem] = []
    for index, step in enumerate(routine.steps):
        at = ("steps", index)
        exercise = exercises.get(step.exercise)
        if exercise is None:
            hint = did_you_mean(step.exercise, exercises)
            message = f"no exercise with id '{step.exercise}' in the catalog{hint}"
            problems.append(document.problem(at + ("exercise",), message))
            continue
        if step.hold is not None and step.tempo is not None:
            message = "give either 'hold' or 'tempo', not both"
            problems.append(document.problem(at + ("tempo",), message))
        problems += _check_keyframes(document, at, step, exercise)
    return problems


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
