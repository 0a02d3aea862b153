"""Render every screen as PNG, in light and dark: `make screenshots` (offscreen).

The files land in screenshots/ (ignored by git). Open them and judge them as the
person on the floor two metres away would.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BACKSTRETCH_DATA_DIR", tempfile.mkdtemp(prefix="backstretch-shots-"))

from PySide6.QtWidgets import QApplication, QDialog

from backstretch_gui.app import application
from backstretch_gui.core.session import State
from backstretch_gui.core.timeline import SegmentKind
from backstretch_gui.services.driver import SessionDriver
from backstretch_gui.ui import theme
from backstretch_gui.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parents[1] / "screenshots"
ROUTINE = "three-easy-back-stretches"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def save(window: MainWindow, name: str) -> None:
    settle()
    path = OUT / f"{name}.png"
    window.grab().save(str(path))
    print(path)


def run_to(driver: SessionDriver, clock: FakeClock, kind: SegmentKind, into: float) -> None:
    """Let the fake clock run until a segment of ``kind`` is ``into`` seconds old."""
    while driver.segment.kind is not kind:
        clock.now += 0.5
        driver.pacer.wake()
    while into > 0:  # small steps, as the event loop would (a long gap pauses the session)
        clock.now += min(into, 0.5)
        into -= 0.5
        driver.pacer.wake()


def shoot(window: MainWindow, clock: FakeClock, suffix: str) -> None:
    window.show_picker()
    save(window, f"picker-{suffix}")
    for size in ("", "1024x600-"):
        window.resize(1024, 600) if size else window.resize(1280, 800)
        shoot_session(window, clock, size + suffix)
    window.resize(1280, 800)
    shoot_focus_mode(window, clock, suffix)
    from backstretch_gui.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.settings, window.controller.hands_free, window)
    dialog.show()
    settle()
    dialog.grab().save(str(OUT / f"settings-{suffix}.png"))
    dialog.close()
    window.show_picker()
    shoot_editor(window, suffix)


def shoot_session(window: MainWindow, clock: FakeClock, suffix: str) -> None:
    """Every kind of segment, paused, and the summary."""
    window.show_picker()
    window.open_routine(ROUTINE)
    driver = window.driver
    assert driver is not None
    save(window, f"step-ready-{suffix}")
    driver.start()
    run_to(driver, clock, SegmentKind.PREP, 2.2)
    save(window, f"step-prep-{suffix}")
    run_to(driver, clock, SegmentKind.PHASE, 1.5)
    save(window, f"step-phase-{suffix}")
    run_to(driver, clock, SegmentKind.SWITCH, 3.2)
    save(window, f"step-switch-{suffix}")
    run_to(driver, clock, SegmentKind.TRANSITION, 4.0)
    save(window, f"step-transition-{suffix}")
    driver.pause()
    save(window, f"step-paused-{suffix}")
    driver.resume()
    run_to(driver, clock, SegmentKind.REST, 1.0)
    save(window, f"step-rest-{suffix}")
    while driver.segment.step < 2:
        driver.next()
    run_to(driver, clock, SegmentKind.HOLD, 6.4)
    save(window, f"step-hold-{suffix}")
    while driver.state is State.RUNNING:
        clock.now += 0.5
        driver.pacer.wake()
    save(window, f"summary-{suffix}")


def shoot_focus_mode(window: MainWindow, clock: FakeClock, suffix: str) -> None:
    """Focus mode as F11 sets it, at the size of a 1280x800 screen (offscreen, the
    window cannot go full screen at that size)."""
    window.show_picker()
    window.open_routine("lower-back-floor")
    driver = window.driver
    assert driver is not None
    driver.start()
    run_to(driver, clock, SegmentKind.HOLD, 3.0)
    window.menuBar().hide()
    window.statusBar().hide()
    window.pages.set_focus_mode(True)
    save(window, f"step-focus-mode-{suffix}")
    window.pages.set_focus_mode(False)
    window.menuBar().show()
    window.statusBar().show()


def shoot_editor(window: MainWindow, suffix: str) -> None:
    """The editor on the longest routine (a phased step chosen), a new routine with its
    problems listed, the exercise chooser, and the editor at 1024x600."""
    from backstretch_gui.core import resources

    host = window.editor_host
    host.edit(str(resources.routines_dir() / "lower-back-floor.yaml"))
    assert host.editor is not None
    host.editor.select_step(1)
    save(window, f"editor-{suffix}")
    window.resize(1024, 600)
    save(window, f"editor-1024x600-{suffix}")
    window.resize(1280, 800)
    host.leave_then(window.show_picker)
    host.new()
    save(window, f"editor-new-{suffix}")
    host.choose_exercise()
    settle()
    chooser = window.findChild(QDialog, "exerciseChooser")
    assert chooser is not None
    chooser.grab().save(str(OUT / f"exercise-chooser-{suffix}.png"))
    chooser.reject()
    host.leave_then(window.show_picker)


def main() -> int:
    OUT.mkdir(exist_ok=True)
    app = application()
    clock = FakeClock()
    window = MainWindow(clock=clock)
    window.load_library()
    window.resize(1280, 800)
    window.show()
    for suffix, chosen in (("light", theme.LIGHT), ("dark", theme.DARK)):
        window.pages.apply_theme(theme.apply(app, chosen))
        shoot(window, clock, suffix)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
