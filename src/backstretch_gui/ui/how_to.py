"""The step view's "How to": every instruction of the exercise, beside its picture.

Opening it pauses a running session and closing it resumes it, so reading never
costs hold time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout

from ..core.session import State

if TYPE_CHECKING:
    from ..core.plan import ExercisePlan
    from ..services.driver import SessionDriver


class HowToPanel(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("howToPanel")
        self.setAccessibleName("How to do this exercise")
        self.setProperty("role", "card")
        self.heading = QLabel()
        self.heading.setObjectName("howToHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 22px; font-weight: 700;")
        self.steps = QLabel()
        self.steps.setObjectName("howToText")
        self.steps.setTextFormat(Qt.TextFormat.PlainText)  # a file's words, as they are
        self.steps.setWordWrap(True)
        self.steps.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.steps.setStyleSheet("font-size: 19px; background: transparent;")
        scroll = QScrollArea()  # a long list scrolls; the panel keeps its place
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.steps)
        scroll.viewport().setAutoFillBackground(False)
        self.hint = QLabel("H or the How to button closes this and carries on.")
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.hint)
        self.hide()
        self._paused_it: SessionDriver | None = None
        """The driver this panel paused, to resume when it closes."""

    def show_exercise(self, exercise: ExercisePlan | None) -> None:
        if exercise is None:
            self.heading.setText("")
            self.steps.setText("")
            return
        self.heading.setText(f"How to: {exercise.name}")
        lines = (f"{number}. {text}" for number, text in enumerate(exercise.instructions, 1))
        self.steps.setText("\n\n".join(lines))

    def open(self, driver: SessionDriver | None, exercise: ExercisePlan | None) -> None:
        self.show_exercise(exercise)
        self.show()
        if driver is not None and driver.state is State.RUNNING:
            driver.pause()
            self._paused_it = driver

    def close_panel(self) -> None:
        self.hide()
        driver, self._paused_it = self._paused_it, None
        if driver is not None and driver.state is State.PAUSED:
            driver.resume()

    def forget(self) -> None:
        """A new session: what the last one paused is not this panel's to resume."""
        self._paused_it = None
        self.hide()
