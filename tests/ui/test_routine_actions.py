"""Routine files from the picker: buttons, Edit menu, duplicate, delete and undo,
import (checked first), export, and a routines folder watched for changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QMessageBox
from pytestqt.qtbot import QtBot

from backstretch_gui.ui import routine_import
from backstretch_gui.ui.main_window import MainWindow
from backstretch_gui.ui.qt_values import ID_ROLE

from .conftest import copy_bundled

BUTTONS = [
    "newRoutineButton",
    "editRoutineButton",
    "duplicateRoutineButton",
    "deleteRoutineButton",
    "importRoutineButton",
    "exportRoutineButton",
]


def button(window: MainWindow, name: str) -> QAbstractButton:
    found = window.findChild(QAbstractButton, name)
    assert found is not None, name
    return found


def answer(window: MainWindow, qtbot: QtBot, name: str) -> None:
    """Click ``name`` in the question that is showing."""
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox)))
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    box.findChild(QAbstractButton, name).click()


def chosen_id(window: MainWindow) -> str:
    return str(window.picker.list.currentItem().data(ID_ROLE))


def test_the_buttons_and_the_edit_menu(window: MainWindow) -> None:
    for name in BUTTONS:
        assert button(window, name).accessibleName()
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert list(menus)[:2] == ["File", "Edit"]
    items = [a.text().replace("&", "") for a in menus["Edit"].actions() if a.text()]
    assert items == [
        "New routine…", "Edit routine…", "Duplicate", "Delete…", "Import…", "Export…",
        "Export as printable sheet…", "Open routines folder",
    ]  # fmt: skip
    window.picker.select("desk-break")  # bundled: can't be deleted
    assert not button(window, "deleteRoutineButton").isEnabled()
    assert button(window, "editRoutineButton").isEnabled()


def test_editing_a_bundled_routine_makes_your_own_copy(
    window: MainWindow, qtbot: QtBot, user_routines: Path
) -> None:
    window.picker.select("desk-break")
    button(window, "editRoutineButton").click()
    answer(window, qtbot, "makeCopyButton")
    qtbot.waitUntil(lambda: window.editor_host.editor is not None)
    copy = user_routines / "desk-break-copy.yaml"
    assert copy.is_file()
    assert window.editor_host.editor.draft.path == copy
    assert window.editor_host.editor.title_edit.text() == "Desk break (copy)"
    assert "# yaml-language-server" in copy.read_text()  # the file's own lines kept


def test_delete_moves_the_file_away_and_undo_brings_it_back(
    window: MainWindow, qtbot: QtBot, user_routines: Path
) -> None:
    mine = copy_bundled("desk-break.yaml", user_routines)
    mine.rename(user_routines / "mine.yaml")
    text = (user_routines / "mine.yaml").read_text().replace("id: desk-break", "id: mine")
    (user_routines / "mine.yaml").write_text(text)
    window.load_library()
    window.picker.select("mine")
    button(window, "deleteRoutineButton").click()
    answer(window, qtbot, "confirmDeleteButton")
    qtbot.waitUntil(lambda: not (user_routines / "mine.yaml").exists())
    assert "mine" not in window.picker.rows
    undo = window.findChild(QAbstractButton, "undoDeleteButton")
    assert undo is not None and undo.isVisible()
    undo.click()
    assert (user_routines / "mine.yaml").read_text() == text
    assert chosen_id(window) == "mine"


def test_a_broken_file_is_not_imported_and_every_problem_is_said(
    window: MainWindow, qtbot: QtBot, user_routines: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nid: x\ntitle: ''\nsummary: s\nsteps:\n  - exercise: nope\n")
    monkeypatch.setattr(routine_import, "choose_file_to_open", lambda *_: bad)
    button(window, "importRoutineButton").click()
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox)))
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    assert "title" in box.text() and "no exercise with id 'nope'" in box.text()
    assert list(user_routines.iterdir()) == []


def test_an_import_with_a_taken_id_keeps_both_or_replaces(
    window: MainWindow, qtbot: QtBot, user_routines: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    shared = copy_bundled("desk-break.yaml", tmp_path)
    shared.write_text("# from a friend\n" + shared.read_text())
    monkeypatch.setattr(routine_import, "choose_file_to_open", lambda *_: shared)
    button(window, "importRoutineButton").click()
    answer(window, qtbot, "keepBothButton")
    qtbot.waitUntil(lambda: (user_routines / "desk-break-2.yaml").exists())
    kept = (user_routines / "desk-break-2.yaml").read_text()
    assert kept.startswith("# from a friend\n") and "id: desk-break-2" in kept
    assert chosen_id(window) == "desk-break-2"
    button(window, "importRoutineButton").click()  # again: this time it shadows the bundled
    answer(window, qtbot, "replaceRoutineButton")
    qtbot.waitUntil(lambda: (user_routines / "desk-break.yaml").exists())
    assert window.picker.rows["desk-break"].origin == "user"


def test_export_copies_the_file_and_says_when_it_cannot(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.picker.select("desk-break")
    target = tmp_path / "shared.yaml"
    monkeypatch.setattr(routine_import, "choose_file_to_save", lambda *_: target)
    button(window, "exportRoutineButton").click()
    assert target.read_bytes() == Path(window.picker.rows["desk-break"].file).read_bytes()
    monkeypatch.setattr(routine_import, "choose_file_to_save", lambda *_: target / "x.yaml")
    button(window, "exportRoutineButton").click()
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox)))
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    assert "could not be saved" in box.text()


def test_files_changed_by_other_programs_show_up_without_a_reload(
    window: MainWindow, qtbot: QtBot, user_routines: Path
) -> None:
    window.controller.watch_routines()
    window.picker.select("lower-back-floor")
    added = copy_bundled("desk-break.yaml", user_routines)
    added.write_text(added.read_text().replace("id: desk-break", "id: from-elsewhere"))
    qtbot.waitUntil(lambda: "from-elsewhere" in window.picker.rows, timeout=5000)
    assert chosen_id(window) == "lower-back-floor"  # the choice stays
    added.unlink()
    qtbot.waitUntil(lambda: "from-elsewhere" not in window.picker.rows, timeout=5000)


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"title: [\n", "not valid YAML"),
        (b"\xff\xfe bad bytes", "not UTF-8"),
        (b"version: 1\nexercises: []\n", "exercise catalog, not a routine"),
        (b"id: x\n" + b"#" * (2 * 1024 * 1024), "larger than"),
        (b"version: 99\nid: x\ntitle: X\nsteps: []\n", "format version 99"),
    ],
)
def test_each_kind_of_bad_file_is_refused_with_its_message(
    window: MainWindow, qtbot: QtBot, user_routines: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, content: bytes, said: str,
) -> None:  # fmt: skip
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(content)
    monkeypatch.setattr(routine_import, "choose_file_to_open", lambda *_: bad)
    button(window, "importRoutineButton").click()
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox)))
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    assert said in box.text() and "Nothing was changed" in box.text()
    assert list(user_routines.iterdir()) == []


def test_the_routine_actions_rest_while_the_editor_is_open(window: MainWindow) -> None:
    window.picker.select("desk-break")
    window.editor_host.new()
    assert not window.routine_actions.actions["duplicate"].isEnabled()  # Ctrl+D types on
    assert window.routine_actions.actions["new"].isEnabled()
    window.editor_host.leave_then(window.show_picker)
    assert window.routine_actions.actions["duplicate"].isEnabled()
