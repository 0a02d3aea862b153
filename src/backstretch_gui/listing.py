"""The routine listing, remembered between runs while no routine file has changed.

``backstretch list`` and the picker both start from this listing: every routine with
what the picker shows of it (title, duration, exercises with their doses, cautions).
Beside it the cache keeps every routine's plan (core/plan.py), from which the window
runs a session. Reading and validating the files needs PyYAML and msgspec, whose imports alone cost
more than the rest of a cached ``list``; so the listing is kept in the cache folder
under a fingerprint of every file it came from (path, size, modification time) and
the app's version, and is rebuilt whenever any of them differs.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from . import __version__, resources
from .core.paths import user_cache_dir, user_routines_dir

TYPE_CHECKING = False  # spares the `typing` import on the quick path
if TYPE_CHECKING:
    from typing import Any

    from .core.library import Library
    from .core.plan import RoutinePlan

CACHE_FILE = "routine-list.json"
LISTING_FORMAT = 3
"""Bump when the rows change shape, so old caches are rebuilt."""

Folders = list[tuple[Path, str]]


def default_sources() -> tuple[Path, Folders]:
    """The bundled catalog, and the bundled then the user's routine folders."""
    folders = [(resources.routines_dir(), "bundled"), (user_routines_dir(), "user")]
    return resources.catalog_path(), folders


def fingerprint(catalog: Path, folders: Folders) -> list[Any]:
    files: list[Any] = [__version__, LISTING_FORMAT, _stat(catalog)]
    for folder, origin in folders:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            files.append([origin, str(folder), None])
            continue
        for entry in entries:
            if entry.name.endswith((".yaml", ".yml")):
                files.append([origin, *_stat(Path(entry.path))])
    return files


def _stat(path: Path) -> list[Any]:
    try:
        stat = path.stat()
    except OSError:
        return [str(path), None, None]
    return [str(path), stat.st_size, stat.st_mtime_ns]


def routine_listing(catalog: Path | None = None, folders: Folders | None = None) -> dict[str, Any]:
    """``{"routines": [...], "invalid": [...]}``, from the cache when it is current."""
    return dict(_current(catalog, folders)["listing"])


def routine_plan(
    routine_id: str, catalog: Path | None = None, folders: Folders | None = None
) -> RoutinePlan | None:
    """The plan of the listed routine with this id (None if there is none), from the
    cache when it is current: a session starts without reading any YAML."""
    from .core.plan import plan_from_data

    for rebuild in (False, True):
        data = _current(catalog, folders, rebuild)["plans"].get(routine_id)
        if data is None:
            return None
        try:
            return plan_from_data(data)
        except (KeyError, TypeError, ValueError):
            continue  # a damaged cache that kept its fingerprint: rebuild it once
    return None


def _current(catalog: Path | None, folders: Folders | None, rebuild: bool = False) -> Any:
    """The cache's content, ``{"fingerprint", "listing", "plans"}``, rebuilt if stale."""
    if catalog is None or folders is None:
        catalog, folders = default_sources()
    key = fingerprint(catalog, folders)
    cache = user_cache_dir() / CACHE_FILE
    if not rebuild:
        try:
            cached = json.loads(cache.read_text(encoding="utf-8"))
            if (
                cached.get("fingerprint") == key
                and isinstance(cached.get("listing"), dict)
                and isinstance(cached.get("plans"), dict)
            ):
                return cached
        except (OSError, ValueError, AttributeError):
            pass  # missing or damaged: rebuild it
    listing, plans = build_listing(load(catalog, folders))
    content = {"fingerprint": key, "listing": listing, "plans": plans}
    from .core.atomic import write_text_atomically

    with contextlib.suppress(OSError):  # a read-only home still gets its listing, slower
        write_text_atomically(cache, json.dumps(content))
    return content


def load(catalog: Path, folders: Folders) -> Library:
    """The full library (typed routines and catalog) from the same files."""
    from .core.library import Origin, load_library

    return load_library(catalog, [(folder, Origin(origin)) for folder, origin in folders])


def build_listing(library: Library) -> tuple[dict[str, Any], dict[str, Any]]:
    """The picker's listing, and each listed routine's plan by id."""
    from .core import describe
    from .core.plan import plan_routine, plan_to_data
    from .core.timeline import compile_plan

    exercises = library.exercises
    rows = []
    plans = {}
    for entry in library.routines:
        routine = entry.routine
        plan = plan_routine(routine, exercises)
        plans[routine.id] = plan_to_data(plan)
        names = [step.exercise.name for step in plan.steps]
        rows.append(
            {
                "id": routine.id,
                "title": routine.title,
                "duration_seconds": compile_plan(plan).total_seconds,
                "exercises": len(set(names)),
                "steps": len(routine.steps),
                "tags": routine.tags,
                "file": str(entry.path),
                "origin": entry.origin.value,
                "shadows": str(entry.shadows) if entry.shadows else None,
                "summary": routine.summary,
                "source": routine.source,
                "positions": describe.positions(routine, exercises),
                "thumbnail": plan.steps[0].exercise.keyframes[-1].file,
                "doses": [
                    [step.exercise.name, describe.describe_step(step)] for step in plan.steps
                ],
                "cautions": [list(pair) for pair in describe.cautions(routine, exercises)],
            }
        )
    invalid = [
        {"file": str(b.path), "origin": b.origin.value, "errors": [str(p) for p in b.problems]}
        for b in library.broken
    ]
    return {"routines": rows, "invalid": invalid}, plans
