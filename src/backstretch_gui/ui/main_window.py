"""The main window: picker, step view and summary pages, keys, focus mode, title."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow

from ..core import listing
from ..services.controller import AppController, StopPolicy
from ..services.settings import Settings
from . import theme
from .editor_host import EditorHost
from .pages import Pages
from .routine_actions import RoutineActions
from .window_parts import (
    FirstPaint,
    NoticeBar,
    ask_to_stop,
    build_menus,
    session_actions,
    session_title,
    show_settings,
    tell,
    window_title,
)

# The picker is painted from the cached listing alone and a session runs from its
# routine's cached plan, so the typed library (msgspec, PyYAML) is imported only to
# rebuild that cache or to open a file from elsewhere (see also `pages`).
if TYPE_CHECKING:
    from ..core.session import SessionReport
    from ..services.driver import SessionDriver
    from .picker import PickerPage

Clock = Callable[[], float]


TITLE_BAR = 40
"""Room left for the title bar the window manager adds above the window."""


def first_size(available: QRect, headless: bool = False) -> QSize:
    """The size of a first window: 1280x800, or less so it fits the screen's free area
    (a 1280x800 laptop screen has a panel and the title bar to leave room for). A
    headless platform's screen is a placeholder, with nothing to fit."""
    if headless:
        return QSize(1280, 800)
    return QSize(min(1280, available.width()), min(800, available.height() - TITLE_BAR))


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
        self.notice = NoticeBar()
        self.pages = Pages(self.controller)
        # Last run's colour scheme, checked once the window is on screen: asking the
        # system names the `Qt` namespace, which costs ~12 ms (theme.system_prefers_dark).
        self.apply_theme(self.settings.system_dark)
        self._first_paint = FirstPaint(self, self._after_first_paint)
        self.setCentralWidget(self.pages)
        self.pages.stopRequested.connect(self.request_stop)
        self.pages.backRequested.connect(self.show_picker)
        controller = self.controller
        controller.listingChanged.connect(lambda rows: self.picker.set_listing(rows))
        controller.sessionOpened.connect(self._session_opened)
        controller.sessionEnded.connect(self._session_ended)
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
        self.editor_host = EditorHost(self, self)
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
            headless = QGuiApplication.platformName() in ("offscreen", "minimal")
            self.resize(first_size(QGuiApplication.primaryScreen().availableGeometry(), headless))
        self._page_changed()

    @property
    def picker(self) -> PickerPage:
        return self.pages.picker

    @property
    def driver(self) -> SessionDriver | None:
        """The open session's driver, if any (the controller's)."""
        return self.controller.driver

    def notify(self, message: str) -> None:
        """A quiet, non-modal notice at the bottom of the window (also on stderr)."""
        print(f"backstretch: {message}", file=sys.stderr)
        self.notice.add(message)
        self.statusBar().setVisible(not self.focus_action.isChecked())  # shown after

    def bring_to_front(self) -> None:
        self.showNormal() if self.isMinimized() else self.show()
        self.raise_()
        self.activateWindow()

    def in_session_view(self) -> bool:
        return self.pages.in_session()

    # --- actions and keys -----------------------------------------------------------

    def _build_actions(self) -> None:
        self._session_actions = session_actions(self, self.controller, self.request_stop)
        files = RoutineActions(self, self.picker, self.controller)
        files.newRequested.connect(lambda: self.editor_host.new())
        files.editRequested.connect(lambda path: self.editor_host.edit(path))
        self.routine_actions = files
        self.focus_action = build_menus(
            self,
            open_file=files.open_file,
            reload=self.load_library,
            settings=self.show_settings,
            focus_mode=self.toggle_focus_mode,
            edit_items=files.menu_actions(),
        )

    def _page_changed(self) -> None:
        self.routine_actions.set_picker_shown(self.pages.currentWidget() is self.picker)
        in_session = self.in_session_view()
        for action in self._session_actions:
            action.setEnabled(in_session)
        if not in_session and self.focus_action.isChecked():
            self.toggle_focus_mode()
        self.update_title()

    # --- library --------------------------------------------------------------------

    def load_library(self) -> None:
        """Fill the picker from the routine files (through the listing cache)."""
        self.controller.read_listing()

    # --- sessions -------------------------------------------------------------------

    def open_routine(self, id_or_path: str, start: bool = False) -> bool:
        """Show a routine's step view, ready (or started); False with a message if not."""
        return self.controller.open(id_or_path, start)

    def _session_opened(self, driver: SessionDriver) -> None:
        driver.stateChanged.connect(self.update_title)
        driver.tick.connect(self.update_title)
        self.pages.show_session(driver)

    def request_stop(self) -> None:
        """Esc or the stop button: asks first once a session has run a while."""
        if self.controller.request_stop(lambda: ask_to_stop(self)) is StopPolicy.LEAVE:
            self.show_picker()

    def _session_ended(self, report: SessionReport) -> None:
        if not self.editor_host.back_from_trying():
            self.pages.show_report(report)

    def show_picker(self) -> None:
        if not self.editor_host.back_from_trying():
            self.controller.close_session()
            self.pages.show_picker()

    # --- look -----------------------------------------------------------------------

    def apply_theme(self, dark: bool | None = None) -> None:
        """Follow the system's colour scheme, or ``dark`` when it is known already."""
        if dark is None:
            dark = theme.system_prefers_dark()
            self.settings.remember_system_dark(dark)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.pages.apply_theme(theme.apply(app, theme.for_scheme(dark)))

    def _after_first_paint(self) -> None:
        """The first frame is out: the picker's details come next, then the rest."""
        self.picker.after_window_painted(self._settle)

    def _settle(self) -> None:
        self.controller.watch_routines()
        if theme.system_prefers_dark() != self.pages.theme.dark:  # changed since the last run
            self.apply_theme()  # and remembers it

    def update_title(self) -> None:
        editing = self.editor_host.window_title()  # with its "[*]" for unsaved changes
        if editing is None and self.isWindowModified():  # while the title has the mark
            self.setWindowModified(False)
        driver = self.driver if self.in_session_view() else None
        title = editing or window_title(session_title(driver))
        if title != self.windowTitle():
            self.setWindowTitle(title)
        if editing is not None:
            self.setWindowModified(self.editor_host.has_unsaved_changes())

    def toggle_focus_mode(self) -> None:
        """F11: the session full screen, with nothing but the session on it (the menus,
        the notices and, while it runs, the buttons step aside)."""
        focus = not self.isFullScreen() and self.in_session_view()
        self.menuBar().setVisible(not focus)
        self.statusBar().setVisible(not focus and self.notice.has_notices())
        self.focus_action.setChecked(focus)
        self.pages.set_focus_mode(focus)
        if focus:
            self.showFullScreen()
        else:
            self.showNormal()

    def show_settings(self) -> None:
        show_settings(self, self.settings, self.controller)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.editor_host.has_unsaved_changes():
            event.ignore()  # asks first; closes once saved or given up
            self.editor_host.leave_then(self.close)
            return
        if not self.isFullScreen():
            self.settings.save_geometry(self.saveGeometry())
        self.controller.shutdown()
        super().closeEvent(event)
