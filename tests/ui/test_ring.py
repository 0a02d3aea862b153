"""The countdown ring as painted: whole numbers, and frames that add up to a whole ring."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from backstretch_gui.ui.ring import CountdownRing

TEXT = QColor("#1D232B")


def shown_ring(qtbot: QtBot, seconds: float, left: list[float]) -> CountdownRing:
    ring = CountdownRing()
    qtbot.addWidget(ring)
    ring.resize(400, 400)
    ring.set_colours(QColor("#E2E5E9"), TEXT, QColor("#F7F7F5"))
    ring.set_segment(seconds, QColor("#14A38B"), "Stretch")
    ring.set_source(lambda: left[0])
    ring.show()
    qtbot.waitExposed(ring)
    return ring


def ink(image: QImage, within: QRect) -> QRect:
    """The bounding box of the number's dark pixels inside ``within``."""
    xs, ys = [], []
    for y in range(within.top(), within.bottom() + 1):
        for x in range(within.left(), within.right() + 1):
            if QColor(image.pixel(x, y)).lightness() < 100:
                xs.append(x)
                ys.append(y)
    assert xs, "no number drawn"
    return QRect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


def test_minutes_and_seconds_fit_the_ring_whole(qtbot: QtBot) -> None:
    left = [117.0]
    ring = shown_ring(qtbot, 120, left)
    box = ring.number_box()
    long = ink(ring.grab().toImage(), box)
    # Cut-off text would run into the box's edges; the whole "1:57" stays inside.
    assert box.left() < long.left() and long.right() < box.right(), (box, long)
    assert long.width() > box.width() * 0.8
    left[0] = 14.0
    ring.set_segment(20, QColor("#14A38B"), "Stretch")
    short = ink(ring.grab().toImage(), box)
    assert short.height() > long.height()  # seconds alone take the full size


def test_frames_add_up_to_the_whole_ring(qtbot: QtBot) -> None:
    """The ring repaints only the strip its arc's end swept, and the number when it
    changes; after many such frames the screen shows what a full paint would."""
    left = [20.0]
    ring = shown_ring(qtbot, 20, left)
    while left[0] > 3.3:
        left[0] -= 0.25
        ring.refresh()
        QApplication.processEvents()
    screen = QApplication.primaryScreen()
    shown = screen.grabWindow(ring.winId()).toImage().convertToFormat(QImage.Format.Format_RGB32)
    whole = ring.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert ring.shown_text == "4"
    off = 0
    worst = 0
    for y in range(whole.height()):
        for x in range(whole.width()):
            a, b = QColor(shown.pixel(x, y)), QColor(whole.pixel(x, y))
            difference = max(abs(a.red() - b.red()), abs(a.green() - b.green()))
            worst = max(worst, difference)
            off += difference > 24
    # Only antialiased edges of the arc, stroked in pieces, may differ a little.
    assert worst < 96, worst
    assert off < whole.width() * whole.height() * 0.002, off
