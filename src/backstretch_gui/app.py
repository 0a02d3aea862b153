"""The Qt application: window creation, the smoke test and the event loop."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from . import __version__
from .core import resources
from .services.pyside_tuning import skip_pyside_source_scan

# Before the views are imported: PySide would read and keep the source of each.
skip_pyside_source_scan()

from .ui import theme  # noqa: E402
from .ui.main_window import MainWindow  # noqa: E402
from .ui.window_parts import FirstPaint  # noqa: E402

if TYPE_CHECKING:
    from .options import GuiOptions

VOICE_WAIT_MS = 4000


def application() -> QApplication:
    """The one QApplication, created on first use."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    # Qt's raster engine hands every fill of 96 scanlines or more to a pool of helper
    # threads and waits for them. For the ring's and the labels' small areas the
    # hand-off costs more than the fill: a session woke the main thread 11 times a
    # second instead of 7 (docs/performance.md). Read once, when Qt makes the pool.
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")  # the user's own setting wins
    app = QApplication([sys.argv[0] if sys.argv else "backstretch", *theme.STYLE_ARGUMENTS])
    app.setProperty(theme.FUSION_SET, True)
    app.setApplicationName("Backstretch")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("backstretch")
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """The window's icon. Up to 128 px: the window system keeps every size given, and
    the launcher and dock show the desktop entry's icon, which has all sizes."""
    icon = QIcon()
    for size in (16, 32, 48, 64, 128):
        icon.addFile(str(resources.icon_path(size)), QSize(size, size))
    return icon


def create_window(argv: Sequence[str] = ()) -> MainWindow:
    """Build the main window as ``main()`` does, without starting the event loop.

    ``argv`` takes the command line's arguments (without the program name):
    a routine id or file to open, and ``--start``.
    """
    from .options import gui_options

    options = gui_options(argv)
    application()
    window = MainWindow()
    window.load_library()
    if options.routine:
        window.open_routine(options.routine, start=options.start)
    return window


def run_app(options: GuiOptions) -> int:
    app = application()
    # The smoke test fails on exceptions raised inside Qt callbacks, which PySide only
    # prints; a normal run leaves Python's own hook in place.
    errors = _collect_errors() if options.smoke_test else []
    window = MainWindow()
    window.load_library()
    if options.smoke_test:
        return smoke_test(window, errors)
    if options.routine and not window.open_routine(options.routine):
        print(f"backstretch: could not open {options.routine}", file=sys.stderr)
    window.show()
    # Ctrl+C and SIGTERM: set up once the window is on screen (socket costs ~3 ms).
    FirstPaint(window, lambda: quit_on_signals(app))
    # After the first paint: prepare sounds and the voice (the speech engine starts
    # in its own thread).
    driver = window.driver
    if options.start and driver is not None:
        # Wait for the voice (a few seconds at most), so the first cue is heard.
        window.controller.hands_free.start_sound()
        window.controller.hands_free.when_voice_ready(
            window.controller.start_planned_for_the_voice, VOICE_WAIT_MS
        )
    else:
        # A lambda, so the sound machinery is built after the first paint, not before.
        QTimer.singleShot(100, lambda: window.controller.hands_free.start_sound())
    return app.exec()


def quit_on_signals(app: QApplication) -> None:
    """Ctrl+C in the terminal and SIGTERM (a desktop logging out) quit as File > Quit
    does: every window closes (the main window saves its geometry, retires the session
    and shuts sound and voice down), then the event loop ends with code 0.

    Python runs a signal's handler only when it next runs Python code, and Qt's event
    loop may sleep for minutes (a paused session). The signal's number is therefore
    also written to a socket that Qt watches: that wakes the loop, with no timer
    polling for it."""
    import contextlib
    import signal
    import socket

    from PySide6.QtCore import QSocketNotifier

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def drain() -> None:  # running Python code here is what runs the handler
        with contextlib.suppress(OSError):  # drained already
            reader.recv(64)

    notifier.activated.connect(drain)
    _signal_sockets.extend([reader, writer])  # closed when the process ends

    def close_and_quit() -> None:
        app.closeAllWindows()  # a dialog's own event loop ends too
        app.quit()

    def handler(_number: int, _frame: object) -> None:
        # Not from inside whatever Python code the signal interrupted: from the loop.
        QTimer.singleShot(0, close_and_quit)

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)


_signal_sockets: list[object] = []


def _collect_errors() -> list[str]:
    """Exceptions raised inside Qt callbacks (PySide reports and swallows them)."""
    errors: list[str] = []
    previous = sys.excepthook

    def hook(kind, value, tb):  # type: ignore[no-untyped-def]
        import traceback

        errors.append("".join(traceback.format_exception(kind, value, tb)))
        previous(kind, value, tb)

    sys.excepthook = hook
    return errors


def smoke_test(window: MainWindow, errors: list[str]) -> int:
    """Open the window, render every bundled routine's step view once; 0 if all went well."""
    from .core import listing

    # The routine files themselves are read, not the cache, so a broken one is caught.
    library = listing.load(*listing.default_sources())
    if not library.routines:
        print("smoke test: no routines loaded", file=sys.stderr)
        return 1
    window.show()
    QApplication.processEvents()
    window.picker.grab()
    for entry in library.routines:
        if not window.open_routine(entry.routine.id):
            errors.append(f"could not open {entry.routine.id}")
            continue
        QApplication.processEvents()
        if window.pages.step_view.grab().isNull():
            errors.append(f"{entry.routine.id}: the step view did not render")
    window.show_picker()
    QTimer.singleShot(0, window.close)
    QApplication.processEvents()
    for error in errors:
        print(f"smoke test: {error}", file=sys.stderr)
    if not errors:
        print(f"smoke test: {len(library.routines)} routines rendered")
    return 1 if errors else 0
