"""Import and export from the picker: the file dialogs and the questions between them.

The file dialogs are module functions so that tests can stand in for the person
choosing a file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from .window_parts import question, tell

if TYPE_CHECKING:
    from ..core.listing_rows import RoutineRow
    from ..services.routine_files import ImportCheck, RoutineFiles


class RoutineActions(Protocol):
    """What these need of ui.routine_actions.RoutineActions."""

    window: QMainWindow

    def _files(self) -> RoutineFiles: ...
    def _reread_and_choose(self, path: Path) -> None: ...
    def chosen_row(self) -> RoutineRow | None: ...


YAML_FILES = "Routines (*.yaml *.yml)"
PDF_FILES = "PDF documents (*.pdf)"


def choose_file_to_open(
    parent: QWidget, title: str, filter: str, folder: Path | None = None
) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, str(folder or Path.home()), filter)
    return Path(path) if path else None


def choose_file_to_save(parent: QWidget, title: str, suggested: str, filter: str) -> Path | None:
    start = str(Path.home() / suggested)
    path, _ = QFileDialog.getSaveFileName(parent, title, start, filter)
    return Path(path) if path else None


def run_import(actions: RoutineActions) -> None:
    source = choose_file_to_open(actions.window, "Import a routine", YAML_FILES)
    if source is None:
        return
    files = actions._files()
    check = files.check_import(source)
    if check.problems:
        problems = "\n".join(f"• {problem}" for problem in check.problems)
        tell(
            actions.window,
            f"“{source.name}” was not imported: it has these problems.\n\n{problems}\n\n"
            "Nothing was changed.",
        )
        return
    if check.clash is None:
        _write(actions, files, check, None)
        return
    from ..services.routine_files import Clash

    existing = check.clash
    bundled = existing.origin.value == "bundled"
    box = question(
        actions.window,
        "A routine with this id exists",
        f"A routine with the id “{existing.routine.id}” already exists: "
        f"“{existing.routine.title}”."
        + (
            " It comes with Backstretch: Replace makes the imported one yours in its place."
            if bundled
            else ""
        ),
    )
    replace = box.addButton("Replace", QMessageBox.ButtonRole.DestructiveRole)
    replace.setObjectName("replaceRoutineButton")
    keep = box.addButton("Keep both", QMessageBox.ButtonRole.AcceptRole)
    keep.setObjectName("keepBothButton")
    box.addButton(QMessageBox.StandardButton.Cancel)

    def answered() -> None:
        if box.clickedButton() is replace:
            _write(actions, files, check, Clash.REPLACE)
        elif box.clickedButton() is keep:
            _write(actions, files, check, Clash.KEEP_BOTH)

    box.finished.connect(lambda _: answered())
    box.open()


def _write(actions: RoutineActions, files: RoutineFiles, check: ImportCheck, clash: object) -> None:
    from ..services.routine_files import Clash

    try:
        target = files.import_checked(check, clash if isinstance(clash, Clash) else Clash.KEEP_BOTH)
    except OSError as error:
        tell(actions.window, f"The routine could not be imported: {error.strerror or error}.")
        return
    actions._reread_and_choose(target)


def run_export(actions: RoutineActions) -> None:
    row = actions.chosen_row()
    if row is None:
        return
    target = choose_file_to_save(
        actions.window, "Export a routine", Path(row.file).name, YAML_FILES
    )
    if target is None:
        return
    try:
        actions._files().export(Path(row.file), target)
    except OSError as error:
        reason = error.strerror or str(error)
        tell(actions.window, f"The routine could not be saved as {target}: {reason}.")


def run_export_sheet(actions: RoutineActions) -> None:
    from ..services.handout import HandoutError, write_handout

    row = actions.chosen_row()
    if row is None:
        return
    suggested = Path(row.file).with_suffix(".pdf").name
    target = choose_file_to_save(actions.window, "Export a printable sheet", suggested, PDF_FILES)
    if target is None:
        return
    files = actions._files()
    entry = files.entry(row.id)
    if entry is None:
        return
    try:
        write_handout(target, entry.routine, files.library.catalog)
    except HandoutError as error:
        tell(actions.window, str(error))
