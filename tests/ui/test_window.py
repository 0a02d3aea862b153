"""The main window as a user meets it: picker, step view, controls, keys, summary."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QFontMetrics, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from backstretch_gui.app import create_window
from backstretch_gui.core.session import State
from backstretch_gui.core.timeline import SegmentKind
from backstretch_gui.services.settings import Settings
from backstretch_gui.ui.main_window import MainWindow
from backstretch_gui.ui.qt_values import ID_ROLE
from backstretch_gui.ui.ring import CountdownRing

from .conftest import copy_bundled
from helpers import DATA, FakeClock

NAMES: dict[str, type] = {
    "routinePicker": QAbstractItemView,
    "routineSearch": QLineEdit,
    "startButton": QPushButton,
    "stepView": QWidget,
    "illustration": QWidget,
    "exerciseName": QLabel,
    "cueText": QLabel,
    "sideLabel": QLabel,
    "repLabel": QLabel,
    "nextUpLabel": QLabel,
    "countdownRing": QWidget,
    "routineProgress": QProgressBar,
    "playPauseButton": QPushButton,
    "previousButton": QPushButton,
    "nextButton": QPushButton,
    "stopButton": QPushButton,
    "summaryView": QWidget,
}


def child(window: MainWindow, name: str) -> QWidget:
    found = window.findChild(QWidget, name)
    assert found is not None, name
    return found


def picker_ids(window: MainWindow) -> list[str]:
    view = window.picker.list
    return [str(view.item(r).data(Qt.ItemDataRole.UserRole)) for r in range(view.count())]


def tick(window: MainWindow, clock: FakeClock, seconds: float) -> None:
    """Let time pass in small steps, waking the driver as its timer would."""
    assert window.driver is not None
    while seconds > 1e-9:
        step = min(0.25, seconds)
        clock.advance(step)
        seconds -= step
        window.driver.pacer.wake()


def test_every_automation_name_is_there(window: MainWindow) -> None:
    window.open_routine("desk-break")  # the step view and summary are built when first needed
    assert window.pages.summary is not None
    for name, kind in NAMES.items():
        assert isinstance(child(window, name), kind), name
        assert child(window, name).accessibleName(), name


def test_create_window_opens_a_routine_ready_or_started(qtbot: QtBot) -> None:
    ready = create_window(["desk-break"])
    qtbot.addWidget(ready)
    assert ready.pages.currentWidget() is ready.pages.step_view
    assert ready.driver is not None and ready.driver.state is State.READY
    started = create_window(["desk-break", "--start"])
    qtbot.addWidget(started)
    assert started.driver is not None and started.driver.state is State.RUNNING
    for win in (ready, started):
        assert win.driver is not None
        win.driver.shutdown()


def test_picker_lists_every_routine_and_filters_as_you_type(window: MainWindow) -> None:
    ids = picker_ids(window)
    assert len(ids) == 9 and "lower-back-floor" in ids and "neck-and-upper-back" in ids
    view = window.picker.list
    first = view.item(0)
    assert "\n" in first.text() and "4 steps" in first.text()  # as the details say
    assert not first.icon().isNull()
    window.picker.search.setText("chair")
    visible = [view.item(r) for r in range(view.count()) if not view.item(r).isHidden()]
    chair = {"desk-break", "neck-and-upper-back", "from-the-neck-down"}
    assert {i.data(Qt.ItemDataRole.UserRole) for i in visible} == chair
    assert view.currentItem() is visible[0]
    assert "Desk break" in window.picker.detail_text.text()
    window.picker.search.setText("no such thing")
    assert all(view.item(r).isHidden() for r in range(view.count()))
    assert not window.picker.startButton.isEnabled()


def test_arrows_choose_and_enter_starts(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    # From the first key on: the search box has the focus, not the banner's button.
    assert QApplication.focusWidget() is window.picker.search
    qtbot.keyClick(window.picker.search, Qt.Key.Key_Down)
    assert window.picker.list.currentRow() == 1
    chosen = window.picker.list.currentItem().data(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(window.picker.search, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.pages.step_view
    assert window.driver is not None
    assert window.driver.timeline.routine_id == chosen
    assert window.driver.state is State.RUNNING


def test_details_show_exercises_doses_cautions_and_source(window: MainWindow) -> None:
    window.picker.select("three-easy-back-stretches")
    text = window.picker.detail_text.text()
    assert "Figure-4 glute stretch" in text
    assert "each side" in text
    assert "Cautions" in text and "pins and needles" in text
    assert "three easy back stretches to try at home" in text


def test_a_broken_user_routine_is_listed_with_its_error(
    window: MainWindow, user_routines: Path
) -> None:
    (user_routines / "oops.yaml").write_text("id: oops\ntitle: [\n")
    window.load_library()
    view = window.picker.list
    broken = [view.item(r) for r in range(view.count()) if "oops.yaml" in view.item(r).text()]
    assert broken
    view.setCurrentItem(broken[0])
    assert "not valid YAML" in window.picker.detail_text.text()
    assert not window.picker.startButton.isEnabled()
    assert len(picker_ids(window)) == 10  # the nine good ones are all still there


def test_reading_the_list_again_keeps_the_chosen_entry(
    window: MainWindow, user_routines: Path
) -> None:
    window.picker.select("desk-break")
    (user_routines / "oops.yaml").write_text("id: oops\ntitle: [\n")
    window.load_library()  # a new entry above or below must not move the choice
    assert window.picker.list.currentItem().data(ID_ROLE) == "desk-break"
    broken = window.picker.list.findItems("oops.yaml", Qt.MatchFlag.MatchStartsWith)[0]
    window.picker.list.setCurrentItem(broken)
    window.load_library()
    assert window.picker.list.currentItem().text().startswith("oops.yaml")
    assert "not valid YAML" in window.picker.detail_text.text()


def test_a_user_routine_shadowing_a_bundled_one_says_so(
    window: MainWindow, user_routines: Path
) -> None:
    copy_bundled("desk-break.yaml", user_routines)
    window.load_library()
    window.picker.select("desk-break")
    assert "yours" in window.picker.list.currentItem().text()
    assert "replacing the bundled one" in window.picker.detail_text.text()


def test_safety_notice_is_shown_once_until_dismissed(
    qtbot: QtBot, isolated_user_dirs: Path, clock: FakeClock
) -> None:
    settings_file = isolated_user_dirs / "settings.ini"
    first = MainWindow(Settings(settings_file), clock=clock)
    qtbot.addWidget(first)
    first.show()
    assert first.picker.banner.isVisible()
    qtbot.mouseClick(
        first.picker.banner.findChild(QPushButton, "dismissSafetyNotice"),
        Qt.MouseButton.LeftButton,
    )
    assert not first.picker.banner.isVisible()
    second = MainWindow(Settings(settings_file), clock=clock)
    qtbot.addWidget(second)
    second.show()
    assert not second.picker.banner.isVisible()


def test_size_and_position_are_remembered(
    qtbot: QtBot, isolated_user_dirs: Path, clock: FakeClock
) -> None:
    settings_file = isolated_user_dirs / "settings.ini"
    first = MainWindow(Settings(settings_file), clock=clock)
    qtbot.addWidget(first)
    first.resize(700, 500)  # the offscreen screen is 800 by 600
    first.show()
    first.close()
    second = MainWindow(Settings(settings_file), clock=clock)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)


def test_step_view_reads_from_the_floor_at_1280_by_800(window: MainWindow, qtbot: QtBot) -> None:
    window.open_routine("three-easy-back-stretches")
    qtbot.wait(10)
    ring = window.pages.step_view.ring
    assert min(ring.width(), ring.height()) >= 300
    metrics = QFontMetrics(ring.number_font())
    assert metrics.tightBoundingRect("8").height() >= 120
    assert metrics.height() >= 120
    name = window.pages.step_view.exerciseName
    assert name.font().pixelSize() >= 36
    assert name.text() == "Side-lying rotation"


def test_layout_scales_with_the_window(window: MainWindow, qtbot: QtBot) -> None:
    window.open_routine("desk-break")
    window.resize(1920, 1080)
    qtbot.wait(10)
    big_ring = window.pages.step_view.ring.width()
    big_font = window.pages.step_view.exerciseName.font().pixelSize()
    window.resize(1280, 800)
    qtbot.wait(10)
    assert big_ring > window.pages.step_view.ring.width()
    assert big_font > window.pages.step_view.exerciseName.font().pixelSize()


def test_ring_properties_are_live(test_window: MainWindow, clock: FakeClock) -> None:
    test_window.open_routine("short", start=True)
    ring = child(test_window, "countdownRing")
    assert isinstance(ring, CountdownRing)
    assert ring.property("duration") == 5.0
    assert ring.property("remaining") == 5.0
    clock.advance(1.25)  # read live, before any timer fires
    assert ring.property("remaining") == pytest.approx(3.75)


def test_segments_show_side_rep_cue_and_next_up(test_window: MainWindow, clock: FakeClock) -> None:
    test_window.open_routine("short", start=True)
    view = test_window.pages.step_view
    assert view.sideLabel.text() == "Left side"
    assert view.nextUpLabel.text() == "Next: Roll up, 35\u00a0s"  # how long it lasts
    assert view.ring.caption == "Get ready" and view.repLabel.text() == ""
    tick(test_window, clock, 5.5)  # into the first hold
    assert view.repLabel.text() == "Rep 1 of 2"
    assert view.ring.caption == "Hold"
    assert view.cueText.text() == "Draw your knee in"
    assert view.ring.shown_text == "20"
    tick(test_window, clock, 20)  # the rest says which rep comes
    assert view.ring.caption == "Rest" and view.repLabel.text() == "Rep 2 of 2 next"
    tick(test_window, clock, 5 + 20)  # second hold: now switching sides
    assert test_window.driver is not None
    assert test_window.driver.segment.kind is SegmentKind.SWITCH
    assert view.sideLabel.text() == "Right side"
    assert view.illustration._mirrored


def test_breathing_cue_shows_for_tempo_phases(test_window: MainWindow, clock: FakeClock) -> None:
    test_window.open_routine("short", start=True)
    test_window.controller.remote("next")  # to the roll-up: a tempo exercise
    tick(test_window, clock, 10.5)  # through the transition into the first phase
    view = test_window.pages.step_view
    assert view.cueText.text() == "Breathe out and roll up"
    assert view.breathLabel.text() == "Breathe out"
    assert view.illustration.moving
    tick(test_window, clock, 4)
    assert view.breathLabel.text() == "Hold"


def test_buttons_drive_the_session(test_window: MainWindow, qtbot: QtBot) -> None:
    test_window.open_routine("short")
    view = test_window.pages.step_view
    driver = test_window.driver
    assert driver is not None
    click = Qt.MouseButton.LeftButton
    qtbot.mouseClick(view.playPauseButton, click)
    assert driver.state is State.RUNNING
    qtbot.mouseClick(view.playPauseButton, click)
    assert driver.state is State.PAUSED
    qtbot.mouseClick(view.nextButton, click)
    assert driver.session.step == 1
    qtbot.mouseClick(view.previousButton, click)
    assert driver.session.step == 0
    qtbot.mouseClick(view.stopButton, click)
    assert driver.state is State.STOPPED
    assert test_window.pages.currentWidget() is test_window.pages.summary


@pytest.mark.parametrize(
    ("keys", "step", "state"),
    [
        ([Qt.Key.Key_Space], 0, State.RUNNING),
        ([Qt.Key.Key_Space, Qt.Key.Key_Space], 0, State.PAUSED),
        ([Qt.Key.Key_Right], 1, State.READY),
        ([Qt.Key.Key_N, Qt.Key.Key_N], 2, State.READY),
        ([Qt.Key.Key_N, Qt.Key.Key_Left], 0, State.READY),
        ([Qt.Key.Key_N, Qt.Key.Key_P], 0, State.READY),
    ],
)
def test_keys(
    test_window: MainWindow, qtbot: QtBot, keys: list[Qt.Key], step: int, state: State
) -> None:
    test_window.open_routine("short")
    for key in keys:
        qtbot.keyClick(test_window, key)
    assert test_window.driver is not None
    assert (test_window.driver.session.step, test_window.driver.state) == (step, state)


def test_r_restarts_the_step(test_window: MainWindow, qtbot: QtBot, clock: FakeClock) -> None:
    test_window.open_routine("short", start=True)
    tick(test_window, clock, 12)
    qtbot.keyClick(test_window, Qt.Key.Key_R)
    assert test_window.driver is not None
    assert test_window.driver.session.index == 0
    assert test_window.driver.remaining() == 5.0


def test_escape_stops_at_once_early_and_asks_later(
    test_window: MainWindow, qtbot: QtBot, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    test_window.open_routine("short", start=True)
    tick(test_window, clock, 10)
    qtbot.keyClick(test_window, Qt.Key.Key_Escape)
    assert test_window.pages.currentWidget() is test_window.pages.summary

    asked: list[str] = []

    def answer(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[1]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    test_window.open_routine("short", start=True)
    tick(test_window, clock, 61)
    qtbot.keyClick(test_window, Qt.Key.Key_Escape)
    assert asked == ["Stop the session?"]
    assert test_window.pages.currentWidget() is test_window.pages.step_view
    assert test_window.driver is not None and test_window.driver.state is State.RUNNING


def test_keys_do_nothing_to_a_session_from_the_picker(window: MainWindow, qtbot: QtBot) -> None:
    window.picker.list.setFocus()
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Space)
    assert window.driver is None


def test_f11_focus_mode_shows_only_the_step_view(test_window: MainWindow, qtbot: QtBot) -> None:
    test_window.open_routine("short")
    qtbot.keyClick(test_window, Qt.Key.Key_F11)
    assert test_window.isFullScreen()
    assert not test_window.menuBar().isVisible()
    qtbot.keyClick(test_window, Qt.Key.Key_F11)
    assert not test_window.isFullScreen()
    assert test_window.menuBar().isVisible()


def test_focus_mode_gives_the_buttons_room_to_the_picture_while_it_runs(
    test_window: MainWindow, qtbot: QtBot, clock: FakeClock
) -> None:
    test_window.open_routine("short", start=True)
    view = test_window.pages.step_view
    screen = test_window.screen().geometry()
    test_window.resize(screen.size())  # as large as full screen, but with its bars
    qtbot.waitUntil(lambda: view.height() > 0)
    QApplication.processEvents()
    picture, ring = view.illustration.height(), view.ring.height()
    qtbot.keyClick(test_window, Qt.Key.Key_F11)
    qtbot.waitUntil(test_window.isFullScreen)
    QApplication.processEvents()
    assert not view.controlsBar.isVisible() and not test_window.statusBar().isVisible()
    assert view.illustration.height() > picture + 40, (picture, view.illustration.height())
    assert view.ring.height() > ring
    test_window.notify("Voice: the voice never finished speaking")  # waits till after
    assert not test_window.statusBar().isVisible()
    # The mouse brings the buttons back for a while; a pause keeps them.
    view._controls_timer.setInterval(50)
    QApplication.sendEvent(view.ring, _mouse_move(view.ring))
    assert view.controlsBar.isVisible()
    qtbot.waitUntil(lambda: not view.controlsBar.isVisible(), timeout=2000)
    assert test_window.driver is not None
    test_window.driver.pause()
    assert view.controlsBar.isVisible()
    test_window.driver.resume()
    assert not view.controlsBar.isVisible()
    qtbot.keyClick(test_window, Qt.Key.Key_F11)
    assert view.controlsBar.isVisible() and test_window.statusBar().isVisible()


def _mouse_move(widget: QWidget) -> QMouseEvent:
    centre = QPointF(widget.rect().center())
    return QMouseEvent(
        QEvent.Type.MouseMove,
        centre,
        widget.mapToGlobal(centre),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )


def test_the_title_shows_exercise_and_time_left(test_window: MainWindow, clock: FakeClock) -> None:
    test_window.open_routine("short", start=True)
    assert test_window.windowTitle() == "0:05 · Knee hug — Backstretch"
    tick(test_window, clock, 1.5)
    assert test_window.windowTitle() == "0:04 · Knee hug — Backstretch"
    assert test_window.driver is not None
    test_window.driver.pause()
    assert test_window.windowTitle() == "Paused · Knee hug — Backstretch"


def test_summary_counts_done_and_skipped_and_offers_again(
    test_window: MainWindow, qtbot: QtBot, clock: FakeClock
) -> None:
    test_window.open_routine("short", start=True)
    test_window.controller.remote("next")  # skip the knee hug
    tick(test_window, clock, 200)
    assert test_window.pages.currentWidget() is test_window.pages.summary
    text = test_window.pages.summary.stats.text()
    assert "<b>2</b> done · <b>1</b> skipped" in text
    assert "<b>0:50</b> taken" in text  # transition 10 + roll-up 25 + transition 10 + reach 5
    qtbot.mouseClick(test_window.pages.summary.againButton, Qt.MouseButton.LeftButton)
    assert test_window.driver is not None and test_window.driver.state is State.RUNNING
    assert test_window.driver.timeline.routine_id == "short"
    test_window.controller.stop()
    qtbot.mouseClick(test_window.pages.summary.backButton, Qt.MouseButton.LeftButton)
    assert test_window.pages.currentWidget() is test_window.picker
    assert test_window.driver is None
    assert test_window.focusWidget() is test_window.picker.search  # type or arrow on


def test_nothing_ticks_while_paused(test_window: MainWindow) -> None:
    test_window.open_routine("short", start=True)
    driver = test_window.driver
    assert driver is not None
    assert driver.waiting()
    driver.pause()
    assert not driver.waiting()
    driver.resume()
    assert driver.waiting()


def test_opening_a_broken_file_says_why(test_window: MainWindow, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [\n")
    assert not test_window.open_routine(str(bad))
    assert test_window.pages.currentWidget() is test_window.picker
    boxes = test_window.findChildren(QMessageBox)
    assert boxes and "not valid YAML" in boxes[-1].text()
    for box in boxes:
        box.close()


def test_the_current_exercises_cautions_are_one_click_away(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.open_routine("lower-back-floor")
    view = window.pages.step_view
    qtbot.mouseClick(view.cautionsButton, Qt.MouseButton.LeftButton)
    popup = view._cautions_popup
    assert popup is not None and popup.isVisible()
    texts = [label.text() for label in popup.findChildren(QLabel)]
    assert texts[0] == "Cautions: Single knee-to-chest"
    assert len(texts) > 1 and all(text.startswith("• ") for text in texts[1:])
    popup.close()


def test_the_cautions_pause_the_session_never_cover_the_cue_and_any_key_closes_them(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.open_routine("lower-back-floor", start=True)
    view = window.pages.step_view
    driver = window.driver
    assert driver is not None and driver.state is State.RUNNING
    view.cautionsButton.click()
    card = view._cautions_popup
    assert card is not None and card.isVisible() and driver.state is State.PAUSED
    cue = view.cueText.rect().translated(view.cueText.mapToGlobal(QPoint(0, 0)))
    assert not card.frameGeometry().intersects(cue)
    QTest.keyClick(card, Qt.Key.Key_Space)  # a clicker's key
    assert not card.isVisible() and driver.state is State.RUNNING
    driver.pause()  # paused by the person: closing the card leaves it paused
    view.cautionsButton.click()
    qtbot.mouseClick(view._cautions_popup, Qt.MouseButton.LeftButton)
    assert not view._cautions_popup.isVisible() and driver.state is State.PAUSED


def test_the_stop_question_pauses_time_and_no_resumes_it(
    window: MainWindow, clock: FakeClock
) -> None:
    window.open_routine("lower-back-floor", start=True)
    tick(window, clock, 70)  # long enough to be asked
    driver = window.driver
    assert driver is not None
    states = []

    def answer(yes: bool) -> Callable[[], bool]:
        def ask() -> bool:
            states.append(driver.state)
            return yes

        return ask

    window.controller.request_stop(answer(False))
    assert states == [State.PAUSED] and driver.state is State.RUNNING
    window.controller.request_stop(answer(True))
    assert states[-1] is State.PAUSED and driver.state is State.STOPPED


def test_a_routine_whose_file_broke_after_listing_says_so(
    window: MainWindow, user_routines: Path
) -> None:
    mine = user_routines / "mine.yaml"
    text = copy_bundled("desk-break.yaml", user_routines).read_text()
    mine.write_text(text.replace("id: desk-break", "id: mine"))
    window.load_library()
    mine.write_text("id: mine\ntitle: [\n")
    assert not window.open_routine("mine")
    [box] = window.findChildren(QMessageBox)
    assert "can no longer be read" in box.text()
    box.close()
    assert "mine" not in picker_ids(window)  # the list was read again: it shows why
    assert window.picker.list.currentItem().text().startswith("mine.yaml")
    assert "not valid YAML" in window.picker.detail_text.text()


SESSION_CHILD = """
import sys
from backstretch_gui.app import create_window
from PySide6.QtWidgets import QApplication
window = create_window(sys.argv[1:])
for _ in range(20):
    QApplication.processEvents()
window.close()
print("loaded:", " ".join(m for m in ("yaml", "msgspec") if m in sys.modules))
"""


def test_a_session_of_a_listed_routine_runs_without_yaml_or_msgspec(
    isolated_user_dirs: Path,
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def loaded(*argv: str) -> list[str]:
        done = subprocess.run(
            [sys.executable, "-c", SESSION_CHILD, *argv],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        [line] = [x for x in done.stdout.splitlines() if x.startswith("loaded:")]
        return line.split()[1:]

    assert loaded("lower-back-floor", "--start") == ["yaml", "msgspec"]  # builds the cache
    assert loaded("lower-back-floor", "--start") == []
    routine = isolated_user_dirs / "elsewhere.yaml"
    routine.write_text((DATA / "short.yaml").read_text().replace("id: short", "id: elsewhere"))
    assert "yaml" in loaded(str(routine))  # a file from elsewhere is read as it is


def test_details_of_the_first_routine_follow_the_first_frame(
    window: MainWindow, qtbot: QtBot
) -> None:
    first = window.picker.list.item(0).text().split("\n")[0]
    qtbot.waitUntil(lambda: first in window.picker.detail_text.text(), timeout=2000)
    assert window.picker.startButton.isEnabled()
