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
