"""An exercise illustration: SVG, crisp at any size, mirrored for the other side.

During a tempo phase the figure fades from where the phase starts to where it ends,
in time with the phase, so "Breathe out, roll up — 4 s" shows the body rising over 4 s.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..core import resources
from ..core.paths import user_cache_dir

if TYPE_CHECKING:  # QtSvg is loaded when a drawing is first rendered, not at start-up
    from PySide6.QtSvg import QSvgRenderer

THUMBNAIL_FOLDER = "thumbnails"


RASTER_SUFFIXES = (".png", ".jpg", ".jpeg")
MAX_PICTURE_BYTES = 5 * 1024 * 1024
"""A user's picture is read only up to this size (the editor refuses larger ones)."""


@cache
def renderer(name: str) -> QSvgRenderer | None:
    """The renderer for an SVG illustration, or None if it is missing or broken."""
    if name.lower().endswith(RASTER_SUFFIXES):
        return None
    content = _picture_bytes(name)
    if content is None:
        return None
    from PySide6.QtCore import QByteArray
    from PySide6.QtSvg import QSvgRenderer

    svg = QSvgRenderer(QByteArray(content))
    return svg if svg.isValid() else None


@cache
def raster(name: str) -> QImage | None:
    """A user's PNG or JPEG picture, or None if it is missing, broken or too large."""
    if not name.lower().endswith(RASTER_SUFFIXES):
        return None
    content = _picture_bytes(name)
    if content is None:
        return None
    from PySide6.QtCore import QBuffer, QByteArray
    from PySide6.QtGui import QImageReader

    QImageReader.setAllocationLimit(64)  # MB: a small file can claim a huge image
    buffer = QBuffer()
    buffer.setData(QByteArray(content))
    reader = QImageReader(buffer)
    image = reader.read()
    return None if image.isNull() else image


def picture_size(name: str) -> QSize | None:
    """A drawing's own size, or None if there is no such drawing."""
    svg = renderer(name)
    if svg is not None:
        return svg.defaultSize()
    image = raster(name)
    return image.size() if image is not None else None


def _picture_bytes(name: str) -> bytes | None:
    """A picture file's bytes: a regular file, within the size limit, or None."""
    from ..core.files import UnreadableFileError, read_limited

    try:
        return read_limited(resources.illustration(name), MAX_PICTURE_BYTES)
    except (resources.ResourceError, UnreadableFileError):
        return None


def fitted(size: QSize, bounds: QRectF) -> QRectF:
    """The largest rect of the drawing's aspect ratio centred in ``bounds``."""
    if size.isEmpty():
        return bounds
    scale = min(bounds.width() / size.width(), bounds.height() / size.height())
    width, height = size.width() * scale, size.height() * scale
    return QRectF(
        bounds.x() + (bounds.width() - width) / 2,
        bounds.y() + (bounds.height() - height) / 2,
        width,
        height,
    )


def paint_svg(painter: QPainter, name: str, bounds: QRectF, mirrored: bool) -> bool:
    """Paint a drawing (an SVG, or a user's PNG or JPEG) fitted into ``bounds``."""
    svg = renderer(name)
    image = raster(name) if svg is None else None
    size = svg.defaultSize() if svg is not None else image.size() if image is not None else None
    if size is None:
        return False
    target = fitted(size, bounds)
    painter.save()
    if mirrored:
        painter.translate(target.center().x() * 2, 0)
        painter.scale(-1, 1)
    if svg is not None:
        svg.render(painter, target)
    elif image is not None:
        painter.drawImage(target, image)
    painter.restore()
    return True


def rendered(
    name: str, size: QSize, ratio: float, bounds: QRectF, mirrored: bool = False
) -> QPixmap | None:
    """The drawing on a transparent pixmap of ``size``; None if it is missing."""
    pixmap = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
    pixmap.setDevicePixelRatio(ratio)
    # QColor, not Qt.GlobalColor.transparent: the first use of the `Qt` namespace
    # costs ~12 ms, and QImage.fill() would name it even for a colour or a number.
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    drawn = paint_svg(painter, name, bounds, mirrored)
    painter.end()
    return pixmap if drawn else None


def thumbnail(name: str, size: QSize, device_pixel_ratio: float = 1.0) -> QIcon:
    """The picker's small picture of a drawing, kept as a PNG in the cache folder.

    Loading the PNG takes a seventh of the time of parsing and rendering the SVG, and
    spares loading QtSvg before the picker is first painted.
    """
    kept = _thumbnail_file(name, size, device_pixel_ratio)
    if kept is not None and kept.is_file():
        pixmap = QPixmap(str(kept))
        if not pixmap.isNull():
            pixmap.setDevicePixelRatio(device_pixel_ratio)
            return QIcon(pixmap)
    bounds = QRectF(0, 0, size.width(), size.height())
    drawn = rendered(name, size, device_pixel_ratio, bounds)
    if drawn is None:
        return QIcon()
    if kept is not None:
        _keep(drawn, kept)
    return QIcon(drawn)


