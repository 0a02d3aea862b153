"""What can be done with routine files from the picker: New, Edit, Duplicate, Delete,
Import, Export, a printable sheet, and the routines folder. The same actions are the
buttons under the list, the Edit menu and the list's right-click menu."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QPushButton

from ..core.listing_rows import RoutineRow
from .qt_values import CUSTOM_CONTEXT_MENU, ID_ROLE, PATH_ROLE, WIDGET_SHORTCUT
from .window_parts import question, tell

if TYPE_CHECKING:
    from ..services.controller import AppController
    from ..services.routine_files import RoutineFiles
    from .picker import PickerPage

# (attribute, menu text, keys, button text, button name, accessible name)
ACTIONS = [
    ("new", "&New routine…", ["Ctrl+N"], "New", "newRoutineButton", "New routine"),
    ("edit", "&Edit routine…", ["Ctrl+E"], "Edit", "editRoutineButton", "Edit routine"),
    ("duplicate", "D&uplicate", ["Ctrl+D"], "Duplicate", "duplicateRoutineButton", "Duplicate"),
    ("delete", "&Delete…", ["Del"], "Delete", "deleteRoutineButton", "Delete routine"),
    ("import_", "&Import…", ["Ctrl+I"], "Import", "importRoutineButton", "Import a routine"),
    ("export", "E&xport…", [], "Export", "exportRoutineButton", "Export routine"),
]


class RoutineActions(QObject):
    newRequested = Signal()
    editRequested = Signal(str)
    """The path of one of the user's routine files, to open in the editor."""

    def __init__(self, window: QMainWindow, picker: PickerPage, controller: AppController):
        super().__init__(window)
        self.setObjectName("routineActions")
        self.window, self.picker, self.controller = window, picker, controller
        self.undo_delete: Callable[[], None] | None = None
        self.picker_shown = True
        """The actions on the chosen routine work only while the list is shown."""
        slots = {
            "new": self.newRequested.emit,
            "edit": self.edit,
            "duplicate": self.duplicate,
            "delete": self.delete,
            "import_": self.import_file,
            "export": self.export,
        }
        self.actions: dict[str, QAction] = {}
        for name, text, keys, label, object_name, accessible in ACTIONS:
            action = QAction(text, window)
            action.setShortcuts([QKeySequence(key) for key in keys])
            action.triggered.connect(slots[name])
            window.addAction(action)
            self.actions[name] = action
            button = QPushButton(label)
            button.setObjectName(object_name)
            button.setAccessibleName(accessible)
            button.setToolTip(text.replace("&", "") + (f" ({keys[0]})" if keys else ""))
            button.clicked.connect(action.trigger)
            action.changed.connect(lambda b=button, a=action: b.setEnabled(a.isEnabled()))
            picker.add_list_button(button)
        self.actions["delete"].setProperty("shortcutContext", WIDGET_SHORTCUT)
        picker.list.addAction(self.actions["delete"])  # Del acts on the list only
        self.sheet = QAction("Export as &printable sheet…", window)
        self.sheet.triggered.connect(self.export_sheet)
        self.folder = QAction("Open routines &folder", window)
        self.folder.triggered.connect(self.open_folder)
        picker.list.currentItemChanged.connect(lambda *_: self.update())
        picker.list.customContextMenuRequested.connect(self._context_menu)
        picker.list.setProperty("contextMenuPolicy", CUSTOM_CONTEXT_MENU)
        self.update()

    def menu_actions(self) -> list[QAction | None]:
        """The Edit menu's items (None: a separator)."""
        a = self.actions
        return [a["new"], a["edit"], a["duplicate"], a["delete"], None, a["import_"]]\
            + [a["export"], self.sheet, None, self.folder]  # fmt: skip

    def _context_menu(self, at: QPoint) -> None:
        from PySide6.QtWidgets import QMenu  # named when first shown: not at start-up

        menu = QMenu(self.picker.list)
        for action in self.menu_actions():
            menu.addSeparator() if action is None else menu.addAction(action)
        menu.popup(self.picker.list.viewport().mapToGlobal(at))

    # --- what is chosen -------------------------------------------------------------------

    def chosen_row(self) -> RoutineRow | None:
        item = self.picker.list.currentItem()
        return self.picker.rows.get(str(item.data(ID_ROLE))) if item is not None else None

    def chosen_path(self) -> str:
        item = self.picker.list.currentItem()
        return str(item.data(PATH_ROLE)) if item is not None else ""

    def _chosen_is_mine(self) -> bool:
        row = self.chosen_row()
        if row is not None:
            return row.origin == "user"
        broken = self.picker.invalid.get(self.chosen_path())
        return broken is not None and broken.origin == "user" and Path(broken.file).is_file()

    def set_picker_shown(self, shown: bool) -> None:
        self.picker_shown = shown
        self.update()

    def update(self) -> None:
        shown = self.picker_shown
        row = self.chosen_row() if shown else None
        mine = shown and self._chosen_is_mine()
        self.actions["edit"].setEnabled(row is not None or mine)
        self.actions["duplicate"].setEnabled(row is not None)
        self.actions["delete"].setEnabled(mine)
        self.actions["export"].setEnabled(row is not None)
        self.sheet.setEnabled(row is not None)
        self.actions["import_"].setEnabled(shown)

    def _files(self) -> RoutineFiles:
        from ..services.routine_files import RoutineFiles

        return RoutineFiles(self.controller.sources)

    def _reread_and_choose(self, path: Path) -> None:
        self.controller.read_listing()
        self.picker.select_file(str(path))

    # --- the actions ----------------------------------------------------------------------

    def edit(self) -> None:
        row = self.chosen_row()
        if row is None:
            if self._chosen_is_mine():
                self.editRequested.emit(self.chosen_path())
            return
        if row.origin == "user":
            self.editRequested.emit(row.file)
            return
        from PySide6.QtWidgets import QMessageBox

        box = question(
            self.window,
            "Make your own copy?",
            f"“{row.title}” comes with Backstretch and can't be changed. "
            "Make your own copy to edit?",
        )
        copy = box.addButton("Make a copy", QMessageBox.ButtonRole.AcceptRole)
        copy.setObjectName("makeCopyButton")
        box.addButton(QMessageBox.StandardButton.Cancel)

        def answered() -> None:
            if box.clickedButton() is copy:
                self.duplicate(edit=True)

        box.finished.connect(lambda _: answered())
        box.open()

    def duplicate(self, edit: bool = False) -> None:
        row = self.chosen_row()
        files = self._files()
        entry = files.entry(row.id) if row is not None else None
        if entry is None:
            return
        try:
            copy = files.duplicate(entry)
        except OSError as error:
            tell(self.window, f"The copy could not be written: {error.strerror or error}.")
            return
        self._reread_and_choose(copy)
        if edit:
            self.editRequested.emit(str(copy))

    def delete(self) -> None:
        if not self._chosen_is_mine():
            return
        row = self.chosen_row()
        path = Path(row.file if row is not None else self.chosen_path())
        name = row.title if row is not None else path.name
        from PySide6.QtWidgets import QMessageBox

        box = question(
            self.window,
            "Delete this routine?",
            f"Delete “{name}”? Its file is moved to the backups folder; you can undo this.",
        )
        delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("confirmDeleteButton")
        box.addButton(QMessageBox.StandardButton.Cancel)

        def answered() -> None:
            if box.clickedButton() is delete:
                self._delete(path, name)

        box.finished.connect(lambda _: answered())
        box.open()

    def _delete(self, path: Path, name: str) -> None:
        files = self._files()
        try:
            backup = files.delete(path)
        except OSError as error:
            tell(self.window, f"“{name}” could not be deleted: {error.strerror or error}.")
            return
        self.controller.read_listing()

        def undo() -> None:
            try:
                files.undo_delete(backup, path)
            except OSError as error:
                tell(self.window, f"“{name}” could not be put back: {error}.")
                return
            self._reread_and_choose(path)

        self.undo_delete = undo
        notice = getattr(self.window, "notice", None)
        if notice is not None:
            notice.add(f"Deleted “{name}”.", "Undo", undo)
            self.window.statusBar().show()

    def import_file(self) -> None:
        from .routine_import import run_import

        run_import(self)

    def export(self) -> None:
        from .routine_import import run_export

        run_export(self)

    def export_sheet(self) -> None:
        from .routine_import import run_export_sheet

        run_export_sheet(self)

    def open_file(self) -> None:
        """File → Open routine file: a routine from anywhere, opened ready to start."""
        from ..core.paths import user_routines_dir
        from .routine_import import YAML_FILES, choose_file_to_open

        path = choose_file_to_open(self.window, "Open a routine", YAML_FILES, user_routines_dir())
        if path is not None:
            self.controller.open(str(path), False)

    def open_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        folder = self._files().user_folder
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
