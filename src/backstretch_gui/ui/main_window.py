"""The main window: picker, step view and summary pages, keys, focus mode, title."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QStackedWidget,
)

from ..core import listing
from ..core.paths import user_routines_dir
from ..services.controller import AppController, StopPolicy
from ..services.settings import Settings
from . import theme
from .picker import PickerPage
from .qt_values import ID_ROLE
from .window_parts import (
    FirstPaint,
    NoticeBar,
    add_action,
    ask_to_stop,
    session_actions,
    session_title,
    show_about,
    tell,
    window_title,
)

# The picker is painted from the cached listing alone and a session runs from its
# routine's cached plan, so the typed library (msgspec, PyYAML) is imported only to
# rebuild that cache or to open a file from elsewhere. The step view, the summary and
# the session core are imported when first needed, so the window appears sooner.
if TYPE_CHECKING:
    from ..core.session import SessionReport
    from ..services.driver import SessionDriver
    from ..services.hands_free import HandsFree
    from .step_view import StepView
    from .summary import SummaryPage

Clock = Callable[[], float]


class MainWindow(QMainWindow):
    def __init__(
        self,
        settings: Settings | None = None,
        clock: Clock = time.monotonic,
        sources: tuple[Path, listing.Folders] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("Backstretch")
        self.settings = settings or Settings()
        self.controller = AppController(self.settings, clock, sources, self)
        """Everything between the parts; this window only shows it and passes commands."""
        self.theme = theme.LIGHT
        self._step_view: StepView | None = None
        self._summary: SummaryPage | None = None
        self.notice = NoticeBar()
        # Last run's colour scheme, checked once the window is on screen: asking the
        # system names the `Qt` namespace, which costs ~12 ms (theme.system_prefers_dark).
        self.apply_theme(self.settings.system_dark)
        self._first_paint = FirstPaint(self, self._after_first_paint)
        self.pages = QStackedWidget()
        self.picker = PickerPage()
        self.pages.addWidget(self.picker)
        self.setCentralWidget(self.pages)
        controller = self.controller
        controller.listingChanged.connect(lambda rows: self.picker.set_listing(rows))
        controller.sessionOpened.connect(self._session_opened)
        controller.sessionEnded.connect(self._show_summary)
        controller.fileBroke.connect(lambda path: self.picker.select_file(path))
        controller.cannotOpen.connect(lambda message: tell(self, message))
        controller.notice.connect(self.notify)
        controller.raiseRequested.connect(self.bring_to_front)

        self.picker.startRequested.connect(lambda routine_id: controller.open(routine_id, True))
        self.picker.banner.dismissed.connect(self.settings.dismiss_safety_notice)
        self.picker.banner.setVisible(not self.settings.safety_notice_dismissed)
        # Typing searches and the arrows and Enter choose from the first key on (the
        # window would otherwise give its focus to the banner's button).
        self.picker.search.setFocus()
        self._build_actions()
        self.statusBar().addWidget(self.notice, 1)
        self.statusBar().hide()
        if self.settings.problem:  # found while reading it, or since (the theme)
            self.notify(self.settings.problem)
        self.settings.on_problem = self.notify
        self.pages.currentChanged.connect(self._page_changed)
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _: self.apply_theme())
        geometry = self.settings.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        self._page_changed()

    @property
    def step_view(self) -> StepView:
        if self._step_view is None:
            from .step_view import StepView

            self._step_view = StepView()
            self._step_view.ring.set_arc_pace(self.controller.arc_pace)
            self._step_view.apply_theme(self.theme)
            self._step_view.stopRequested.connect(self.request_stop)
            self.pages.addWidget(self._step_view)
        return self._step_view

    @property
    def summary(self) -> SummaryPage:
        if self._summary is None:
            from .summary import SummaryPage

            self._summary = SummaryPage()
            self._summary.againRequested.connect(self.controller.again)
            self._summary.backRequested.connect(self.show_picker)
            self.pages.addWidget(self._summary)
        return self._summary

    @property
    def hands_free(self) -> HandsFree:
        """Sounds, voice and media keys (the controller's)."""
        return self.controller.hands_free

    @property
    def driver(self) -> SessionDriver | None:
        """The open session's driver, if any (the controller's)."""
        return self.controller.driver

    @property
    def sources(self) -> tuple[Path, listing.Folders] | None:
        return self.controller.sources

    @sources.setter
    def sources(self, sources: tuple[Path, listing.Folders] | None) -> None:
        self.controller.sources = sources

    def notify(self, message: str) -> None:
        """A quiet, non-modal notice at the bottom of the window (also on stderr)."""
        print(f"backstretch: {message}", file=sys.stderr)
        self.notice.add(message)
        self.statusBar().show()

    def bring_to_front(self) -> None:
        self.showNormal() if self.isMinimized() else self.show()
        self.raise_()
        self.activateWindow()

    def in_session_view(self) -> bool:
        return self._step_view is not None and self.pages.currentWidget() is self._step_view

    # --- actions and keys -----------------------------------------------------------

    def _build_actions(self) -> None:
        self._session_actions = session_actions(self, self.controller, self.request_stop)
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.addAction(add_action(self, "&Open routine file…", ["Ctrl+O"], self.open_file))
        file_menu.addAction(add_action(self, "&Reload routines", ["F5"], self.reload_library))
        file_menu.addSeparator()
        file_menu.addAction(add_action(self, "&Settings…", ["Ctrl+,"], self.show_settings))
        file_menu.addSeparator()
        file_menu.addAction(add_action(self, "&Quit", ["Ctrl+Q"], self.close))
        view_menu = menu.addMenu("&View")
        self.focus_action = add_action(self, "&Focus mode", ["F11"], self.toggle_focus_mode)
        self.focus_action.setCheckable(True)
        view_menu.addAction(self.focus_action)
        help_menu = menu.addMenu("&Help")
        help_menu.addAction(add_action(self, "&About Backstretch", [], lambda: show_about(self)))

    def _page_changed(self) -> None:
        in_session = self.in_session_view()
        for action in self._session_actions:
            action.setEnabled(in_session)
        if not in_session and self.focus_action.isChecked():
            self.toggle_focus_mode()
        self._update_title()

    # --- library --------------------------------------------------------------------

    def load_library(self) -> None:
        """Fill the picker from the routine files (through the listing cache)."""
        self.controller.read_listing()

    def reload_library(self) -> None:
        current = self.picker.list.currentItem()
        chosen = str(current.data(ID_ROLE)) if current is not None else ""
        self.load_library()
        if chosen:
            self.picker.select(chosen)

    def open_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, "Open a routine", str(user_routines_dir()), "Routines (*.yaml *.yml)"
        )
        if path:
            self.open_routine(path, False)

    # --- sessions -------------------------------------------------------------------

    def open_routine(self, id_or_path: str, start: bool = False) -> bool:
        """Show a routine's step view, ready (or started); False with a message if not."""
        return self.controller.open(id_or_path, start)

    def _session_opened(self, driver: SessionDriver) -> None:
        driver.stateChanged.connect(self._update_title)
        driver.tick.connect(self._update_title)
        self.step_view.attach(driver, self.controller.exercises)
        self.pages.setCurrentWidget(self.step_view)

    def request_stop(self) -> None:
        """Esc or the stop button: asks first once a session has run a while."""
        controller = self.controller
        policy = controller.stop_policy()
        if policy is StopPolicy.LEAVE:
            self.show_picker()
            return
        driver = controller.driver
        if policy is StopPolicy.ASK and driver is not None:
            from ..core.session import State

            was_running = driver.state is State.RUNNING
            if not ask_to_stop(self):
                if was_running and driver.state is State.PAUSED:
                    driver.resume()
                return
        controller.stop()

    def _show_summary(self, report: SessionReport) -> None:
        self.summary.show_report(report)
        self.pages.setCurrentWidget(self.summary)

    def show_picker(self) -> None:
        self.controller.close_session()
        self.pages.setCurrentWidget(self.picker)
        self.picker.search.setFocus()

    # --- look -----------------------------------------------------------------------

    def apply_theme(self, dark: bool | None = None) -> None:
        """Follow the system's colour scheme, or ``dark`` when it is known already."""
        if dark is None:
            dark = theme.system_prefers_dark()
            self.settings.remember_system_dark(dark)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.theme = theme.apply(app, theme.for_scheme(dark))
        if self._step_view is not None:
            self._step_view.apply_theme(self.theme)

    def _after_first_paint(self) -> None:
        """The first frame is out: the picker's details come next, then the rest."""
        self.picker.show_details()
        if self.picker.isVisible():  # let their paint go first
            self._first_paint = FirstPaint(self.picker.detail_text, self._settle)
        else:
            self._settle()

    def _settle(self) -> None:
        self.picker.after_first_paint()
        if theme.system_prefers_dark() != self.theme.dark:  # changed since the last run
            self.apply_theme()  # and remembers it

    def _update_title(self) -> None:
        title = window_title(session_title(self.driver if self.in_session_view() else None))
        if title != self.windowTitle():
            self.setWindowTitle(title)

    def toggle_focus_mode(self) -> None:
        focus = not self.isFullScreen() and self.in_session_view()
        self.menuBar().setVisible(not focus)
        self.focus_action.setChecked(focus)
        if focus:
            self.showFullScreen()
        else:
            self.showNormal()

    def show_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.hands_free, self)
        dialog.timingChanged.connect(self.controller.retime)
        dialog.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.isFullScreen():
            self.settings.save_geometry(self.saveGeometry())
        self.controller.shutdown()
        super().closeEvent(event)
