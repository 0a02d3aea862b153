"""A label for a routine's text: plain, wrapped to a few lines, elided after them."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import (
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QLabel, QWidget

MIN_CHARACTERS = 12
"""The narrowest it may be made, in average characters: a long title is elided, it
never sets the window's width."""


class ClampedLabel(QLabel):
    """Plain text word-wrapped to at most ``max_lines`` lines; when the text goes on,
    the last line shown ends with "…". ``text()`` is always the whole text."""

    def __init__(self, max_lines: int, parent: QWidget | None = None, yields: bool = False) -> None:
        super().__init__(parent)
        self.max_lines = max_lines
        self.yields = yields
        """Gives up lines first when a column is short of room. A box layout takes a
        height-for-width label's lines as fixed, and squeezes its neighbours (a side's
        words, a picture) instead; a yielding label asks for its lines but may be
        given as little as one."""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)  # QLabel then asks its layout for heightForWidth()
        self._laid_out: tuple[str, int, str, list[tuple[int, int]]] | None = None

    def _lines(self, width: int) -> list[tuple[int, int]]:
        """Where each wrapped line starts and how long it is (in UTF-16 units)."""
        text, font = self.text(), self.font().key()
        if self._laid_out is not None and self._laid_out[:3] == (text, width, font):
            return self._laid_out[3]
        layout = QTextLayout(text.replace("\n", "\u2028"), self.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        lines = []
        while (line := layout.createLine()).isValid():
            line.setLineWidth(max(1, width))
            lines.append((line.textStart(), line.textLength()))
        layout.endLayout()
        self._laid_out = (text, width, font, lines)
        return lines

    def _shown_lines(self, width: int) -> int:
        return max(1, min(self.max_lines, len(self._lines(width))))

    def heightForWidth(self, width: int) -> int:
        margins = self.contentsMargins()
        inner = width - margins.left() - margins.right()
        lines = self._shown_lines(inner) if self.text() else 1
        return lines * self.fontMetrics().lineSpacing() + margins.top() + margins.bottom()

    def hasHeightForWidth(self) -> bool:
        return not self.yields and super().hasHeightForWidth()

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        extra = margins.left() + margins.right()
        width = self.fontMetrics().horizontalAdvance(self.text()) + extra
        width = min(width, self.fontMetrics().averageCharWidth() * 40 + extra)
        if self.yields and self.width() > 0:  # the lines it needs as wide as it is
            return QSize(width, self.heightForWidth(self.width()))
        return QSize(width, self.heightForWidth(width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.yields and event.size().width() != event.oldSize().width():
            self.updateGeometry()  # other lines at another width: another hint

    def minimumSizeHint(self) -> QSize:
        margins = self.contentsMargins()
        width = self.fontMetrics().averageCharWidth() * MIN_CHARACTERS
        height = self.fontMetrics().lineSpacing() + margins.top() + margins.bottom()
        return QSize(width + margins.left() + margins.right(), height)

    def paintEvent(self, event: QPaintEvent) -> None:
        text = self.text()
        if not text:
            return
        area = self.contentsRect()
        metrics = self.fontMetrics()
        lines = self._lines(area.width())
        # Only the lines there is room for, whole (a line's leading may be missing),
        # however little the layout gave: the last one shown is elided.
        fits = max(1, 1 + (area.height() - metrics.height()) // metrics.lineSpacing())
        shown = lines[: min(self.max_lines, fits)]
        units = text.encode("utf-16-le")
        painter = QPainter(self)
        align = (
            self.alignment() & ~Qt.AlignmentFlag.AlignVertical_Mask
        ) | Qt.AlignmentFlag.AlignTop
        for number, (start, length) in enumerate(shown):
            if number == len(shown) - 1 and len(lines) > len(shown):
                rest = units[2 * start :].decode("utf-16-le").replace("\n", " ")
                line = _elided(rest, area.width(), metrics)
            else:
                line = units[2 * start : 2 * (start + length)].decode("utf-16-le").rstrip()
            y = area.top() + number * metrics.lineSpacing()
            rect = QRect(area.left(), y, area.width(), metrics.lineSpacing())
            self.style().drawItemText(
                painter,
                rect,
                align,
                self.palette(),
                self.isEnabled(),
                line,
                self.foregroundRole(),
            )


def plain_label(
    name: str, text: str = "", role: str = "", max_lines: int = 0, yields: bool = False
) -> QLabel:
    """A label for plain text (a routine's text is never markup); with ``max_lines``,
    wrapped to at most that many lines and elided after them (and with ``yields``, the
    first to give up lines when its column is short of room)."""
    label = ClampedLabel(max_lines, yields=yields) if max_lines else QLabel()
    label.setText(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setObjectName(name)
    label.setAccessibleName(name)
    if role:
        label.setProperty("role", role)
    return label


def _elided(text: str, width: int, metrics: QFontMetrics) -> str:
    """``text`` cut to ``width`` with "…", after a whole word where the line has one."""
    elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    if elided == text or not elided.endswith("…"):
        return elided
    kept = elided[:-1]
    if not text[len(kept)].isspace() and " " in kept.strip():  # cut inside a word
        kept = kept[: kept.rstrip().rfind(" ")]
    return kept.rstrip() + "…"
