"""The countdown ring: the hero of the step view, readable across a room.

It paints a track, an arc for the time left and the seconds as a big number. Between
changes of the number only the strip the arc's end swept over is repainted, so a
smooth ring costs little.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import Property, QEvent, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..core.pacing import ArcPace

NUMBER_SHARE = 0.40
"""Font pixel size of the number as a share of the ring's diameter."""
STROKE_SHARE = 0.06


class _Geometry(NamedTuple):
    """What every frame needs, worked out once per size, colour and pause."""

    rect: QRectF  # the arc's circle
    pen: QPen
    cx: float
    cy: float
    radius: float
    pad: float  # around a swept strip: half the stroke, its round cap, antialiasing
    margin: float  # the stroke's width as a fraction of the circle
    number_box: QRect


def format_seconds(seconds: float) -> str:
    """What the ring shows: whole seconds rounded up, as m:ss from a minute."""
    whole = math.ceil(seconds - 1e-9) if seconds > 0 else 0
    if whole < 60:
        return str(whole)
    minutes, rest = divmod(whole, 60)
    return f"{minutes}:{rest:02d}"


class NumberGlyphs:
    """The number's characters, each drawn once per font, colour and pixel ratio.

    Qt fills the outlines of text above 64 pixels anew at every paint (about 0.3 ms
    for the ring's number here, once a second); a blit of a ready glyph costs a
    fiftieth of that. Each glyph is cropped to its ink; the ten digits and the colon
    of the 186-pixel number at 1280x800 take 0.9 MiB.
    """

    def __init__(self, font: QFont, colour: QColor, ratio: float) -> None:
        self.font, self.colour, self.ratio = font, colour, ratio
        self.metrics = QFontMetricsF(font)
        self._glyphs: dict[str, tuple[QPoint, QPixmap]] = {}

    def draw(self, painter: QPainter, box: QRectF, text: str) -> None:
        """``text`` centred in ``box`` on one line, as ``drawText`` would place it."""
        metrics = self.metrics
        x = box.x() + (box.width() - metrics.horizontalAdvance(text)) / 2
        baseline = round(box.y() + (box.height() - metrics.height()) / 2 + metrics.ascent())
        for character in text:
            offset, pixmap = self._glyph(character)
            painter.drawPixmap(round(x) + offset.x(), baseline + offset.y(), pixmap)
            x += metrics.horizontalAdvance(character)

    def _glyph(self, character: str) -> tuple[QPoint, QPixmap]:
        found = self._glyphs.get(character)
        if found is None:
            ink = self.metrics.boundingRect(character).toAlignedRect().adjusted(-1, -1, 1, 1)
            pixmap = QPixmap(round(ink.width() * self.ratio), round(ink.height() * self.ratio))
            pixmap.setDevicePixelRatio(self.ratio)
            pixmap.fill(QColor(0, 0, 0, 0))
            painter = QPainter(pixmap)
            painter.setFont(self.font)
            painter.setPen(self.colour)
            painter.drawText(-ink.x(), -ink.y(), character)  # the pen on the baseline
            painter.end()
            found = self._glyphs[character] = (ink.topLeft(), pixmap)
        return found


