"""Problems of a draft in the form's own words: "Step 3 (Cat-cow), reps: ..."."""

from __future__ import annotations

import re

from ..core.problems import Problem
from ..services.routine_draft import RoutineDraft

FIELD_WORDS = {
    "title": "Title",
    "summary": "Summary",
    "tags": "Tags",
    "id": "Id",
    "steps": "Steps",
    "sides": "sides",
    "reps": "repetitions",
    "hold": "hold",
    "tempo": "phases",
    "cue": "cue",
    "seconds": "seconds",
    "breath": "breath",
    "keyframe": "picture",
    "rest_between_reps": "rest between reps",
    "rest_between_sides": "rest between sides",
    "prep": "get ready",
    "transition": "change position",
    "exercise": "exercise",
    "defaults": "Defaults",
}
PLAINER = {
    "expected text of at least 1 character": "write something here",
    "missing required field 'title'": "give the routine a title",
    "missing required field 'steps'": "add at least one step",
}
_PART = re.compile(r"([A-Za-z_]+)|\[(\d+)\]")


def problem_words(problem: Problem, draft: RoutineDraft) -> str:
    """The problem said for the form: where (by step number and name), then what."""
    parts: list[str] = []
    tokens = _PART.findall(problem.path)
    index = 0
    while index < len(tokens):
        name, number = tokens[index]
        if name == "steps" and index + 1 < len(tokens) and tokens[index + 1][1]:
            row = int(tokens[index + 1][1])
            exercise = draft.exercise_of(row)
            called = f" ({exercise.name})" if exercise is not None else ""
            parts.append(f"Step {row + 1}{called}")
            index += 2
            continue
        if name == "tempo" and index + 1 < len(tokens) and tokens[index + 1][1]:
            parts.append(f"phase {int(tokens[index + 1][1]) + 1}")
            index += 2
            continue
        if name:
            parts.append(FIELD_WORDS.get(name, name.replace("_", " ")))
        elif number:
            parts.append(f"item {int(number) + 1}")
        index += 1
    where = ", ".join(parts)
    message = PLAINER.get(problem.message, problem.message)
    if problem.path == "steps" and message.startswith("expected a list of at least 1"):
        return "Steps: add at least one step."
    return f"{where}: {message}" if where else message
