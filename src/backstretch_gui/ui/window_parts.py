"""Small parts of the main window: the first-paint hook, the title, and its dialogs."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from .. import __version__
from ..core.words import clock
from .picker import SAFETY_NOTICE
from .qt_values import PLAIN_TEXT

if TYPE_CHECKING:
    from ..services.driver import SessionDriver


class FirstPaint(QObject):
    """Calls ``then`` once, right after ``widget`` is first painted."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


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
