"""The catalog as a person on the floor needs it: cautions that speak of pain, and a
first instruction that says how to start."""

from __future__ import annotations

import re

from backstretch_gui.core.library import load_catalog
from backstretch_gui.core.resources import catalog_path

CATALOG = load_catalog(catalog_path())
STARTING_POSITION = re.compile(r"^(Lie|Sit|Stand|Kneel|Come onto)\b")


def test_every_exercise_has_cautions_and_one_speaks_of_pain() -> None:
    for exercise in CATALOG.exercises:
        assert len(exercise.cautions) >= 2, exercise.id
        assert any(re.search(r"\b(pain|hurts?)\b", c) for c in exercise.cautions), exercise.id


def test_every_first_instruction_names_a_starting_position() -> None:
    for exercise in CATALOG.exercises:
        assert STARTING_POSITION.match(exercise.instructions[0]), exercise.id


def test_the_cautions_the_articles_call_for_are_there() -> None:
    cautions = {e.id: " ".join(e.cautions) for e in CATALOG.exercises}
    for exercise in ("bridge", "cat-cow", "standing-hamstring-stretch"):
        assert "pins and needles" in cautions[exercise] and "numbness" in cautions[exercise]
    assert "disc herniation" in cautions["supine-hamstring-stretch"]
    assert "shoulder" in cautions["seated-back-extension"]
    assert "bounce" in cautions["knee-to-opposite-shoulder"]
