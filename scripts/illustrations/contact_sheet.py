"""Render every illustration into one PNG grid to look at: screenshots/contact-sheet.png.

Each cell shows a drawing on the light and on the dark background of the app, and once
at 64 px (the size of a thumbnail), labelled with its file name. The app icon follows at
its small sizes.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/illustrations/contact_sheet.py
    ... contact_sheet.py --only bridge --width 600   (fewer drawings, larger)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[2]
ILLUSTRATIONS = ROOT / "assets" / "illustrations"
ICON = ROOT / "assets" / "icons" / "backstretch.svg"
LIGHT, DARK = QColor("#F7F7F5"), QColor("#1E1F22")
SHEET = QColor("#8A8F98")
GAP, LABEL = 8, 22


def draw(painter: QPainter, path: Path, box: QRectF, background: QColor | None) -> None:
    if background is not None:
        painter.fillRect(box, background)
    QSvgRenderer(str(path)).render(painter, box)


def build(files: list[Path], width: int, columns: int) -> QImage:
    height = width * 3 // 4
    cell_w = 2 * width + 64 + 4 * GAP
    cell_h = LABEL + height + 2 * GAP
    rows = (len(files) + columns - 1) // columns
    icon_h = 512 // 4 + 3 * GAP
    image = QImage(columns * cell_w, rows * cell_h + icon_h, QImage.Format.Format_ARGB32)
    image.fill(SHEET)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(QFont("DejaVu Sans", 11))
    for index, path in enumerate(files):
        x = (index % columns) * cell_w + GAP
        y = (index // columns) * cell_h + GAP
        painter.setPen(QColor("#FFFFFF"))
        painter.drawText(QRectF(x, y, cell_w, LABEL), Qt.AlignmentFlag.AlignLeft, path.name)
        top = y + LABEL
        draw(painter, path, QRectF(x, top, width, height), LIGHT)
        draw(painter, path, QRectF(x + width + GAP, top, width, height), DARK)
        small = QRectF(x + 2 * width + 2 * GAP, top, 64, 48)
        draw(painter, path, small, LIGHT)
        draw(painter, path, small.translated(0, 56), DARK)
    if ICON.is_file():
        x, y = GAP, rows * cell_h + GAP
        for size in (16, 24, 32, 48, 64, 128):
            for background in (LIGHT, DARK):
                draw(painter, ICON, QRectF(x, y, size, size), background)
                x += size + GAP
    painter.end()
    return image


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render the illustrations into one PNG.")
    parser.add_argument("--only", default="", help="only names containing one of A,B,...")
    parser.add_argument("--width", type=int, default=240, help="width of each large render")
    parser.add_argument("--columns", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots" / "contact-sheet.png")
    args = parser.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    wanted = args.only.split(",")
    files = sorted(p for p in ILLUSTRATIONS.glob("*.svg") if any(w in p.name for w in wanted))
    if not files:
        print("no illustrations found")
        return 1
    image = build(files, args.width, args.columns)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(args.out))
    print(f"wrote {args.out} ({len(files)} drawings)")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
