"""The cautions card: what to watch out for in the exercise on screen.

It stands over the ring, never over the cue, pauses a running session while it is open
(resuming it on close), and closes with any key or click, so a person on the floor can
dismiss it with a clicker.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ..core.plan import ExercisePlan
from ..core.session import State
from ..services.driver import SessionDriver
from .labels import plain_label


def _line(name: str, text: str) -> QLabel:
    label = plain_label(name, text)
    label.setWordWrap(True)
    label.setMinimumWidth(420)
    return label


class CautionsCard(QFrame):
    def __init__(self, parent: QWidget, exercise: ExercisePlan, driver: SessionDriver) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("card")
        box = QVBoxLayout(self)
        box.setContentsMargins(20, 16, 20, 16)
        heading = _line("cautionsHeading", f"Cautions: {exercise.name}")
        heading.setProperty("role", "heading")
        box.addWidget(heading)
        for caution in exercise.cautions:
            box.addWidget(_line("caution", f"• {caution}"))
        self.setToolTip("Any key or click closes this")
        self.adjustSize()
        self._paused_it: SessionDriver | None = None
        if driver.state is State.RUNNING:
            driver.pause()
            self._paused_it = driver

    def show_over(self, area: QWidget) -> None:
        """Show it centred over ``area`` (the ring), inside the window."""
        centre = area.mapToGlobal(QPoint(area.width() // 2, area.height() // 2))
        self.move(centre.x() - self.width() // 2, centre.y() - self.height() // 2)
        self.show()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.close()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        driver, self._paused_it = self._paused_it, None
        if driver is not None and driver.state is State.PAUSED:
            driver.resume()
        super().closeEvent(event)
