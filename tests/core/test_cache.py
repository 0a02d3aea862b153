"""The cache is a cache: any state of it means "rebuild it, or work without it", and a
changed file is always seen, even when its size and modification time stayed."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from backstretch_gui.cli import run_command
from backstretch_gui.core import listing, resources
from backstretch_gui.core.paths import user_cache_dir

from cache_states import DAMAGE, STATES, damage

MINE = (
    (resources.routines_dir() / "desk-break.yaml")
    .read_text()
    .replace("id: desk-break", "id: mine")
    .replace("title: Desk break", "title: Mine")
)


def listed_ids() -> list[str]:
    """The ids `list` prints, after `list --json` has printed them too."""
    out = io.StringIO()
    assert run_command(["list", "--json"], out) == 0
    ids = [row["id"] for row in json.loads(out.getvalue())["routines"]]
    out = io.StringIO()
    assert run_command(["list"], out) == 0
    assert [line.split()[0] for line in out.getvalue().splitlines()] == ids
    return ids


@pytest.mark.parametrize("name", DAMAGE)
def test_a_damaged_cache_with_the_current_fingerprint_is_rebuilt(name: str) -> None:
    damage(DAMAGE[name])
    assert "desk-break" in listed_ids()
    plan = listing.routine_plan("desk-break")
    assert plan is not None and plan.title == "Desk break"


@pytest.mark.parametrize("name", STATES)
def test_no_state_of_the_cache_folder_is_an_error(name: str) -> None:
    STATES[name](user_cache_dir())
    for _ in range(2):  # built, then read back (or built again)
        assert "desk-break" in listed_ids()
        assert listing.routine_plan("desk-break") is not None


def test_an_unreadable_cache_is_done_without(monkeypatch: pytest.MonkeyPatch) -> None:
    listing.routine_listing()
    real_open = os.open

    def refusing(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).startswith(str(user_cache_dir())):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)
    assert "desk-break" in listed_ids()


def test_an_edit_that_keeps_size_and_time_is_seen(isolated_user_dirs: Path) -> None:
    folder = isolated_user_dirs / "routines"
    folder.mkdir(parents=True)
    path = folder / "mine.yaml"
    path.write_text(MINE.replace("reps", "reps"))
    listing.routine_listing()
    plan = listing.routine_plan("mine")
    assert plan is not None and plan.title == "Mine"
    before = path.stat()
    path.write_text(MINE.replace("title: Mine", "title: Yrs!"))  # the same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    plan = listing.routine_plan("mine")
    assert plan is not None and plan.title == "Yrs!"
    titles = [row.title for row in listing.routine_listing().routines]
    assert "Yrs!" in titles and "Mine" not in titles


def test_a_changed_catalog_is_seen(tmp_path: Path) -> None:
    catalog = tmp_path / "exercises.yaml"
    shutil.copy(resources.catalog_path(), catalog)
    bundled = tmp_path / "bundled"
    bundled.mkdir()
    shutil.copy(resources.routines_dir() / "desk-break.yaml", bundled)
    folders = [(bundled, "bundled")]
    assert listing.routine_listing(catalog, folders).routines[0].title == "Desk break"
    text = catalog.read_text()
    before = catalog.stat()
    name = "name: Seated back extension"
    assert name in text
    catalog.write_text(text.replace(name, "name: Seated back extensio!"))
    os.utime(catalog, ns=(before.st_atime_ns, before.st_mtime_ns))
    plan = listing.routine_plan("desk-break", catalog, folders)
    assert plan is not None
    assert "Seated back extensio!" in [step.exercise.name for step in plan.steps]


NO_PASSWD_ENTRY = """
import pwd, runpy, sys

def unknown(uid):
    raise KeyError(f"getpwuid(): uid not found: {uid}")

pwd.getpwuid = unknown  # as for a user id with no passwd entry
sys.argv = ["backstretch", *sys.argv[1:]]
runpy.run_module("backstretch_gui", run_name="__main__")
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="no passwd on Windows")
def test_no_home_and_no_passwd_entry(tmp_path: Path) -> None:
    """Some containers run with no HOME and a user id that has no passwd entry: with the
    XDG folders set, the home folder is never needed."""
    folders = {name: tmp_path / name for name in ("data", "cache", "config")}
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("HOME", "BACKSTRETCH_DATA_DIR", "XDG_RUNTIME_DIR")
    }
    env.update(
        XDG_DATA_HOME=str(folders["data"]),
        XDG_CACHE_HOME=str(folders["cache"]),
        XDG_CONFIG_HOME=str(folders["config"]),
        QT_QPA_PLATFORM="offscreen",
    )
    for args in (["list"], ["--smoke-test"]):
        result = subprocess.run(
            [sys.executable, "-c", NO_PASSWD_ENTRY, *args],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
        )
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
    assert (folders["cache"] / "backstretch" / listing.CACHE_FILE).is_file()


def test_without_any_home_a_temporary_folder_stands_in(monkeypatch: pytest.MonkeyPatch) -> None:
    from backstretch_gui.core import paths

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("BACKSTRETCH_DATA_DIR")
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setattr(Path, "home", no_home)
    assert "backstretch-home-" in str(paths.user_data_dir())


def test_the_cache_checks_every_field_the_rows_have() -> None:
    from backstretch_gui.core.listing_rows import BrokenRow, RoutineRow

    assert tuple(listing.ROW_TYPES) == RoutineRow._fields
    assert tuple(listing.INVALID_TYPES) == BrokenRow._fields
