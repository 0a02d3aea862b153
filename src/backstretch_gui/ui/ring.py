"""The countdown ring: the hero of the step view, readable across a room.

It paints a track, an arc for the time left and the seconds as a big number. Between
changes of the number only the strip the arc's end swept over is repainted, so a
smooth ring costs little.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Property, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

NUMBER_SHARE = 0.40
"""Font pixel size of the number as a share of the ring's diameter."""
STROKE_SHARE = 0.06


def format_seconds(seconds: float) -> str:
    """What the ring shows: whole seconds rounded up, as m:ss from a minute."""
    whole = math.ceil(seconds - 1e-9) if seconds > 0 else 0
    if whole < 60:
        return str(whole)
    minutes, rest = divmod(whole, 60)
    return f"{minutes}:{rest:02d}"


class CountdownRing(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countdownRing")
        self.setAccessibleName("Countdown")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 160)
        self._source: Callable[[], float] = lambda: 0.0
        self._duration = 1.0
        self._colour = QColor("#14A38B")
        self._track = QColor("#E2E5E9")
        self._text = QColor("#1D232B")
        self._caption = ""
        self._paused = False
        self._shown_text = ""
        self._shown_fraction = 1.0
        self.on_arc_length: Callable[[float], None] = lambda pixels: None
        """Told the arc's length in device pixels whenever it changes."""

    # --- what it shows --------------------------------------------------------------

    def set_source(self, remaining: Callable[[], float]) -> None:
        """``remaining`` is read live at every paint (from the session driver)."""
        self._source = remaining
        self.refresh(full=True)

    def set_segment(self, duration: float, colour: QColor, caption: str) -> None:
        self._duration = max(duration, 1e-6)
        self._colour = QColor(colour)
        self._caption = caption
        self.setAccessibleDescription(caption)
        self.refresh(full=True)

    def set_colours(self, track: QColor, text: QColor) -> None:
        self._track, self._text = QColor(track), QColor(text)
        self.update()

    def set_paused(self, paused: bool) -> None:
        if paused != self._paused:
            self._paused = paused
            self.update()

    def _get_remaining(self) -> float:
        return max(0.0, min(self._source(), self._duration))

    def _get_duration(self) -> float:
        return self._duration

    remaining = Property(float, _get_remaining)
    duration = Property(float, _get_duration)

    @property
    def shown_text(self) -> str:
        return self._shown_text

    # --- geometry -------------------------------------------------------------------

    def ring_rect(self) -> QRectF:
        side = min(self.width(), self.height())
        stroke = side * STROKE_SHARE
        inset = stroke / 2 + 2
        x = (self.width() - side) / 2 + inset
        y = (self.height() - side) / 2 + inset
        return QRectF(x, y, side - 2 * inset, side - 2 * inset)

    def number_font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(12, round(min(self.width(), self.height()) * NUMBER_SHARE)))
        font.setWeight(QFont.Weight.DemiBold)
        font.setFeature(QFont.Tag("tnum"), 1)  # digits of equal width: no jitter
        return font

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.on_arc_length(math.pi * self.ring_rect().width() * self.devicePixelRatioF())

    # --- painting -------------------------------------------------------------------

    def refresh(self, full: bool = False) -> None:
        """Repaint what changed since the last paint, and no more."""
        remaining = self._get_remaining()
        text = format_seconds(remaining)
        fraction = remaining / self._duration
        if full or text != self._shown_text:
            self._shown_text = text
            self._shown_fraction = fraction
            self.setAccessibleDescription(f"{text} seconds left. {self._caption}")
            self.update()
            return
        if fraction != self._shown_fraction:
            dirty = self._arc_strip(self._shown_fraction, fraction)
            self._shown_fraction = fraction
            self.update(dirty)

    def _arc_strip(self, start: float, end: float) -> QRect:
        """The rectangle around the part of the arc between two fractions."""
        rect = self.ring_rect()
        centre, radius = rect.center(), rect.width() / 2
        points = []
        low, high = sorted((start, end))
        steps = max(2, math.ceil((high - low) * 16))
        for index in range(steps + 1):
            fraction = low + (high - low) * index / steps
            angle = math.radians(90 - 360 * fraction)
            points.append(
                QPointF(
                    centre.x() + radius * math.cos(angle), centre.y() - radius * math.sin(angle)
                )
            )
        xs, ys = [p.x() for p in points], [p.y() for p in points]
        pad = rect.width() * STROKE_SHARE + 4
        return QRectF(
            min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad
        ).toAlignedRect()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.ring_rect()
        stroke = min(self.width(), self.height()) * STROKE_SHARE
        pen = QPen(self._track, stroke)
        painter.setPen(pen)
        painter.drawEllipse(rect)
        arc = QColor(self._colour)
        if self._paused:
            arc.setAlphaF(0.45)
        pen = QPen(arc, stroke, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        span = round(-360 * 16 * self._shown_fraction)
        if span:
            painter.drawArc(rect, 90 * 16, span)
        inner = rect.adjusted(stroke, stroke, -stroke, -stroke)
        if event.rect().intersects(inner.toAlignedRect()):
            self._paint_text(painter, inner)

    def _paint_text(self, painter: QPainter, inner: QRectF) -> None:
        painter.setPen(self._text)
        font = self.number_font()
        painter.setFont(font)
        number_box = QRectF(inner.left(), inner.top(), inner.width(), inner.height() * 0.78)
        painter.drawText(number_box, Qt.AlignmentFlag.AlignCenter, self._shown_text)
        caption = "Paused" if self._paused else self._caption
        small = QFont(self.font())
        small.setPixelSize(max(11, round(font.pixelSize() * 0.22)))
        small.setWeight(QFont.Weight.DemiBold)
        painter.setFont(small)
        caption_box = QRectF(
            inner.left(), inner.top() + inner.height() * 0.62, inner.width(), inner.height() * 0.2
        )
        painter.drawText(caption_box, Qt.AlignmentFlag.AlignCenter, caption.upper())
