"""Small parts of the main window: the first-paint hook, the title, and its dialogs."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QPushButton, QWidget

from .. import __version__
from ..core.words import SAFETY_NOTICE, clock
from .first_paint import FirstPaint as FirstPaint
from .qt_values import PLAIN_TEXT

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from ..services.controller import AppController
    from ..services.driver import SessionDriver
    from ..services.settings import Settings

Slot = Callable[[], object]

# Page Down/Up are what presentation clickers send; media keys work when the window has
# focus (and through MPRIS when it has not).
PLAY_KEYS = ["Space", "Media Play", "Media Pause", "Toggle Media Play/Pause"]
NEXT_KEYS = ["Right", "N", "PgDown", "Media Next"]
PREVIOUS_KEYS = ["Left", "P", "PgUp", "Media Previous"]


def add_action(window: QWidget, text: str, keys: list[str], slot: Slot) -> QAction:
    """An action whose shortcuts work anywhere in ``window``."""
    action = QAction(text, window)
    action.setShortcuts([QKeySequence(key) for key in keys])
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def session_actions(
    window: QWidget, controller: AppController, stop: Callable[[], None]
) -> list[QAction]:
    """The session's keys, each bound to a driver method (the window enables them only
    while the step view shows)."""
    command = controller.command  # the driver's module is imported with the first session
    return [
        add_action(window, "Play or pause", PLAY_KEYS, lambda: command(lambda d: d.toggle())),
        add_action(window, "Next", NEXT_KEYS, lambda: command(lambda d: d.next())),
        add_action(window, "Previous", PREVIOUS_KEYS, lambda: command(lambda d: d.previous())),
        add_action(window, "Restart step", ["R"], lambda: command(lambda d: d.restart_step())),
        add_action(window, "Stop", ["Esc", "Media Stop"], stop),
    ]


def build_menus(
    window: QMainWindow,
    *,
    open_file: Slot,
    reload: Slot,
    settings: Slot,
    focus_mode: Slot,
    edit_items: list[QAction | None],
) -> QAction:
    """The menu bar, each item with its keys; returns the (checkable) focus mode action."""
    menu = window.menuBar()
    file_menu = menu.addMenu("&File")
    file_menu.addAction(add_action(window, "&Open routine file…", ["Ctrl+O"], open_file))
    file_menu.addAction(add_action(window, "&Reload routines", ["F5"], reload))
    file_menu.addSeparator()
    file_menu.addAction(add_action(window, "&Settings…", ["Ctrl+,"], settings))
    file_menu.addSeparator()
    file_menu.addAction(add_action(window, "&Quit", ["Ctrl+Q"], window.close))
    edit_menu = menu.addMenu("&Edit")
    for item in edit_items:
        edit_menu.addSeparator() if item is None else edit_menu.addAction(item)
    focus_action = add_action(window, "&Focus mode", ["F11"], focus_mode)
    focus_action.setCheckable(True)
    menu.addMenu("&View").addAction(focus_action)
    about = add_action(window, "&About Backstretch", [], lambda: show_about(window))
    menu.addMenu("&Help").addAction(about)
    return focus_action


class NoticeBar(QWidget):
    """Quiet, non-modal notices at the bottom of the window: the last three, the newest
    with a button when it can be acted on (Undo)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("noticeBar")
        self.label = QLabel()
        self.label.setObjectName("noticeLabel")
        self.label.setProperty("role", "warning")
        # Messages may quote a file's name or text: never read as markup.
        self.label.setProperty("textFormat", PLAIN_TEXT)
        self.label.setWordWrap(True)
        self.button: QPushButton | None = None
        self._act: Slot | None = None
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(24, 4, 24, 6)
        self._layout.addWidget(self.label, 1)

    def text(self) -> str:
        return self.label.text()

    def has_notices(self) -> bool:
        return bool(self.label.text())

    def add(self, message: str, action: str = "", then: Slot | None = None) -> None:
        shown = [line for line in self.label.text().split("\n") if line]
        self.label.setText("\n".join([*shown, message][-3:]))
        self._act = then
        if action and self.button is None:
            self.button = QPushButton()
            self.button.setObjectName("undoDeleteButton")
            self.button.clicked.connect(self._acted)
            self._layout.addWidget(self.button)
        if self.button is not None:
            self.button.setText(action)
            self.button.setAccessibleName(action)
            self.button.setVisible(bool(action))

    def _acted(self) -> None:
        act, self._act = self._act, None
        if self.button is not None:
            self.button.hide()
        if act is not None:
            act()


def window_title(text: str) -> str:
    """``text`` for setWindowTitle(), which drops a lone "[*]" (the place of the
    "modified" mark) and shows "[*][*]" as "[*]"."""
    return text.replace("[*]", "[*][*]")


def session_title(driver: SessionDriver | None) -> str:
    """The title bar during a session: time left and exercise, readable in a task bar."""
    if driver is None:
        return "Backstretch"
    from ..core.session import State  # imported with the first session, not at start-up

    name = driver.segment.exercise_name
    if driver.state is State.PAUSED:
        return f"Paused · {name} — Backstretch"
    if driver.state is State.RUNNING:
        return f"{clock(driver.remaining())} · {name} — Backstretch"
    return f"{driver.timeline.title} — Backstretch"


def tell(parent: QWidget, message: str) -> None:
    """A warning that does not block the window; it may quote a file's text."""
    from PySide6.QtWidgets import QMessageBox  # dialogs: imported when first shown

    box = QMessageBox(QMessageBox.Icon.Warning, "Backstretch", message, parent=parent)
    box.setProperty("textFormat", PLAIN_TEXT)
    box.open()


def ask_to_stop(parent: QWidget) -> bool:
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        parent,
        "Stop the session?",
        "Stop this session? You can see what you did on the next screen.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_about(parent: QWidget) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.about(
        parent,
        "About Backstretch",
        f"<h3>Backstretch {__version__}</h3><p>A follow-along timer for back-stretching "
        f"routines.</p><p><b>Please read:</b> {SAFETY_NOTICE}</p>",
    )


def question(parent: QWidget, title: str, text: str) -> QMessageBox:
    """A question that does not block (answered through ``finished``); plain text."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setProperty("textFormat", PLAIN_TEXT)
    box.setObjectName("routineQuestion")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def show_settings(parent: QWidget, settings: Settings, controller: AppController) -> None:
    from .settings_dialog import SettingsDialog

    dialog = SettingsDialog(settings, controller.hands_free, parent)
    dialog.timingChanged.connect(controller.retime)
    dialog.open()
