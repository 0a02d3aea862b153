"""The routine library: bundled plus user files; broken files never hide good ones."""

from __future__ import annotations

import shutil
from pathlib import Path

from backstretch_gui.core.library import Origin, load_library
from backstretch_gui.core.paths import (
    user_cache_dir,
    user_config_dir,
    user_data_dir,
    user_routines_dir,
)

from helpers import DATA


def library_with(user_dir: Path):  # type: ignore[no-untyped-def]
    return load_library(DATA / "exercises.yaml", [(DATA, Origin.BUNDLED), (user_dir, Origin.USER)])


def test_the_test_data_loads(tmp_path: Path) -> None:
    library = library_with(tmp_path)
    assert [e.routine.id for e in library.routines] == ["short", "tiny"]
    assert library.broken == []


def test_a_broken_user_file_is_listed_beside_the_good_ones(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(
        (DATA / "short.yaml").read_text().replace("id: short", "id: good")
    )
    (tmp_path / "broken.yaml").write_text("id: [oops\n")
    (tmp_path / "notes.txt").write_text("not a routine")
    library = library_with(tmp_path)
    assert {e.routine.id for e in library.routines} == {"short", "tiny", "good"}
    assert [b.path.name for b in library.broken] == ["broken.yaml"]
    assert library.broken[0].origin is Origin.USER
    assert "not valid YAML" in library.broken[0].problems[0].message


def test_a_user_routine_shadows_the_bundled_one_visibly(tmp_path: Path) -> None:
    shutil.copy(DATA / "short.yaml", tmp_path / "mine.yml")
    library = library_with(tmp_path)
    entry = library.find("short")
    assert entry is not None
    assert entry.origin is Origin.USER
    assert entry.shadows == DATA / "short.yaml"


def test_two_user_files_with_one_id_keep_the_first(tmp_path: Path) -> None:
    text = (DATA / "short.yaml").read_text().replace("id: short", "id: twin")
    (tmp_path / "a.yaml").write_text(text)
    (tmp_path / "b.yaml").write_text(text)
    library = library_with(tmp_path)
    assert library.find("twin") is not None
    assert library.find("twin").path.name == "a.yaml"  # type: ignore[union-attr]
    message = library.broken[0].problems[0].message
    assert "already used by a.yaml" in message


def test_a_missing_user_folder_is_fine(tmp_path: Path) -> None:
    assert library_with(tmp_path / "nowhere").broken == []


def test_user_folder_honours_xdg_and_the_override(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("BACKSTRETCH_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert user_routines_dir() == tmp_path / "xdg" / "backstretch" / "routines"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/path")  # ignored, as the spec says
    assert user_data_dir() == Path.home() / ".local" / "share" / "backstretch"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert user_config_dir() == tmp_path / "config" / "backstretch"
    assert user_cache_dir() == tmp_path / "cache" / "backstretch"
    monkeypatch.setenv("BACKSTRETCH_DATA_DIR", str(tmp_path / "portable"))
    assert user_data_dir() == tmp_path / "portable"
    assert user_cache_dir() == tmp_path / "portable" / "cache"


def test_reading_files_keeps_none_of_the_parser_nodes(tmp_path: Path) -> None:
    """Only the plain data stays: the parser's nodes (with their marks) are garbage."""
    import gc

    import yaml

    def live_nodes() -> int:
        gc.collect()
        return sum(isinstance(thing, yaml.Node) for thing in gc.get_objects())

    library_with(tmp_path)  # warm up: module-level objects are made once
    before = live_nodes()
    for _ in range(3):
        library_with(tmp_path)
    assert live_nodes() == before
