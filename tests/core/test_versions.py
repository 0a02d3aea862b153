"""Versioned files: newer ones refused, older ones migrated step by step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from backstretch_gui.core import decode
from backstretch_gui.core.library import load_routine
from backstretch_gui.core.problems import InvalidFileError

from helpers import DATA, small_catalog


def test_a_file_without_version_is_read_as_the_current_one(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text((DATA / "short.yaml").read_text().replace("version: 1\n", ""))
    assert load_routine(path, small_catalog()).version == 1


def test_a_newer_file_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text((DATA / "short.yaml").read_text().replace("version: 1", "version: 3"))
    with pytest.raises(InvalidFileError) as caught:
        load_routine(path, small_catalog())
    assert str(caught.value) == (
        f"{path}:1:1: version: this file is written for format version 3, but this "
        "Backstretch reads versions up to 1; update Backstretch to open it"
    )


def test_an_older_file_is_migrated_before_it_is_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def rename_hold_seconds(data: dict[str, Any]) -> dict[str, Any]:
        for step in data.get("steps", []):
            if "hold_seconds" in step:
                step["hold"] = step.pop("hold_seconds")
        return data

    monkeypatch.setattr(decode, "FORMAT_VERSION", 2)
    monkeypatch.setattr(decode, "MIGRATIONS", {1: rename_hold_seconds})
    path = tmp_path / "r.yaml"
    text = (DATA / "short.yaml").read_text()
    path.write_text(text.replace("- exercise: reach", "- exercise: reach\n    hold_seconds: 12"))
    routine = load_routine(path, small_catalog())
    assert routine.version == 2
    assert routine.steps[2].hold == 12
