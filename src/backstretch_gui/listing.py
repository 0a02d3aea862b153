"""The routine listing, remembered between runs while no routine file has changed.

``backstretch list`` is often typed to check a routine just saved, so it must feel
instant. Reading and validating every file needs PyYAML and msgspec, whose imports
alone cost more than the rest of the command; so the listing is kept in the cache
folder under a fingerprint of every file it came from (path, size, modification
time) and the app's version, and is rebuilt whenever any of them differs.
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

CACHE_FILE = "routine-list.json"


def routine_folders() -> list[tuple[Path, str]]:
    return [(resources.routines_dir(), "bundled"), (user_routines_dir(), "user")]


def fingerprint(folders: list[tuple[Path, str]]) -> list[Any]:
    files: list[Any] = [__version__]
    for folder, origin in folders:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            files.append([origin, str(folder), None])
            continue
        for entry in entries:
            if entry.name.endswith((".yaml", ".yml")):
                stat = entry.stat()
                files.append([origin, entry.path, stat.st_size, stat.st_mtime_ns])
    return files


def routine_listing() -> dict[str, Any]:
    """``{"routines": [...], "invalid": [...]}``, from the cache when it is current."""
    folders = routine_folders()
    key = fingerprint(folders)
    cache = user_cache_dir() / CACHE_FILE
    try:
        cached = json.loads(cache.read_text(encoding="utf-8"))
        if cached.get("fingerprint") == key:
            return dict(cached["listing"])
    except (OSError, ValueError, AttributeError, KeyError, TypeError):
        pass  # missing or damaged: rebuild it
    listing = build_listing(folders)
    from .core.atomic import write_text_atomically

    with contextlib.suppress(OSError):  # a read-only home still gets its listing, slower
        write_text_atomically(cache, json.dumps({"fingerprint": key, "listing": listing}))
    return listing


def build_listing(folders: list[tuple[Path, str]]) -> dict[str, Any]:
    from .core.library import Origin, load_library
    from .core.timeline import compile_routine

    library = load_library(
        resources.catalog_path(), [(folder, Origin(origin)) for folder, origin in folders]
    )
    rows = []
    for entry in library.routines:
        routine = entry.routine
        timeline = compile_routine(routine, library.exercises)
        rows.append(
            {
                "id": routine.id,
                "title": routine.title,
                "duration_seconds": timeline.total_seconds,
                "exercises": len({step.exercise for step in routine.steps}),
                "steps": len(routine.steps),
                "tags": routine.tags,
                "file": str(entry.path),
                "origin": entry.origin.value,
                "shadows": str(entry.shadows) if entry.shadows else None,
            }
        )
    invalid = [
        {"file": str(b.path), "origin": b.origin.value, "errors": [str(p) for p in b.problems]}
        for b in library.broken
    ]
    return {"routines": rows, "invalid": invalid}
