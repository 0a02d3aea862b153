"""Small builders shared by the tests."""

from __future__ import annotations

from pathlib import Path

from backstretch_gui.core.library import load_catalog, load_routine
from backstretch_gui.core.model import Catalog
from backstretch_gui.core.plan import plan_routine
from backstretch_gui.core.preferences import TimingOverrides
from backstretch_gui.core.speech_plan import SpeechPace
from backstretch_gui.core.timeline import Timeline, compile_plan

DATA = Path(__file__).parent / "data"


def small_catalog() -> Catalog:
    return load_catalog(DATA / "exercises.yaml")


INSTANT = SpeechPace(1000.0)
"""Words that take no time to say: timing tests keep the routine's own get-ready times
(tests/core/test_speech_plan.py checks what a real pace does to them)."""


def compile_file(
    path: Path, catalog: Catalog | None = None, overrides: TimingOverrides | None = None
) -> Timeline:
    catalog = catalog or small_catalog()
    routine = load_routine(path, catalog)
    plan = plan_routine(routine, {e.id: e for e in catalog.exercises})
    return compile_plan(plan, overrides, pace=INSTANT)


def short_timeline(overrides: TimingOverrides | None = None) -> Timeline:
    """The short test routine, with its own times or with ``overrides``."""
    return compile_file(DATA / "short.yaml", overrides=overrides)


class FakeClock:
    """A monotonic clock that moves only when told."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
