"""An exercise of your own, made from the chooser: checked as you type, saved beside
your routines, and added to the routine you are editing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QDialog, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from backstretch_gui.ui import exercise_form
from backstretch_gui.ui.main_window import MainWindow

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def test_a_new_exercise_is_saved_and_becomes_a_step(
    window: MainWindow, qtbot: QtBot, user_routines: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    window.editor_host.new()
    window.findChild(QAbstractButton, "addStepButton").click()
    chooser = window.findChild(QDialog, "exerciseChooser")
    chooser.findChild(QAbstractButton, "newExerciseButton").click()
    form = window.findChild(QDialog, "exerciseForm")
    qtbot.waitUntil(form.isVisible)
    save = form.findChild(QAbstractButton, "saveExerciseButton")
    assert not save.isEnabled()  # no name, cue or instructions yet
    QTest.keyClicks(form.findChild(QLineEdit, "exerciseNameEdit"), "Towel calf stretch")
    QTest.keyClicks(form.findChild(QLineEdit, "exerciseCueEdit"), "Pull the towel gently")
    form.findChild(QPlainTextEdit, "exerciseInstructionsEdit").setPlainText(
        "Sit with your legs long.\nLoop a towel round one foot."
    )
    picture = tmp_path / "towel.png"
    picture.write_bytes(PNG)
    monkeypatch.setattr(exercise_form, "choose_picture", lambda _: picture)
    form.findChild(QAbstractButton, "exercisePictureFileButton").click()
    assert (user_routines / "images" / "towel.png").read_bytes() == PNG
    assert save.isEnabled()
    save.click()
    saved = (user_routines / "exercises.yaml").read_text()
    assert "name: Towel calf stretch" in saved and "file: images/towel.png" in saved
    editor = window.editor_host.editor
    assert editor is not None
    assert editor.draft.value(("steps", 0, "exercise")) == "towel-calf-stretch"
    assert "Towel calf stretch" in editor.step_list.model().data(
        editor.step_list.model().index(0, 0)
    )


def test_a_picture_that_is_not_one_is_refused_with_a_message(
    window: MainWindow, qtbot: QtBot, user_routines: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from backstretch_gui.core.library import load_catalog
    from backstretch_gui.core.resources import catalog_path

    form = exercise_form.ExerciseForm(load_catalog(catalog_path()), user_routines, window)
    fake = tmp_path / "fake.png"
    fake.write_text("hello")
    monkeypatch.setattr(exercise_form, "choose_picture", lambda _: fake)
    form.findChild(QAbstractButton, "exercisePictureFileButton").click()
    assert "not a PNG, JPEG or SVG" in form.problems.text()
    assert not (user_routines / "images").exists()
