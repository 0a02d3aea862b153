"""Text from a routine or catalog file is shown, spoken and published as plain text.

Routines are shared between people, so a title, a cue or a caution may hold anything
that looks like markup: an image tag that would make Qt read /dev/zero until memory
runs out, a bold tag, an entity, or the `[*]` Qt puts the "modified" mark in.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from backstretch_gui.core.files import display_path
from backstretch_gui.core.listing_rows import RoutineRow
from backstretch_gui.ui.main_window import MainWindow
from backstretch_gui.ui.picker import routine_html, tooltip
from backstretch_gui.ui.qt_values import PATH_ROLE
from backstretch_gui.ui.window_parts import window_title

from .test_window import tick
from helpers import FakeClock

IMG = '<img src="/dev/zero">'
TITLE = f"Evening {IMG} <b>bold</b> &amp; [*] stretch"
SUMMARY = f"Summary {IMG} <b>bold</b> &amp; [*]"
NAME = f"Knee {IMG} <b>hug</b> &amp; [*]"
CUE = f"Draw {IMG} <b>in</b> &amp; [*]"
CAUTION = f"Stop {IMG} <i>if</i> &amp; [*] it hurts"
SOURCE = f"Book <b>{IMG}</b>"
INSTRUCTION = f"Lie {IMG} down."

CATALOG = f"""\
version: 1
exercises:
  - id: knee-hug
    name: '{NAME}'
    position: floor
    targets: ['<b>lower</b> back']
    cue: '{CUE}'
    instructions: ['{INSTRUCTION}']
    why: 'Eases <b>it</b>.'
    cautions: ['{CAUTION}']
    keyframes:
      - {{id: hold, file: knee-hug-hold.svg, shows: left}}
    default_dose: {{sides: both, reps: 1, hold: 20}}
    source: '{SOURCE}'
"""

ROUTINE = f"""\
version: 1
id: marked-up
title: '{TITLE}'
summary: '{SUMMARY}'
source: '{SOURCE}'
tags: ['<b>tag</b>']
steps:
  - exercise: knee-hug
    cue: '{CUE}'
