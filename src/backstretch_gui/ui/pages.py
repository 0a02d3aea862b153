"""The window's pages: the picker first; the step view and the summary built when first
shown, so the window appears sooner (their modules and the session core load then)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from . import theme
from .picker import PickerPage

if TYPE_CHECKING:
    from ..core.session import SessionReport
    from ..services.controller import AppController
    from ..services.driver import SessionDriver
    from .step_view import StepView
    from .summary import SummaryPage


class Pages(QStackedWidget):
    stopRequested = Signal()
    """The step view's stop button (the window asks first)."""
    backRequested = Signal()
    """The summary's way back to the picker."""

    def __init__(self, controller: AppController) -> None:
        super().__init__()
        self.controller = controller
        self.theme = theme.LIGHT
        self.picker = PickerPage()
        self.addWidget(self.picker)
        self._step_view: StepView | None = None
        self._summary: SummaryPage | None = None

    @property
    def step_view(self) -> StepView:
        if self._step_view is None:
            from .step_view import StepView

            self._step_view = StepView()
            self._step_view.ring.set_arc_pace(self.controller.arc_pace)
            self._step_view.apply_theme(self.theme)
            self._step_view.stopRequested.connect(self.stopRequested)
            self.addWidget(self._step_view)
        return self._step_view

    @property
    def summary(self) -> SummaryPage:
        if self._summary is None:
            from .summary import SummaryPage

            self._summary = SummaryPage()
            self._summary.againRequested.connect(self.controller.again)
            self._summary.backRequested.connect(self.backRequested)
            self.addWidget(self._summary)
        return self._summary

    def show_editor(self, editor: QWidget) -> None:
        if self.indexOf(editor) < 0:
            self.addWidget(editor)
        self.setCurrentWidget(editor)

    def in_session(self) -> bool:
        return self._step_view is not None and self.currentWidget() is self._step_view

    def set_focus_mode(self, on: bool) -> None:
        if self._step_view is not None:
            self._step_view.set_focus_mode(on)

    def show_session(self, driver: SessionDriver) -> None:
        self.step_view.attach(driver, self.controller.exercises)
        self.setCurrentWidget(self.step_view)

    def show_report(self, report: SessionReport) -> None:
        self.summary.show_report(report)
        self.setCurrentWidget(self.summary)

    def show_picker(self) -> None:
        self.setCurrentWidget(self.picker)
        self.picker.search.setFocus()

    def apply_theme(self, chosen: theme.Theme) -> None:
        """The step view draws its ring and badges itself; the rest follows the palette."""
        self.theme = chosen
        if self._step_view is not None:
            self._step_view.apply_theme(chosen)
