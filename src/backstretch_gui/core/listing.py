"""The routine listing, remembered between runs while no routine file has changed.

``backstretch list`` and the picker both start from this listing: every routine with
what the picker shows of it (title, duration, exercises with their doses, cautions).
Beside it the cache keeps every routine's plan (core/plan.py), from which the window
runs a session. Reading and validating the files needs PyYAML and msgspec, whose imports alone cost
more than the rest of a cached ``list``; so the listing is kept in the cache folder
under a fingerprint of every file it came from (path, size, modification time and a
hash of its content, since editors and sync tools may keep the first three) and the
app's version, and is rebuilt whenever any of them differs.

A cache is a cache: one that cannot be read or written, or whose content has another
shape than this code writes, is rebuilt or done without, never an error.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from .. import __version__
from . import resources
from .files import UnreadableFileError, list_routine_files, read_limited
from .listing_rows import Listing, listing_from_data
from .paths import user_cache_dir, user_routines_dir

try:  # hashlib's own BLAKE2, without hashlib's import of OpenSSL (~5 ms of `list`)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

TYPE_CHECKING = False  # spares the `typing` import on the quick path
if TYPE_CHECKING:
    from typing import Any

    from .library import Library
    from .plan import RoutinePlan

CACHE_FILE = "routine-list.json"
LISTING_FORMAT = 8
"""Bump when the rows change shape, so old caches are rebuilt."""

Folders = list[tuple[Path, str]]


def default_sources() -> tuple[Path, Folders]:
    """The bundled catalog, and the bundled then the user's routine folders."""
    folders = [(resources.routines_dir(), "bundled"), (user_routines_dir(), "user")]
    return resources.catalog_path(), folders


def fingerprint(catalog: Path, folders: Folders) -> list[Any]:
    """Every file the listing is read from, as the library selects them, each with
    its size, time and content hash; a change of any of them makes a new one."""
    files: list[Any] = [__version__, LISTING_FORMAT, _identity(catalog)]
    for folder, origin in folders:
        listed = list_routine_files(folder)
        files.append([origin, str(folder), listed.error])
        files += [_identity(path) for path in listed.files]
    return files


def _identity(path: Path) -> list[Any]:
    try:
        stat = path.stat()
        content = blake2b(read_limited(path), digest_size=16).hexdigest()
    except (OSError, UnreadableFileError) as error:
        return [str(path), str(error)]
    return [str(path), stat.st_size, stat.st_mtime_ns, content]


def routine_listing(catalog: Path | None = None, folders: Folders | None = None) -> Listing:
    """Every routine and every file that could not be read, from the cache when it is
    current."""
    return listing_from_data(_current(catalog, folders)["listing"])


def routine_plan(
    routine_id: str, catalog: Path | None = None, folders: Folders | None = None
) -> RoutinePlan | None:
    """The plan of the listed routine with this id (None if there is none), from the
    cache when it is current: a session starts without reading any YAML."""
    from .plan import plan_from_data

    for rebuild in (False, True):
        data = _current(catalog, folders, rebuild)["plans"].get(routine_id)
        if data is None:
            return None
        try:
            return plan_from_data(data)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
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
            cached = json.loads(read_limited(cache, MAX_CACHE_BYTES))
        except (UnreadableFileError, ValueError, RecursionError):
            cached = None  # missing or damaged: rebuild it
        if isinstance(cached, dict) and cached.get("fingerprint") == key and _sound(cached):
            return cached
    listing, plans = build_listing(load(catalog, folders))
    content = {"fingerprint": key, "listing": listing, "plans": plans}
    from .atomic import write_text_atomically

    with contextlib.suppress(OSError):  # a read-only home still gets its listing, slower
        write_text_atomically(cache, json.dumps(content))
    return content


MAX_CACHE_BYTES = 50_000_000
PAIR = "two texts"
ROW_TYPES: dict[str, Any] = {
    "id": str,
    "title": str,
    "duration_seconds": (int, float),
    "exercises": int,
    "steps": int,
    "tags": [str],
    "file": str,
    "origin": str,
    "shadows": (str, type(None)),
    "summary": str,
    "source": (str, type(None)),
    "positions": [str],
    "thumbnail": str,
    "doses": [PAIR],
    "cautions": [PAIR],
    "how_to": [PAIR],
}
"""The shape of a listed routine, as ``build_listing`` writes it."""
INVALID_TYPES: dict[str, Any] = {"file": str, "origin": str, "errors": [str]}


def _sound(cached: dict[str, Any]) -> bool:
    """Whether a cache read back has the shape this code writes, to the last field."""
    listing, plans = cached.get("listing"), cached.get("plans")
    if not (isinstance(listing, dict) and isinstance(plans, dict)):
        return False
    return _rows(listing.get("routines"), ROW_TYPES) and _rows(
        listing.get("invalid"), INVALID_TYPES
    )


def _rows(rows: object, types: dict[str, Any]) -> bool:
    return isinstance(rows, list) and all(
        isinstance(row, dict)
        and row.keys() == types.keys()
        and all(_fits(row[name], kind) for name, kind in types.items())
        for row in rows
    )


def _fits(value: object, kind: Any) -> bool:
    if kind is PAIR:
        return isinstance(value, list) and len(value) == 2 and all(_fits(v, str) for v in value)
    if isinstance(kind, list):  # a list of items of kind[0]
        return isinstance(value, list) and all(_fits(item, kind[0]) for item in value)
    return isinstance(value, kind) and not isinstance(value, bool)


def load(catalog: Path, folders: Folders) -> Library:
    """The full library (typed routines and catalog) from the same files."""
    from .library import Origin, load_library

    return load_library(catalog, [(folder, Origin(origin)) for folder, origin in folders])


def build_listing(library: Library) -> tuple[dict[str, Any], dict[str, Any]]:
    """The picker's listing, and each listed routine's plan by id."""
    from . import describe
    from .plan import plan_routine, plan_to_data
    from .timeline import compile_plan

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
                "how_to": [list(pair) for pair in describe.how_to(routine, exercises)],
            }
        )
    invalid = [
        {"file": str(b.path), "origin": b.origin.value, "errors": [str(p) for p in b.problems]}
        for b in library.broken
    ]
    return {"routines": rows, "invalid": invalid}, plans
