"""The command line, run as a person would: a real process, real bundled files."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from backstretch_gui import __version__
from backstretch_gui.core import resources

from helpers import DATA

ROUTINE_IDS = {
    "three-easy-back-stretches",
    "morning-knee-to-chest",
    "desk-break",
    "lower-back-floor",
    "hips-and-hamstrings",
    "lumbar-stabilisation-starter",
    "decompression-break",
    "neck-and-upper-back",
    "from-the-neck-down",
}


def backstretch(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "backstretch_gui", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_version_and_help() -> None:
    assert backstretch("--version").stdout.strip() == f"backstretch {__version__}"
    help_text = backstretch("--help").stdout
    for command in ("list", "exercises", "validate", "plan"):
        assert command in help_text


def test_list_shows_the_nine_routines_with_durations() -> None:
    result = backstretch("list", "--json")
    assert result.returncode == 0, result.stderr
    listing = json.loads(result.stdout)
    rows = {row["id"]: row for row in listing["routines"]}
    assert set(rows) == ROUTINE_IDS
    for row in rows.values():
        assert 60 <= row["duration_seconds"] <= 20 * 60
        assert row["exercises"] >= 1
        assert row["origin"] == "bundled"
        assert Path(row["file"]).is_file()
    assert listing["invalid"] == []
    text = backstretch("list").stdout
    assert "three-easy-back-stretches" in text and "5:29" in text


def test_list_shows_a_broken_user_routine_with_its_error(isolated_user_dirs: Path) -> None:
    folder = isolated_user_dirs / "routines"
    folder.mkdir(parents=True)
    (folder / "broken.yaml").write_text("id: x\ntitle: [\n")
    shutil.copy(resources.routines_dir() / "desk-break.yaml", folder / "my-desk.yaml")
    listing = json.loads(backstretch("list", "--json").stdout)
    assert len(listing["routines"]) == len(ROUTINE_IDS)
    desk = next(r for r in listing["routines"] if r["id"] == "desk-break")
    assert desk["origin"] == "user" and desk["shadows"].endswith("desk-break.yaml")
    [broken] = listing["invalid"]
    assert broken["file"].endswith("broken.yaml")
    assert "broken.yaml:3:1: not valid YAML" in broken["errors"][0]
    text = backstretch("list").stdout
    assert "invalid:" in text and "replaces the bundled one" in text


def test_exercises_lists_the_catalog_with_illustration_paths() -> None:
    rows = json.loads(backstretch("exercises", "--json").stdout)
    assert len(rows) >= 18
    for row in rows:
        assert row["position"] in ("floor", "chair", "standing")
        assert row["illustrations"]
        assert all(p.endswith(".svg") for p in row["illustrations"])


def test_validate_passes_every_bundled_file() -> None:
    files = sorted(str(p) for p in resources.routines_dir().glob("*.yaml"))
    result = backstretch("validate", *files)
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""


def test_validate_names_file_line_column_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text((DATA / "short.yaml").read_text().replace("knee-hug", "knee-to-chets"))
    result = backstretch("validate", str(bad), str(resources.routines_dir() / "desk-break.yaml"))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{bad}:8:5: steps[0].exercise: no exercise with id 'knee-to-chets' in the catalog "
        "(did you mean 'knee-to-chest'?)",
        f"{bad}:9:5: steps[1].exercise: no exercise with id 'roll-up' in the catalog "
        "(did you mean 'spinal-roll-up'?)",
        f"{bad}:11:5: steps[2].exercise: no exercise with id 'reach' in the catalog",
    ]


def test_plan_shows_sides_reps_and_the_switch_cue() -> None:
    result = backstretch("plan", "three-easy-back-stretches", "--json")
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    segments = plan["segments"]
    assert {s["side"] for s in segments} >= {"left", "right"}
    assert max(s["reps"] for s in segments) > 1
    spoken = [c["text"] for s in segments for c in s["cues"] if c["kind"] == "speech"]
    assert any(text.startswith("Switch sides") for text in spoken)
    assert plan["total_seconds"] == sum(s["seconds"] for s in segments)
    speech = [c for s in segments for c in s["cues"] if c["kind"] == "speech"]
    assert all(c["duration"] > 0 for c in speech)  # how long each phrase takes to say
    table = backstretch("plan", "three-easy-back-stretches").stdout
    assert table.splitlines()[0] == "Three easy back stretches: 5:29 in all"


def test_plan_takes_a_path_and_refuses_unknown_ids() -> None:
    path = resources.routines_dir() / "desk-break.yaml"
    assert backstretch("plan", str(path)).returncode == 0
    result = backstretch("plan", "desk-brake")
    assert result.returncode == 1
    assert "no routine with id 'desk-brake' (did you mean 'desk-break'?)" in result.stderr


def test_list_notices_every_change_to_a_routine_file(isolated_user_dirs: Path) -> None:
    folder = isolated_user_dirs / "routines"
    folder.mkdir(parents=True)
    mine = folder / "mine.yaml"
    text = (resources.routines_dir() / "desk-break.yaml").read_text()
    mine.write_text(text.replace("id: desk-break", "id: mine"))
    assert "mine" in backstretch("list").stdout
    mine.write_text(
        text.replace("id: desk-break", "id: mine").replace("title: Desk break", "title: Renamed")
    )
    assert "Renamed" in backstretch("list").stdout
    mine.unlink()
    assert "mine" not in backstretch("list").stdout
    cache = isolated_user_dirs / "cache" / "routine-list.json"
    cache.write_text("{damaged")
    assert backstretch("list").returncode == 0
    assert cache.read_text().startswith('{"fingerprint"')
