"""A routine as a printable sheet (PDF), like the one a physiotherapist hands out: a
picture of each exercise, its dose as reps × hold, its cues, how to do it, and its
cautions. Text from the files is drawn as plain text."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QByteArray, QMarginsF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtSvg import QSvgRenderer

from ..core import resources
from ..core.describe import describe_step
from ..core.model import Catalog, Exercise, Routine
from ..core.plan import RoutinePlan, StepPlan, plan_routine
from ..core.words import SAFETY_NOTICE, clock

DPI = 150
MM = DPI / 25.4
PICTURE_WIDTH = 55 * MM
GAP = 6 * MM
INK = QColor("#1d2733")
MUTED = QColor("#5b6675")
ACCENT = QColor("#0f766e")
WRAP = int(Qt.TextFlag.TextWordWrap)


class HandoutError(Exception):
    """The sheet could not be written; the message says why, in plain words."""


class Line(NamedTuple):
    text: str
    font: QFont
    colour: QColor
    space_before: float = 0.0


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _step_lines(number: int, step: StepPlan, cautions: list[str], how: list[str]) -> list[Line]:
    lines = [
        Line(f"{number}. {step.exercise.name}", _font(14, True), INK),
        Line(describe_step(step), _font(11, True), ACCENT, 1 * MM),
    ]
    if step.is_hold:
        lines.append(Line(step.phases[0].cue, _font(10.5), INK, 1.5 * MM))
    else:
        for index, phase in enumerate(step.phases, 1):
            cue = f"{index}. {phase.cue} — {phase.seconds:g} s"
            lines.append(Line(cue, _font(10.5), INK, 1.5 * MM if index == 1 else 0))
    lines.append(Line("How to do it", _font(10, True), MUTED, 2.5 * MM))
    lines += [Line(f"• {text}", _font(10), INK) for text in how]
    lines.append(Line("Take care", _font(10, True), MUTED, 2.5 * MM))
    lines += [Line(f"• {text}", _font(10), INK) for text in cautions]
    return lines


def write_handout(target: Path, routine: Routine, catalog: Catalog) -> None:
    """Write the sheet to ``target`` whole, or raise HandoutError and leave nothing."""
    folder = target.parent
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise HandoutError(f"Backstretch can't write to {folder}: the folder can't be written.")
    exercises = {exercise.id: exercise for exercise in catalog.exercises}
    plan = plan_routine(routine, exercises)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        os.close(handle)
    except OSError as error:
        raise HandoutError(f"Backstretch can't write to {folder}: {error.strerror}.") from None
    try:
        writer = QPdfWriter(temporary)
        writer.setResolution(DPI)
        writer.setTitle(routine.title)
        writer.setCreator("Backstretch")
        layout = QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 16, 18, 16),
            QPageLayout.Unit.Millimeter,
        )
        writer.setPageLayout(layout)
        _paint(writer, routine, plan, exercises)
        del writer  # finishes the file
        if os.path.getsize(temporary) == 0:
            raise HandoutError(f"Backstretch can't write {target}.")
        os.replace(temporary, target)
    except OSError as error:
        raise HandoutError(f"Backstretch can't write {target}: {error.strerror}.") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _paint(
    writer: QPdfWriter, routine: Routine, plan: RoutinePlan, exercises: dict[str, Exercise]
) -> None:
    from ..core.timeline import compile_plan

    steps = plan.steps
    painter = QPainter(writer)
    page = QRectF(writer.pageLayout().paintRectPixels(DPI))
    page.moveTo(0, 0)
    footer_height = 8 * MM
    body_bottom = page.bottom() - footer_height
    text_width = page.width() - PICTURE_WIDTH - GAP

    def height_of(lines: list[Line], width: float) -> float:
        total = 0.0
        for line in lines:
            metrics = QFontMetricsF(line.font, writer)
            box = metrics.boundingRect(QRectF(0, 0, width, 1e6), WRAP, line.text)
            total += line.space_before + box.height()
        return total

    def draw(lines: list[Line], left: float, top: float, width: float) -> float:
        y = top
        for line in lines:
            painter.setFont(line.font)
            painter.setPen(line.colour)
            y += line.space_before
            box = painter.boundingRect(QRectF(left, y, width, 1e6), WRAP, line.text)
            painter.drawText(QRectF(left, y, width, box.height()), WRAP, line.text)
            y += box.height()
        return y

    # the blocks, then the pages they fall on, so each footer knows the page count
    total = compile_plan(plan).total_seconds
    header = [
        Line(routine.title, _font(22, True), INK),
        Line(f"{clock(total)} · {len(steps)} steps", _font(12, True), ACCENT, 1.5 * MM),
        Line(routine.summary, _font(11), INK, 2 * MM),
        Line(SAFETY_NOTICE, _font(10), MUTED, 3 * MM),
    ]
    blocks = []
    for number, step in enumerate(steps, 1):
        exercise = exercises[step.exercise.id]
        lines = _step_lines(number, step, list(exercise.cautions), list(exercise.instructions))
        height = max(height_of(lines, text_width), PICTURE_WIDTH * 0.75) + GAP * 1.5
        blocks.append((step, lines, height))
    pages: list[list[tuple[StepPlan, list[Line], float]]] = [[]]
    y = height_of(header, page.width()) + GAP * 2
    for block in blocks:
        if pages[-1] and y + block[2] > body_bottom:  # a step is never split
            pages.append([])
            y = 0.0
        pages[-1].append(block)
        y += block[2]

    for index, blocks_on_page in enumerate(pages):
        if index:
            writer.newPage()
            y = 0.0
        else:
            y = draw(header, 0, 0, page.width()) + GAP
            painter.fillRect(QRectF(0, y, page.width(), 0.4 * MM), QColor("#c9d1da"))
            y += GAP
        for step, lines, height in blocks_on_page:
            keyframe = step.exercise.keyframes[-1]
            _picture(painter, keyframe.file, QRectF(0, y, PICTURE_WIDTH, PICTURE_WIDTH * 0.75))
            draw(lines, PICTURE_WIDTH + GAP, y, text_width)
            y += height
        painter.setFont(_font(9))
        painter.setPen(MUTED)
        footer = QRectF(0, body_bottom + 2 * MM, page.width(), footer_height)
        painter.drawText(footer, int(Qt.AlignmentFlag.AlignLeft), routine.title)
        numbered = f"Page {index + 1} of {len(pages)}"
        painter.drawText(footer, int(Qt.AlignmentFlag.AlignRight), numbered)
    painter.end()


def _picture(painter: QPainter, name: str, bounds: QRectF) -> None:
    painter.setPen(QColor("#d7dde4"))
    painter.setBrush(QColor("#f4f6f8"))
    painter.drawRoundedRect(bounds, 3 * MM, 3 * MM)
    from ..core.files import UnreadableFileError, read_limited

    try:  # a bundled drawing, or a picture of the user's own (regular files, size-checked)
        content = read_limited(resources.illustration(name), 5 * 1024 * 1024)
    except (resources.ResourceError, UnreadableFileError):
        return
    inner = bounds.adjusted(2 * MM, 2 * MM, -2 * MM, -2 * MM)
    if name.lower().endswith((".png", ".jpg", ".jpeg")):
        image = QImage.fromData(content)
        if not image.isNull():
            painter.drawImage(_fit(image.size(), inner), image)
        return
    svg = QSvgRenderer(QByteArray(content))
    if svg.isValid():
        svg.render(painter, _fit(svg.defaultSize(), inner))


def _fit(size: QSize, bounds: QRectF) -> QRectF:
    """The largest rect of ``size``'s shape centred in ``bounds``."""
    if size.isEmpty():
        return bounds
    scale = min(bounds.width() / size.width(), bounds.height() / size.height())
    width, height = size.width() * scale, size.height() * scale
    centre = bounds.center()
    return QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height)
