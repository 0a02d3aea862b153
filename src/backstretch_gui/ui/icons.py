"""Simple media glyphs painted in any colour, crisp on HiDPI screens."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap, QPolygonF

SIZE = 64


def _triangle(painter: QPainter, left: float, top: float, width: float, height: float) -> None:
    painter.drawPolygon(
        QPolygonF(
            [
                QPointF(left, top),
                QPointF(left + width, top + height / 2),
                QPointF(left, top + height),
            ]
        )
    )


def _draw(name: str, painter: QPainter) -> None:
    if name == "play":
        _triangle(painter, 22, 16, 28, 32)
    elif name == "pause":
        painter.drawRoundedRect(QRectF(18, 16, 10, 32), 3, 3)
        painter.drawRoundedRect(QRectF(36, 16, 10, 32), 3, 3)
    elif name == "next":
        _triangle(painter, 16, 18, 22, 28)
        painter.drawRoundedRect(QRectF(40, 18, 7, 28), 2, 2)
    elif name == "previous":
        painter.drawRoundedRect(QRectF(17, 18, 7, 28), 2, 2)
        painter.translate(SIZE, 0)
        painter.scale(-1, 1)
        _triangle(painter, 16, 18, 22, 28)
    elif name == "stop":
        painter.drawRoundedRect(QRectF(19, 19, 26, 26), 4, 4)
    else:
        raise ValueError(f"no icon named {name!r}")


def icon(name: str, colour: QColor | str, device_pixel_ratio: float = 2.0) -> QIcon:
    image = QImage(
        round(SIZE * device_pixel_ratio),
        round(SIZE * device_pixel_ratio),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(device_pixel_ratio, device_pixel_ratio)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    _draw(name, painter)
    painter.end()
    image.setDevicePixelRatio(device_pixel_ratio)
    return QIcon(QPixmap.fromImage(image))
