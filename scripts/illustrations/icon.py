"""The app icon: a figure resting in child's pose inside a countdown ring.

The SVG is plain text (checked by ``generate.py --check``); the PNGs for the hicolor
theme are rendered from it with PySide6 when that is installed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from scene import ACCENT, BODY_EDGE

SIZES = (16, 32, 48, 64, 128, 256, 512)
PLATE = "#F4F6F8"


def svg() -> str:
    """A 64-unit icon: a light plate, the ring two-thirds run down, the figure inside."""
    lines = [
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">',
        "<title>Backstretch</title>",
        f'<circle cx="32" cy="32" r="31" fill="{PLATE}"/>',
        '<g fill="none" stroke-linecap="round" stroke-linejoin="round">',
        f'<circle cx="32" cy="32" r="25.5" stroke="{ACCENT}" stroke-width="6" '
        'stroke-opacity="0.28"/>',
        f'<path d="M32 6.5A25.5 25.5 0 1 1 6.5 32" stroke="{ACCENT}" stroke-width="6"/>',
        # folded legs: the shins along the floor under the hips
        f'<path d="M47 45.5L31 45.5" stroke="{BODY_EDGE}" stroke-width="6.5"/>',
        # the long, rounded back from the hips over to the shoulders
        f'<path d="M43.5 41Q40 22 23.5 37" stroke="{BODY_EDGE}" stroke-width="10"/>',
        "</g>",
        f'<circle cx="18.6" cy="42.2" r="5.4" fill="{BODY_EDGE}"/>',
        "</svg>",
    ]
    return "\n".join(lines) + "\n"


def write_pngs(folder: Path) -> int:
    """Render the icon SVG at every hicolor size; PNG files change only when pixels do."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window is ever shown
    try:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice
        from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
        from PySide6.QtSvg import QSvgRenderer
    except ImportError:
        print("PySide6 is not installed: icon PNGs not rendered", file=sys.stderr)
        return 0
    app = QGuiApplication.instance() or QGuiApplication(["generate"])
    renderer = QSvgRenderer(QByteArray(svg().encode("utf-8")))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        QImageWriter(buffer, QByteArray(b"png")).write(image)
        buffer.close()
        path = folder / "hicolor" / f"{size}x{size}" / "apps" / "backstretch.png"
        content = bytes(data.data())
        if not path.is_file() or path.read_bytes() != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            print(f"wrote {path}")
    del app
    return 0