def _thumbnail_file(name: str, size: QSize, ratio: float) -> Path | None:
    """Where the thumbnail is kept; named after the drawing's size and time, so a
    changed drawing gets a new thumbnail. None if there is no such drawing."""
    try:
        found = resources.illustration(name).stat()
    except (resources.ResourceError, OSError):
        return None
    stem = Path(name).stem
    key = f"{size.width()}x{size.height()}@{ratio:g}-{found.st_size}-{found.st_mtime_ns}"
    return user_cache_dir() / THUMBNAIL_FOLDER / f"{stem}-{key}.png"


def _keep(pixmap: QPixmap, path: Path) -> None:
    """Write atomically, and drop the thumbnails of the drawing's earlier versions;
    a cache that cannot be written only costs speed."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.png")
    drawing_and_size = path.name.rsplit("-", 2)[0]  # "back-rest-hold-72x54@1"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if pixmap.save(str(temporary), "PNG"):
            os.replace(temporary, path)
        for earlier in path.parent.glob(f"{drawing_and_size}-*.png"):
            if earlier != path:
                earlier.unlink(missing_ok=True)
    except OSError:
        pass
    finally:
        with contextlib.suppress(OSError):  # the cache folder may be a file, or gone
            temporary.unlink(missing_ok=True)


KEPT_PICTURES = 3
"""Rendered drawings kept: the two of a fade, and the one before (going back)."""


def _ease(t: float) -> float:
    t = max(0.0, min(1.0, t))
    return t * t * (3 - 2 * t)


class IllustrationView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("illustration")
        self.setAccessibleName("Exercise illustration")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(144, 80)  # the words around it come first on a small screen
        self._keyframe = ""
        self._from: str | None = None
        self._mirrored = False
        self._progress: Callable[[], float] = lambda: 1.0
        self._placeholder = QColor("#9AA6B6")
        self._pictures: dict[tuple[str, bool, int, int, float], tuple[QPointF, QPixmap] | None]
        self._pictures = {}

    def show_keyframe(
        self,
        keyframe: str,
        mirrored: bool,
        from_keyframe: str | None = None,
        progress: Callable[[], float] | None = None,
        description: str = "",
    ) -> None:
        """Show ``keyframe``; with ``from_keyframe``, fade over as ``progress`` goes 0 → 1."""
        self._keyframe, self._from, self._mirrored = keyframe, from_keyframe, mirrored
        self._progress = progress or (lambda: 1.0)
        self.setAccessibleDescription(description)
        self.update()

    @property
    def moving(self) -> bool:
        return self._from is not None

    def set_placeholder_colour(self, colour: QColor) -> None:
        self._placeholder = QColor(colour)

    def _picture(self, name: str) -> tuple[QPointF, QPixmap] | None:
        """The drawing rendered to fit this widget, and where it goes; cached, so a
        fade only blends. Only the last few are kept: each costs up to a megabyte."""
        ratio = self.devicePixelRatioF()
        key = (name, self._mirrored, self.width(), self.height(), ratio)
        if key in self._pictures:
            self._pictures[key] = self._pictures.pop(key)  # most recently used last
            return self._pictures[key]
        while len(self._pictures) >= KEPT_PICTURES:
            del self._pictures[next(iter(self._pictures))]
        size = picture_size(name)
        picture = None
        if size is not None:
            place = fitted(size, QRectF(self.rect()).adjusted(8, 8, -8, -8)).toAlignedRect()
            local = QRectF(0, 0, place.width(), place.height())
            pixmap = rendered(name, place.size(), ratio, local, self._mirrored)
            picture = None if pixmap is None else (QPointF(place.topLeft()), pixmap)
        self._pictures[key] = picture
        return picture

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Pictures are rendered for one size: those of another would never show again.
        self._pictures.clear()
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        target = self._picture(self._keyframe)
        if self._from is not None:
            t = _ease(self._progress())
            source = self._picture(self._from)
            if source is not None:
                painter.setOpacity(1 - t)
                painter.drawPixmap(*source)
            painter.setOpacity(t)
        if target is not None:
            painter.drawPixmap(*target)
        else:
            bounds = QRectF(self.rect()).adjusted(8, 8, -8, -8)
            painter.setOpacity(1)
            painter.setPen(self._placeholder)
            painter.drawRoundedRect(bounds, 24, 24)
            from PySide6.QtCore import Qt

            painter.drawText(bounds, Qt.AlignmentFlag.AlignCenter, Path(self._keyframe).stem)
