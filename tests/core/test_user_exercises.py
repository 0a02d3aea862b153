"""Your own exercises: checked like the bundled catalog, never replacing a bundled one,
pictures confined to the images folder beside your routines."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from backstretch_gui.core import resources
from backstretch_gui.core.library import Origin, load_library
from backstretch_gui.core.user_exercises import PictureError, add_exercise, import_picture

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
MINE = {
    "id": "towel-calf-stretch",
    "name": "Towel calf stretch",
    "position": "floor",
    "targets": ["calves"],
    "cue": "Pull the towel gently",
    "instructions": ["Sit with your legs long and a towel round one foot."],
    "why": "Your own exercise.",
    "cautions": ["Stop if it hurts."],
    "keyframes": [{"id": "hold", "file": "images/towel.png"}],
    "default_dose": {"reps": 2, "hold": 30},
    "source": "Your own",
}
ROUTINE = "version: 1\nid: mine\ntitle: Mine\nsteps:\n  - exercise: towel-calf-stretch\n"


def library_of(folder: Path):  # type: ignore[no-untyped-def]
    sources = [(resources.routines_dir(), Origin.BUNDLED), (folder, Origin.USER)]
    return load_library(resources.catalog_path(), sources)


def test_your_exercise_is_offered_and_a_routine_can_use_it(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "towel.png").write_bytes(PNG)
    add_exercise(tmp_path, MINE)
    (tmp_path / "mine.yaml").write_text(ROUTINE)
    library = library_of(tmp_path)
    assert library.broken == []
    assert "towel-calf-stretch" in {e.id for e in library.catalog.exercises}
    assert library.find("mine") is not None
    add_exercise(tmp_path, {**MINE, "id": "second", "name": "Second"})  # appended, kept
    text = (tmp_path / "exercises.yaml").read_text()
    assert text.startswith("# yaml-language-server") and "id: second" in text


def test_a_bundled_id_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "towel.png").write_bytes(PNG)
    add_exercise(tmp_path, {**MINE, "id": "cat-cow", "name": "My cat-cow"})
    library = library_of(tmp_path)
    names = [e.name for e in library.catalog.exercises if e.id == "cat-cow"]
    assert names == ["Cat-cow"]
    [broken] = library.broken
    assert "comes with Backstretch" in broken.problems[0].message
    assert len(library.routines) == 9  # hides no routine


@pytest.mark.parametrize(
    "picture", ["../x.png", "/etc/x.png", "images/../../x.png", "images/a/b.png", "x.png"]
)
def test_pictures_are_confined_to_the_images_folder(tmp_path: Path, picture: str) -> None:
    add_exercise(tmp_path, {**MINE, "keyframes": [{"id": "hold", "file": picture}]})
    library = library_of(tmp_path)
    assert "towel-calf-stretch" not in {e.id for e in library.catalog.exercises}
    assert library.broken


def test_a_picture_linked_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    outside = tmp_path.parent / "outside.png"
    outside.write_bytes(PNG)
    os.symlink(outside, tmp_path / "images" / "towel.png")
    add_exercise(tmp_path, MINE)
    library = library_of(tmp_path)
    assert "towel-calf-stretch" not in {e.id for e in library.catalog.exercises}


def test_importing_a_picture_checks_it(tmp_path: Path) -> None:
    good = tmp_path / "My towel!.png"
    good.write_bytes(PNG)
    assert import_picture(good, tmp_path / "routines") == "images/My-towel.png"
    assert import_picture(good, tmp_path / "routines") == "images/My-towel-2.png"
    fake = tmp_path / "fake.png"
    fake.write_text("not a picture")
    with pytest.raises(PictureError, match="not a PNG, JPEG or SVG"):
        import_picture(fake, tmp_path / "routines")
    big = tmp_path / "big.jpg"
    big.write_bytes(b"\xff\xd8\xff" + b"\0" * (5 * 1024 * 1024))
    with pytest.raises(PictureError, match="larger than 5 MB"):
        import_picture(big, tmp_path / "routines")
    entity = tmp_path / "x.svg"
    entity.write_text(
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "/etc/passwd">]><svg/>'
    )
    with pytest.raises(PictureError):
        import_picture(entity, tmp_path / "routines")
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    with pytest.raises(PictureError):
        import_picture(text, tmp_path / "routines")
