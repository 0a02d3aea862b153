"""The window's side of the routine editor: opening a routine in it, the questions
before a save or a leave, choosing exercises, and "Try it"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from .qt_values import PLAIN_TEXT
from .window_parts import tell, window_title

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from ..services.controller import AppController
    from ..services.editing import Editing
    from .editor import RoutineEditor
    from .exercise_chooser import ExerciseChooser
    from .pages import Pages
    from .picker import PickerPage

Then = Callable[[], object]

if TYPE_CHECKING:  # a Protocol class costs a millisecond to make: only for the checker
    from typing import Protocol

    class EditorWindow(Protocol):
        """What the editor needs of the main window."""

        controller: AppController
        pages: Pages

        @property
        def picker(self) -> PickerPage: ...
        def notify(self, message: str) -> None: ...
        def update_title(self) -> None: ...
        def show_picker(self) -> None: ...


class EditorHost(QObject):
    def __init__(self, window: EditorWindow, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = window
        self.parent_widget = parent
        self.editor: RoutineEditor | None = None
        self.editing: Editing | None = None
        self._chooser: ExerciseChooser | None = None
        self.trying = False
        """A draft runs in the step view ("Try it"): its end comes back here."""

    # --- opening and leaving ------------------------------------------------------------

    def new(self) -> None:
        self.leave_then(lambda: self._show(None))

    def edit(self, path: str) -> None:
        self.leave_then(lambda: self._show(Path(path)))

    def _show(self, path: Path | None) -> None:
        from ..core.problems import InvalidFileError
        from ..services.editing import Editing
        from .editor import RoutineEditor

        self.editing = Editing(self.window.controller.sources)
        try:
            draft = self.editing.new_draft() if path is None else self.editing.open_draft(path)
        except InvalidFileError as error:
            tell(self.parent_widget, "This routine can't be opened in the editor:\n\n" + str(error))
            return
        editor = RoutineEditor(draft)
        editor.saveRequested.connect(self.save)
        editor.tryRequested.connect(self.try_draft)
        editor.closeRequested.connect(lambda: self.leave_then(self.window.show_picker))
        editor.addStepRequested.connect(self.choose_exercise)
        draft.undo_stack.cleanChanged.connect(self._title_changed)
        draft.changed.connect(self._title_changed)
        self._retire()
        self.editor = editor
        self.window.pages.show_editor(editor)
        editor.title_edit.setFocus()
        self.window.update_title()

    def _title_changed(self, *_: object) -> None:
        if isValid(self.window.pages):  # not while the window is taken down
            self.window.update_title()

    def leave_then(self, then: Then) -> None:
        """Do ``then`` once the open draft is saved or given up (asks if it has changes)."""
        editor = self.editor
        if editor is None or not editor.draft.modified:
            self._leave(then)
            return
        from PySide6.QtWidgets import QMessageBox  # dialogs: named when first shown

        box = self._question(
            "Save the changes?",
            "This routine has changes that are not saved. Save them before you leave?",
        )
        save = box.addButton("Save", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("Discard changes", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        save.setEnabled(not editor.draft.problems)
        save.setObjectName("saveChangesButton")
        discard.setObjectName("discardChangesButton")

        def answered() -> None:
            clicked = box.clickedButton()
            if clicked is save and self.save():
                self._leave(then)
            elif clicked is discard:
                editor.draft.undo_stack.setClean()
                self._leave(then)

        box.finished.connect(lambda _: answered())
        box.open()

    def _leave(self, then: Then) -> None:
        if then == self.window.show_picker:
            self._retire()
        then()

    def _retire(self) -> None:
        if self.editor is not None:
            self.window.pages.removeWidget(self.editor)
            self.editor.deleteLater()
            self.editor = None

    def window_title(self) -> str | None:
        """The window's title while the editor shows (None when it does not)."""
        editor = self.editor
        if editor is None or self.window.pages.currentWidget() is not editor:
            return None
        return window_title(f"Editing {editor.heading.text()}") + "[*] — Backstretch"

    def has_unsaved_changes(self) -> bool:
        return self.editor is not None and self.editor.draft.modified

    # --- saving -------------------------------------------------------------------------

    def save(self, force: bool = False) -> bool:
        from ..services.editing import ChangedOnDiskError

        if self.editor is None or self.editing is None:
            return False
        draft = self.editor.draft
        try:
            path = self.editing.save(draft, force=force)
        except ChangedOnDiskError:
            self._ask_to_overwrite()
            return False
        except OSError as error:
            reason = error.strerror or str(error)
            tell(self.parent_widget, f"The routine could not be saved: {reason}.")
            return False
        controller = self.window.controller
        controller.read_listing()
        self.window.picker.select(str(draft.value(("id",), "")))
        controller.routineSaved.emit(str(path))
        self.window.notify(f"Saved “{draft.value(('title',), '')}” to {path.name}.")
        self.editor.refresh()
        self.window.update_title()
        return True

    def _ask_to_overwrite(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = self._question(
            "The file has changed",
            "Another program changed this routine's file since you opened it. "
            "Replace it with what is in the editor? (The file as it is now is kept "
            "in the backups folder.)",
        )
        replace = box.addButton("Replace the file", QMessageBox.ButtonRole.DestructiveRole)
        replace.setObjectName("replaceChangedFileButton")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _: box.clickedButton() is replace and self.save(force=True))
        box.open()

    def _question(self, title: str, text: str) -> QMessageBox:
        from PySide6.QtCore import Qt  # named when first asked: not at start-up
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self.parent_widget)
        box.setProperty("textFormat", PLAIN_TEXT)
        box.setObjectName("editorQuestion")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return box

    # --- exercises and trying -----------------------------------------------------------

    def choose_exercise(self) -> None:
        """The exercise chooser (one per editor: found again as it was left)."""
        from .exercise_chooser import ExerciseChooser

        editor = self.editor
        if editor is None:
            return
        chooser = self._chooser
        if chooser is None or chooser.catalog is not editor.draft.catalog:
            if chooser is not None:
                chooser.deleteLater()
            chooser = ExerciseChooser(editor.draft.catalog, self.parent_widget)
            chooser.chosen.connect(lambda exercise_id: self._add(exercise_id))
            chooser.newExerciseRequested.connect(self.new_exercise)
            self._chooser = chooser
        chooser.search.clear()
        chooser.search.setFocus()
        chooser.open()

    def new_exercise(self) -> None:
        """The form for an exercise of your own; once saved, it is added as a step."""
        from PySide6.QtCore import Qt

        from ..services.editing import Editing
        from .exercise_form import ExerciseForm

        if self.editor is None or self.editing is None:
            return
        if self._chooser is not None:
            self._chooser.reject()
        form = ExerciseForm(self.editor.draft.catalog, self.editing.user_folder, self.parent_widget)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def saved(exercise_id: str) -> None:
            self.window.controller.read_listing()
            self.editing = Editing(self.window.controller.sources)
            if self.editor is not None:
                self.editor.draft.set_catalog(self.editing.library.catalog)
                self._add(exercise_id)

        form.exerciseSaved.connect(saved)
        form.open()

    def _add(self, exercise_id: str) -> None:
        if self.editor is not None:
            self.editor.add_exercise(exercise_id)

    def try_draft(self) -> None:
        if self.editor is None or self.editing is None or self.editor.draft.problems:
            return
        self.trying = True
        self.window.controller.try_plan(self.editing.plan_of(self.editor.draft))

    def back_from_trying(self) -> bool:
        """The tried session ended or was left: back to the editor (True) if it was one."""
        if not self.trying or self.editor is None:
            self.trying = False
            return False
        self.trying = False
        self.window.controller.close_session()
        self.window.pages.show_editor(self.editor)
        return True
