"""Small builders shared by the tests."""

from __future__ import annotations

from pathlib import Path

from backstretch_gui.core.library import load_catalog, load_routine
from backstretch_gui.core.model import Catalog
from backstretch_gui.core.timeline import Timeline, compile_routine

DATA = Path(__file__).parent / "data"


def small_catalog() -> Catalog:
    return load_catalog(DATA / "exercises.yaml")


def compile_file(path: Path, catalog: Catalog | None = None) -> Timeline:
    catalog = catalog or small_catalog()
    routine = load_routine(path, catalog)
    return compile_routine(routine, {e.id: e for e in catalog.exercises})


def short_timeline() -> Timeline:
    return compile_file(DATA / "short.yaml")


class FakeClock:
    """A monotonic clock that moves only when told."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