class CountdownRing(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countdownRing")
        self.setAccessibleName("Countdown")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 160)
        # The ring paints its own background, so a frame repaints only the ring's strip,
        # never the widgets behind it.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._background = QColor("#F7F7F5")
        self._source: Callable[[], float] = lambda: 0.0
        self._duration = 1.0
        self._colour = QColor("#14A38B")
        self._track = QColor("#E2E5E9")
        self._text = QColor("#1D232B")
        self._caption = ""
        self._paused = False
        self._shown_text = ""
        self._shown_fraction = 1.0
        self._face: QPixmap | None = None  # track, number and caption: redrawn rarely
        self._cached_geometry: _Geometry | None = None
        self._strip: tuple[QRect, float, float, bool] | None = None
        """The last frame's strip, the stretch of arc to stroke in it, and whether it
        touches the number."""
        self._glyphs: dict[tuple[int, bool], NumberGlyphs] = {}  # by pixel size, narrow
        self._number_sizes: dict[int, int] = {}  # font pixel size by length of the text
        self.arc_pace = ArcPace()
        """The arc's length in device pixels, kept up to date here for whoever paces
        the frames (the session driver reads it)."""

    # --- what it shows --------------------------------------------------------------

    def set_arc_pace(self, pace: ArcPace) -> None:
        """Keep ``pace`` (the one the session driver was built with) up to date."""
        self.arc_pace = pace
        self._measure_arc()

    def set_source(self, remaining: Callable[[], float]) -> None:
        """``remaining`` is read live at every paint (from the session driver)."""
        self._source = remaining
        self.refresh(full=True)

    def set_segment(self, duration: float, colour: QColor, caption: str) -> None:
        self._duration = max(duration, 1e-6)
        if caption != self._caption or colour != self._colour:  # else: the face still fits
            self._colour = QColor(colour)
            self._caption = caption
            self._face = self._cached_geometry = None
            self.setAccessibleDescription(caption)
        self.refresh(full=True)

    def set_colours(self, track: QColor, text: QColor, background: QColor) -> None:
        self._track, self._text = QColor(track), QColor(text)
        self._background = QColor(background)
        self._face = None
        self._glyphs.clear()
        self.update()

    def set_paused(self, paused: bool) -> None:
        if paused != self._paused:
            self._paused = paused
            self._face = self._cached_geometry = None
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

    @property
    def caption(self) -> str:
        """The word under the number: Get ready, Move, Hold, Rest, Switch sides."""
        return self._caption

    # --- geometry -------------------------------------------------------------------

    def ring_rect(self) -> QRectF:
        side = min(self.width(), self.height())
        stroke = side * STROKE_SHARE
        inset = stroke / 2 + 2
        x = (self.width() - side) / 2 + inset
        y = (self.height() - side) / 2 + inset
        return QRectF(x, y, side - 2 * inset, side - 2 * inset)

    def number_font(self, narrow: bool = False) -> QFont:
        """The countdown's font; ``narrow`` for minutes and seconds ("1:58"), in the
        font's condensed face where it has one (DejaVu Sans Condensed): read from the
        floor, height counts more than width, so they stand nearly as tall as "58"."""
        font = QFont(self.font())
        font.setPixelSize(max(12, round(min(self.width(), self.height()) * NUMBER_SHARE)))
        font.setWeight(QFont.Weight.DemiBold)
        if narrow:
            font.setStretch(QFont.Stretch.Condensed)
        font.setFeature(QFont.Tag("tnum"), 1)  # digits of equal width: no jitter
        return font

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DevicePixelRatioChange:  # moved to another screen
            self._forget_drawings()
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._forget_drawings()

    def _measure_arc(self) -> None:
        self.arc_pace.pixels = math.pi * self.ring_rect().width() * self.devicePixelRatioF()

    def _forget_drawings(self) -> None:
        """Size or pixel ratio changed: everything drawn ahead must be drawn again."""
        self._measure_arc()
        self._face = self._cached_geometry = None
        self._glyphs.clear()
        self._number_sizes.clear()

    # --- painting -------------------------------------------------------------------

    def refresh(self, full: bool = False) -> None:
        """Repaint what changed since the last paint, and no more."""
        remaining = self._get_remaining()
        text = format_seconds(remaining)
        fraction = remaining / self._duration
        if full:
            self._shown_text, self._shown_fraction = text, fraction
            self.update()
            return
        if text != self._shown_text:
            self._shown_text = text
            self.setAccessibleDescription(f"{text} seconds left. {self._caption}")
            self.update(self._geometry().number_box)
        if fraction != self._shown_fraction:
            dirty = self._arc_strip(self._shown_fraction, fraction)
            # What the paint of this strip strokes: the arc's end and a stroke's width
            # before it; near the top the strip may also hold the arc's start.
            g = self._geometry()
            start = fraction - abs(self._shown_fraction - fraction) - 3 * g.margin
            if start < 0.0 or fraction > 1.0 - 6 * g.margin:
                start = 0.0
            self._strip = (dirty, start, fraction, dirty.intersects(g.number_box))
            self._shown_fraction = fraction
            self.repaint(dirty)

    def number_box(self) -> QRect:
        """Where the number is drawn, in the ring's own pixels."""
        return self._geometry().number_box

    def _arc_strip(self, start: float, end: float) -> QRect:
        """The rectangle around the part of the arc between two fractions."""
        g = self._geometry()
        low, high = (start, end) if start < end else (end, start)
        steps = math.ceil((high - low) * 16) or 1  # a chord per 22.5° bounds the curve
        xs, ys = [], []
        for index in range(steps + 1):
            angle = math.radians(90 - 360 * (low + (high - low) * index / steps))
            xs.append(g.cx + g.radius * math.cos(angle))
            ys.append(g.cy - g.radius * math.sin(angle))
        left, top = math.floor(min(xs) - g.pad), math.floor(min(ys) - g.pad)
        return QRect(
            left, top, math.ceil(max(xs) + g.pad) - left + 1, math.ceil(max(ys) + g.pad) - top + 1
        )

    def _geometry(self) -> _Geometry:
        if self._cached_geometry is None:
            stroke = min(self.width(), self.height()) * STROKE_SHARE
            arc = QColor(self._colour)
            if self._paused:
                arc.setAlphaF(0.45)
            pen = QPen(arc, stroke, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
            rect = self.ring_rect()
            radius = rect.width() / 2
            self._cached_geometry = _Geometry(
                rect,
                pen,
                rect.center().x(),
                rect.center().y(),
                radius,
                stroke + 4,
                stroke / (2 * math.pi * radius),
                self._number_box().toAlignedRect(),
            )
        return self._cached_geometry

    def paintEvent(self, event: QPaintEvent) -> None:
        dirty = event.rect()
        g = self._geometry()
        painter = QPainter(self)
        if self._face is None:
            self._face = self._paint_face()
        if self._face.devicePixelRatio() == 1.0:
            painter.drawPixmap(dirty.topLeft(), self._face, dirty)
        else:
            painter.drawPixmap(QRectF(dirty), self._face, self._face_source(dirty))
        strip = self._strip
        if strip is not None and strip[0] == dirty:  # a frame: only the arc's end moved
            _, start, end, touches_number = strip
            if touches_number:
                self._paint_number(painter)
        else:
            if dirty.intersects(g.number_box):
                self._paint_number(painter)
            start, end = self._arc_within(dirty, g)
        if end > start:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(g.pen)
            span = round(-360 * 16 * (end - start))
            painter.drawArc(g.rect, round((90 - 360 * start) * 16), span)

    def _arc_within(self, dirty: QRect, g: _Geometry) -> tuple[float, float]:
        """The part of the arc (as fractions clockwise from the top) worth stroking.

        Stroking a thick round-capped arc is the costly part of a frame; when only a
        small strip is being repainted, stroke just the stretch that crosses it. Cut
        ends fall outside the strip, so their caps are clipped away.
        """
        fraction = self._shown_fraction
        if fraction <= 0 or dirty.contains(self.rect()):
            return 0.0, fraction
        left, top = dirty.left() - g.cx, g.cy - dirty.top()
        right, bottom = dirty.right() + 1 - g.cx, g.cy - dirty.bottom() - 1
        corners = ((left, top), (right, top), (left, bottom), (right, bottom))
        if max(math.hypot(x, y) for x, y in corners) < g.radius - g.pen.widthF() / 2 - 2:
            return 0.0, 0.0  # inside the ring (the number): no arc to draw
        spots = [((90 - math.degrees(math.atan2(y, x))) % 360) / 360 for x, y in corners]
        low, high = min(spots), max(spots)
        if high - low > 0.5:  # the strip straddles the top, or is large: stroke it all
            return 0.0, fraction
        return max(0.0, low - g.margin), min(fraction, high + g.margin)

    def _face_source(self, rect: QRect) -> QRectF:
        ratio = self._face.devicePixelRatio() if self._face is not None else 1.0
        return QRectF(
            rect.x() * ratio, rect.y() * ratio, rect.width() * ratio, rect.height() * ratio
        )

    def _inner(self) -> QRectF:
        rect = self.ring_rect()
        stroke = min(self.width(), self.height()) * STROKE_SHARE
        return rect.adjusted(stroke, stroke, -stroke, -stroke)

    def _number_box(self) -> QRectF:
        """Where the number is drawn: the centre, well inside the arc's band."""
        inner = self._inner()
        # As wide as the circle allows at that height, so minutes and seconds ("1:58")
        # stand nearly as tall as seconds alone.
        return QRectF(
            inner.left() + inner.width() * 0.07,
            inner.top() + inner.height() * 0.2,
            inner.width() * 0.86,
            inner.height() * 0.42,
        )

    def _paint_face(self) -> QPixmap:
        """The background, track and caption: cached until size, colours or caption change."""
        ratio = self.devicePixelRatioF()
        face = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
        face.setDevicePixelRatio(ratio)
        face.fill(self._background)
        painter = QPainter(face)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        stroke = min(self.width(), self.height()) * STROKE_SHARE
        painter.setPen(QPen(self._track, stroke))
        painter.drawEllipse(self.ring_rect())
        painter.setPen(self._text)
        small = QFont(self.font())
        small.setPixelSize(max(11, round(self.number_font().pixelSize() * 0.22)))
        small.setWeight(QFont.Weight.DemiBold)
        painter.setFont(small)
        inner = self._inner()
        top = inner.top() + inner.height() * 0.62
        caption_box = QRectF(inner.left(), top, inner.width(), inner.height() * 0.2)
        caption = "Paused" if self._paused else self._caption
        painter.drawText(caption_box, Qt.AlignmentFlag.AlignCenter, caption.upper())
        painter.end()
        return face

    def _paint_number(self, painter: QPainter) -> None:
        box = QRectF(self._geometry().number_box)  # worked out once per size
        text = self._shown_text
        narrow = ":" in text
        size = self._number_sizes.get(len(text))
        if size is None:  # digits of equal width: the length alone decides what fits
            font = self.number_font(narrow)
            width = QFontMetricsF(font).horizontalAdvance(text)
            size = font.pixelSize()
            if width > box.width():  # m:ss of a long hold: smaller, never cut off
                size = max(12, math.floor(size * box.width() * 0.97 / width))
            self._number_sizes[len(text)] = size
        glyphs = self._glyphs.get((size, narrow))
        if glyphs is None:
            font = self.number_font(narrow)
            font.setPixelSize(size)
            ratio = self.devicePixelRatioF()
            glyphs = self._glyphs[size, narrow] = NumberGlyphs(font, self._text, ratio)
        glyphs.draw(painter, box, text)
