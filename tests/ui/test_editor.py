"""The routine editor as a user meets it: a routine built in the form, saved, listed
and run; a hand-written file changed in one field; unsaved changes asked about."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from backstretch_gui.core.session import State
from backstretch_gui.ui.main_window import MainWindow
from backstretch_gui.ui.qt_values import ID_ROLE

from helpers import FakeClock


def find(window: MainWindow, kind: type, name: str):  # type: ignore[no-untyped-def]
    widget = window.findChild(kind, name)
    assert widget is not None, name
    return widget


def add_exercise(window: MainWindow, qtbot: QtBot, words: str) -> None:
    find(window, QAbstractButton, "addStepButton").click()
    chooser = find(window, QDialog, "exerciseChooser")
    qtbot.waitUntil(chooser.isVisible)
    QTest.keyClicks(find(chooser, QLineEdit, "exerciseSearch"), words)
    find(chooser, QAbstractButton, "chooseExerciseButton").click()
    assert not chooser.isVisible()


def test_a_routine_built_in_the_form_is_saved_listed_and_runs(
    window: MainWindow, qtbot: QtBot, clock: FakeClock, user_routines: Path
) -> None:
    window.editor_host.new()
    editor = find(window, QWidget, "routineEditor")
    assert window.pages.currentWidget() is editor
    save = find(window, QAbstractButton, "saveRoutineButton")
    message = find(window, QLabel, "validationMessage")
    assert not save.isEnabled() and message.text()  # nothing in it yet
    QTest.keyClicks(find(window, QLineEdit, "titleEdit"), "Physio plan")
    QTest.keyClicks(editor.summary_edit, "What my physiotherapist gave me.")
    add_exercise(window, qtbot, "knee-to-chest")
    add_exercise(window, qtbot, "child")
    steps = find(window, QAbstractItemView, "stepList")
    assert steps.model().rowCount() == 2
    assert steps.currentIndex().row() == 1  # the new step is the one the fields edit
    steps.setCurrentIndex(steps.model().index(0, 0))
    find(window, QSpinBox, "repsSpin").setValue(3)
    sides = find(window, QComboBox, "sidesCombo")
    sides.setCurrentIndex(sides.findData("alternating"))  # set, as well as chosen, counts
    find(window, QDoubleSpinBox, "holdSpin").setValue(15)
    assert message.text() == ""
    total = find(window, QLabel, "totalDurationLabel").text()
    assert "Total" in total and ":" in total
    assert window.isWindowModified()
    save.click()
    saved = user_routines / "physio-plan.yaml"
    assert saved.is_file()
    text = saved.read_text()
    assert "reps: 3" in text and "hold: 15" in text and "sides: alternating" in text
    assert not window.isWindowModified()
    find(window, QAbstractButton, "closeEditorButton").click()
    assert window.pages.currentWidget() is window.picker
    current = window.picker.list.currentItem()
    assert current.data(ID_ROLE) == "physio-plan"
    assert window.open_routine("physio-plan", start=True)
    assert window.driver is not None and window.driver.state is State.RUNNING


def test_try_it_runs_the_draft_and_comes_back(
    window: MainWindow, qtbot: QtBot, user_routines: Path
) -> None:
    window.editor_host.new()
    find(window, QLineEdit, "titleEdit").setText("Try me")  # set, as well as typed, counts
    editor = window.editor_host.editor
    assert editor is not None
    QTest.keyClicks(editor.summary_edit, "A try.")
    add_exercise(window, qtbot, "child")
    find(window, QAbstractButton, "tryRoutineButton").click()
    assert window.pages.currentWidget() is window.pages.step_view
    assert window.driver is not None and window.driver.state is State.RUNNING
    window.request_stop()  # Esc: a few seconds in, it stops without asking
    assert window.pages.currentWidget() is editor
    assert editor.draft.modified  # still the unsaved draft
    assert not list(user_routines.glob("*.yaml"))


def test_undo_and_redo_keys_work_in_a_text_field(window: MainWindow, qtbot: QtBot) -> None:
    window.editor_host.new()
    window.activateWindow()
    title = find(window, QLineEdit, "titleEdit")
    title.setFocus()
    QTest.keyClicks(title, "Evening")
    QTest.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert title.text() == ""
    QTest.keyClick(
        title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert title.text() == "Evening"


def test_leaving_with_unsaved_changes_asks_first(window: MainWindow, qtbot: QtBot) -> None:
    window.editor_host.new()
    QTest.keyClicks(find(window, QLineEdit, "titleEdit"), "Half done")
    find(window, QAbstractButton, "closeEditorButton").click()
    question = find(window, QMessageBox, "editorQuestion")
    qtbot.waitUntil(question.isVisible)
    assert window.pages.currentWidget() is window.editor_host.editor  # still there
    question.button(QMessageBox.StandardButton.Cancel).click()
    assert window.editor_host.editor is not None
    find(window, QAbstractButton, "closeEditorButton").click()
    question = next(b for b in window.findChildren(QMessageBox, "editorQuestion") if b.isVisible())
    question.findChild(QAbstractButton, "discardChangesButton").click()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.picker)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)


def test_a_file_with_problems_opens_with_them_and_is_not_saved_until_fixed(
    window: MainWindow, qtbot: QtBot, user_routines: Path
) -> None:
    broken = user_routines / "mine.yaml"
    text = (
        "# mine\nversion: 1\nid: mine\ntitle: Mine\nsteps:\n  - exercise: knee-hug\n    reps: 3\n"
    )
    broken.write_text(text)
    window.editor_host.edit(str(broken))
    editor = window.editor_host.editor
    assert editor is not None
    message = find(window, QLabel, "validationMessage").text()
    assert "Step 1" in message and "no exercise with id 'knee-hug'" in message
    assert not find(window, QAbstractButton, "saveRoutineButton").isEnabled()
    editor.draft.set_value(("steps", 0, "exercise"), "knee-to-chest", "Change exercise")
    assert find(window, QLabel, "validationMessage").text() == ""
    broken.write_text(text + "# changed by another program\n")
    find(window, QAbstractButton, "saveRoutineButton").click()
    question = find(window, QMessageBox, "editorQuestion")
    qtbot.waitUntil(question.isVisible)
    assert "changed this routine's file" in question.text()
    question.button(QMessageBox.StandardButton.Cancel).click()
    assert broken.read_text().endswith("# changed by another program\n")  # not overwritten


def test_a_file_that_is_not_yaml_is_said_and_not_opened(
    window: MainWindow, qtbot: QtBot, user_routines: Path
) -> None:
    (user_routines / "bad.yaml").write_text("title: [\n")
    window.editor_host.edit(str(user_routines / "bad.yaml"))
    assert window.editor_host.editor is None
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    assert "can't be opened in the editor" in box.text() and "bad.yaml" in box.text()
    assert (user_routines / "bad.yaml").read_text() == "title: [\n"


def test_saving_a_bundled_routine_writes_your_own_copy(
    window: MainWindow, qtbot: QtBot, user_routines: Path
) -> None:
    from backstretch_gui.core import resources

    bundled = resources.routines_dir() / "desk-break.yaml"
    before = bundled.read_bytes()
    window.editor_host.edit(str(bundled))
    editor = window.editor_host.editor
    assert editor is not None
    editor.draft.set_value(("title",), "My desk break", "Type title")
    find(window, QAbstractButton, "saveRoutineButton").click()
    assert bundled.read_bytes() == before
    [mine] = list(user_routines.glob("*.yaml"))
    assert "title: My desk break" in mine.read_text()
