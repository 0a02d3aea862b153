"""The Qt application: window creation and the event loop."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from . import __version__


def application(argv: Sequence[str] = ()) -> QApplication:
    """The one QApplication, created on first use."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication([sys.argv[0] if sys.argv else "backstretch", *argv])
    app.setApplicationName("Backstretch")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("backstretch")
    return app


def create_window(argv: Sequence[str] = ()) -> QMainWindow:
    """Build the main window as ``main()`` does, without starting the event loop."""
    application(argv)
    window = QMainWindow()
    window.setWindowTitle("Backstretch")
    label = QLabel("Backstretch")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    window.setCentralWidget(label)
    window.resize(1280, 800)
    return window


def run_app(options: argparse.Namespace) -> int:
    app = application()
    window = create_window()
    window.show()
    if options.smoke_test:
        QTimer.singleShot(0, app.quit)
    return app.exec()
