"""States of the cache that a test can put it in: damaged content with the current
fingerprint, and folders or files where they should not be. Shared by the command-line
and the window's tests."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from backstretch_gui.core import listing
from backstretch_gui.core.paths import user_cache_dir


def cache_file() -> Path:
    return user_cache_dir() / listing.CACHE_FILE


def damage(change: Callable[[dict], None]) -> None:  # type: ignore[type-arg]
    listing.routine_listing()
    content = json.loads(cache_file().read_text())
    change(content)
    cache_file().write_text(json.dumps(content))


def drop_key(content: dict) -> None:  # type: ignore[type-arg]
    del content["listing"]["routines"][0]["shadows"]


def set_row(name: str, value: object) -> Callable[[dict], None]:  # type: ignore[type-arg]
    def change(content: dict) -> None:  # type: ignore[type-arg]
        content["listing"]["routines"][0][name] = value

    return change


DAMAGE: dict[str, Callable[[dict], None]] = {  # type: ignore[type-arg]
    "a row without 'shadows'": drop_key,
    "a duration that is text": set_row("duration_seconds", "4:05"),
    "a thumbnail that is not text": set_row("thumbnail", 7),
    "doses that are not pairs of text": set_row("doses", [[1, 2]]),
    "a row that is a list": lambda c: c["listing"]["routines"].__setitem__(0, []),
    "routines that are not a list": lambda c: c["listing"].__setitem__("routines", {}),
    "damaged invalid entries": lambda c: c["listing"].__setitem__("invalid", [{"file": 1}]),
    "plans that are a list": lambda c: c.__setitem__("plans", []),
    "a plan of another shape": lambda c: c["plans"].__setitem__("desk-break", {"steps": 3}),
    "a plan whose steps are text": lambda c: c["plans"]["desk-break"].__setitem__("steps", "x"),
    "the top is a list": lambda c: (c.clear(), c.update({"fingerprint": []})),
}


STATES: dict[str, Callable[[Path], None]] = {
    "the cache file is a folder": lambda cache: (cache / listing.CACHE_FILE).mkdir(parents=True),
    "the cache folder is a file": lambda cache: (
        cache.parent.mkdir(parents=True, exist_ok=True),
        cache.write_text("not a folder"),
    ),
    "the cache file is a named pipe": lambda cache: (
        cache.mkdir(parents=True),
        os.mkfifo(cache / listing.CACHE_FILE),
    ),
    "the cache file is garbage": lambda cache: (
        cache.mkdir(parents=True),
        (cache / listing.CACHE_FILE).write_bytes(b"\xff\x00[[[" * 1000),
    ),
    "the cache file is deeply nested JSON": lambda cache: (
        cache.mkdir(parents=True),
        (cache / listing.CACHE_FILE).write_text("[" * 100_000),
    ),
}