"""


def write_sources(folder: Path) -> tuple[Path, list[tuple[Path, str]]]:
    routines = folder / "routines"
    routines.mkdir(parents=True)
    (folder / "exercises.yaml").write_text(CATALOG)
    (routines / "marked-up.yaml").write_text(ROUTINE)
    return folder / "exercises.yaml", [(routines, "bundled")]


@pytest.fixture
def marked_up(window: MainWindow, tmp_path: Path) -> MainWindow:
    window.controller.sources = write_sources(tmp_path / "shared")
    window.load_library()
    window.picker.show_details()
    return window


def shown_as_rich_text(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def assert_plain(label: QLabel, text: str) -> None:
    assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    assert label.text() == text, label.objectName()


def test_the_step_view_shows_file_text_as_it_is(
    marked_up: MainWindow, qtbot: QtBot, clock: FakeClock
) -> None:
    window = marked_up
    assert window.picker.rows["marked-up"].title == TITLE  # the core took it as it is
    assert window.open_routine("marked-up", start=True)
    qtbot.wait(50)  # a paint: an image tag here used to abort the app
    view = window.pages.step_view
    view.grab()
    assert_plain(view.routineTitle, TITLE)
    assert_plain(view.exerciseName, NAME)
    assert_plain(view.cueText, f"Get ready. {INSTRUCTION}")
    for label in (view.sideLabel, view.repLabel, view.breathLabel, view.nextUpLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    assert_plain(view.timeLeft, view.timeLeft.text())
    tick(window, clock, 5.5)  # the hold
    view.grab()
    assert_plain(view.cueText, CUE)
    assert_plain(view.exerciseName, NAME)
    # Qt drops a lone "[*]" from window titles; the window shows it as written.
    assert NAME in window.windowHandle().title()
    view.show_cautions()
    popup = view._cautions_popup
    assert isinstance(popup, QFrame)
    texts = {label.text(): label for label in popup.findChildren(QLabel)}
    assert_plain(texts[f"Cautions: {NAME}"], f"Cautions: {NAME}")
    assert_plain(texts[f"• {CAUTION}"], f"• {CAUTION}")
    popup.grab()
    popup.close()


def test_the_ready_title_and_the_summary_show_file_text_as_it_is(
    marked_up: MainWindow, qtbot: QtBot
) -> None:
    window = marked_up
    assert window.open_routine("marked-up")
    assert window.windowHandle().title() == f"{TITLE} — Backstretch"
    window.request_stop()  # not started: back to the list
    assert window.open_routine("marked-up", start=True)
    window.controller.stop()
    summary = window.pages.summary
    summary.grab()
    assert summary.heading.textFormat() == Qt.TextFormat.PlainText
    assert summary.title.textFormat() == Qt.TextFormat.PlainText
    assert summary.title.text() == TITLE
    assert NAME in shown_as_rich_text(summary.stats.text())


def test_the_window_title_keeps_every_placeholder(qtbot: QtBot, window: MainWindow) -> None:
    for title in ["[*]", "a [*][*] b", "[[*]*]", "x[*]"]:
        window.setWindowTitle(window_title(title))
        assert window.windowHandle().title() == title


def test_the_picker_details_and_tooltips_are_escaped(marked_up: MainWindow) -> None:
    row = marked_up.picker.rows["marked-up"]
    shown = shown_as_rich_text(marked_up.picker.detail_text.text())
    for text in (TITLE, SUMMARY, NAME, CAUTION, SOURCE):
        assert text in shown
    fields = {
        key: (f"{IMG}<b>{key}</b>" if isinstance(value, str) else value)
        for key, value in row._asdict().items()
    }
    fields["shadows"] = f"{IMG}<b>shadows</b>"
    fields["positions"] = (f"<b>{IMG}</b>",)
    fields["doses"] = ((f"<b>{IMG}</b>", f"<i>{IMG}</i>"),)
    fields["cautions"] = ((f"<b>{IMG}</b>", f"<i>{IMG}</i>"),)
    fields["how_to"] = ((f"<b>{IMG}</b>", f"<u>{IMG}</u>"),)
    html = routine_html(RoutineRow(**fields))
    assert "<img" not in html and "<b><img" not in html
    assert f"<u>{IMG}</u>" in shown_as_rich_text(html)  # an instruction, as it is
    for text in ("<b>title</b>", "<b>summary</b>", "<b>source</b>", "<b>shadows</b>"):
        assert text in shown_as_rich_text(html), text
    tip = tooltip(f"{IMG}\n<b>x</b> &amp;")
    assert GuiQt.mightBeRichText(tip)
    assert shown_as_rich_text(tip) == f"{IMG}\n<b>x</b> &amp;"


def test_a_broken_file_is_described_as_it_is(window: MainWindow, tmp_path: Path) -> None:
    catalog, folders = write_sources(tmp_path / "shared")
    broken = folders[0][0] / "<img src=zero>bad&amp;.yaml"
    broken.write_text(f"title: '{IMG}'\n")
    window.controller.sources = (catalog, folders)
    window.load_library()
    window.picker.show_details()
    window.picker.select_file(str(broken))
    item = window.picker.list.currentItem()
    assert item is not None and item.text().startswith(broken.name)
    assert shown_as_rich_text(item.toolTip()) == window.picker.invalid[str(broken)].errors[0]
    assert str(broken) in shown_as_rich_text(window.picker.detail_text.text())


def test_messages_and_notices_are_plain_text(window: MainWindow, qtbot: QtBot) -> None:
    window.open_routine(f"no-such-{IMG}")
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert boxes and boxes[-1].isVisible()
    assert boxes[-1].textFormat() == Qt.TextFormat.PlainText
    assert IMG in boxes[-1].text()
    boxes[-1].grab()
    boxes[-1].close()
    window.notify(f"cannot read {IMG} <b>x</b>")
    assert_plain(window.notice.label, f"cannot read {IMG} <b>x</b>")
    window.grab()


class Recorder:
    def __init__(self) -> None:
        self.said: list[str] = []

    def play(self, sound: str) -> None:
        pass

    def say(self, text: str) -> None:
        self.said.append(text)

    def hush(self) -> None:
        pass


def test_the_voice_and_the_media_menu_get_file_text_as_it_is(
    marked_up: MainWindow, clock: FakeClock
) -> None:
    window = marked_up
    recorder = Recorder()
    window.controller.hands_free.use_sink(recorder)
    assert window.open_routine("marked-up", start=True)
    tick(window, clock, 5.5)  # the hold
    assert any(NAME in said for said in recorder.said), recorder.said
    metadata = window.controller.hands_free.mpris.metadata()
    assert metadata["xesam:title"].startswith(NAME)
    assert metadata["xesam:album"] == TITLE
    assert metadata["xesam:artist"][0].startswith(CUE)


def test_a_broken_file_whose_name_is_not_utf8_can_be_chosen(
    window: MainWindow, tmp_path: Path
) -> None:
    catalog, folders = write_sources(tmp_path / "shared")
    folder = os.fsencode(folders[0][0])
    with open(os.path.join(folder, b"caf\xe9.yaml"), "w") as stream:
        stream.write("id: [broken\n")
    window.controller.sources = (catalog, folders)
    window.load_library()
    window.picker.show_details()
    [broken] = window.picker.invalid.values()
    window.picker.select_file(broken.file)  # as the window does when a file breaks
    item = window.picker.list.currentItem()
    assert item is not None and item.text().startswith("caf\\xe9.yaml")
    assert "caf\\xe9.yaml" in shown_as_rich_text(window.picker.detail_text.text())
    assert not window.picker.startButton.isEnabled()
    assert item.data(PATH_ROLE) == display_path(broken.file)
