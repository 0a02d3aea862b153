"""The printable sheet: every step with its dose, cues, instructions and cautions, page
numbers, file text drawn as it is, and nothing half-written when it can't be saved."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import msgspec
import pytest

from backstretch_gui.core import resources
from backstretch_gui.core.describe import describe_step
from backstretch_gui.core.library import Library, Origin, load_library
from backstretch_gui.core.plan import plan_routine
from backstretch_gui.services.handout import HandoutError, write_handout

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)"
)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(resources.catalog_path(), [(resources.routines_dir(), Origin.BUNDLED)])


def pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True)
    return unicodedata.normalize("NFKC", text.stdout.decode())  # ligatures as letters


def pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))


def test_every_bundled_routine_makes_a_sheet_of_every_step(
    qapp: Any, library: Library, tmp_path: Path
) -> None:
    exercises = {exercise.id: exercise for exercise in library.catalog.exercises}
    for entry in library.routines:
        target = tmp_path / f"{entry.routine.id}.pdf"
        write_handout(target, entry.routine, library.catalog)
        text = " ".join(pdf_text(target).split())
        count = pages(target)
        assert count >= 1
        assert f"Page {count} of {count}" in text
        for step in plan_routine(entry.routine, exercises).steps:
            assert step.exercise.name in text
            assert describe_step(step) in text
            assert " ".join(step.exercise.cautions[0].split()[:4]) in text
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_file_text_is_drawn_as_it_is(qapp: Any, library: Library, tmp_path: Path) -> None:
    routine = library.routines[0].routine
    marked = msgspec.structs.replace(routine, title="<b>Mine</b> & yours")
    target = tmp_path / "sheet.pdf"
    write_handout(target, marked, library.catalog)
    assert "<b>Mine</b> & yours" in pdf_text(target)


def test_a_folder_that_cannot_be_written_says_so_and_leaves_nothing(
    qapp: Any, library: Library, tmp_path: Path
) -> None:
    routine = library.routines[0].routine
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("x")
    for target in (not_a_folder / "sheet.pdf", tmp_path / "gone" / "sheet.pdf"):
        with pytest.raises(HandoutError, match="can't write"):
            write_handout(target, routine, library.catalog)
    with pytest.raises(HandoutError, match="can't write"):  # even for root: no files here
        write_handout(Path("/proc/sheet.pdf"), routine, library.catalog)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
