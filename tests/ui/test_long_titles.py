"""Titles and names of up to 120 characters wrap or elide: the window fits a laptop."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from backstretch_gui.ui.labels import _elided
from backstretch_gui.ui.main_window import MainWindow

from .test_window import tick
from helpers import FakeClock

TITLE = (
    "Gentle morning stretches for a stiff lower back after a long night of sleep "
    "on a soft mattress, with slow deep breathing"
)
NAME = (
    "Double knee to chest hug with a slow rock from side to side and long easy breaths "
    "out through the mouth, on a thick mat."
)
SCREEN = 1280
AIM = 1000  # well within a 1280 px screen, with room for the desktop's panels

CATALOG = f"""\
version: 1
exercises:
  - id: long-hug
    name: {NAME}
    position: floor
    targets: [lower back]
    cue: {NAME}
    instructions: [Lie on your back.]
    why: Eases the lower back.
    cautions: [Stop if it hurts.]
    keyframes:
      - {{id: hold, file: knee-hug-hold.svg, shows: left}}
    default_dose: {{sides: both, reps: 2, hold: 20}}
    source: Test
"""

ROUTINE = f"""\
version: 1
id: long-titles
title: {TITLE}
summary: {TITLE}. {TITLE}.
steps:
  - exercise: long-hug
  - exercise: long-hug
    hold: 30
"""


def test_the_strings_are_as_long_as_a_file_may_have_them() -> None:
    assert len(TITLE) == 120 and len(NAME) == 120


@pytest.fixture
def long_window(window: MainWindow, tmp_path: Path) -> MainWindow:
    routines = tmp_path / "long" / "routines"
    routines.mkdir(parents=True)
    (tmp_path / "long" / "exercises.yaml").write_text(CATALOG)
    (routines / "long-titles.yaml").write_text(ROUTINE)
    window.controller.sources = (tmp_path / "long" / "exercises.yaml", [(routines, "bundled")])
    window.load_library()
    window.picker.show_details()
    return window


def minimum_width(widget: QWidget) -> int:
    return max(widget.minimumSizeHint().width(), widget.minimumWidth())


def test_long_titles_keep_the_window_narrow(
    long_window: MainWindow, clock: FakeClock, tmp_path: Path
) -> None:
    window = long_window
    assert window.picker.rows["long-titles"].title == TITLE
    assert minimum_width(window.picker) <= AIM
    assert minimum_width(window) <= AIM
    assert not window.picker.list.horizontalScrollBar().isVisible()  # the list elides
    assert window.open_routine("long-titles", start=True)
    tick(window, clock, 5.5)
    view = window.pages.step_view
    assert view.exerciseName.text() == NAME
    assert minimum_width(view) <= AIM
    assert minimum_width(window) <= AIM
    # At most two lines of the name, however narrow: the picture keeps its room.
    lines = view.exerciseName.fontMetrics().lineSpacing()
    assert view.exerciseName.heightForWidth(300) <= 2 * lines
    assert view.routineTitle.heightForWidth(300) <= lines
    view.show_cautions()
    assert view._cautions_popup.width() <= AIM
    view._cautions_popup.close()
    window.controller.stop()
    assert minimum_width(window.pages.summary) <= AIM
    assert minimum_width(window) <= AIM
    assert AIM < SCREEN


def test_an_elided_line_ends_after_a_whole_word(window: MainWindow) -> None:
    metrics = window.fontMetrics()
    width = metrics.horizontalAdvance("Double knee to chest hu…")
    assert _elided(NAME, width, metrics) == "Double knee to chest…"
    assert _elided("Short", width, metrics) == "Short"
    one_word = "Supercalifragilisticexpialidocious"
    assert _elided(one_word, width // 3, metrics).endswith("…")
