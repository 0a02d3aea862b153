"""The exercise illustrations and the app icon: generated, complete, used and drawable."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from pytestqt.qtbot import QtBot

from backstretch_gui.core.library import load_catalog
from backstretch_gui.core.resources import catalog_path, illustrations_dir

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = ROOT / "scripts" / "illustrations" / "generate.py"
ICONS = ROOT / "assets" / "icons"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def catalog_files() -> set[str]:
    catalog = load_catalog(catalog_path())
    return {key.file for exercise in catalog.exercises for key in exercise.keyframes}


def svg_files() -> list[Path]:
    return sorted(illustrations_dir().glob("*.svg"))


def test_generated_files_are_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(GENERATOR), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_keyframe_has_its_illustration() -> None:
    missing = sorted(name for name in catalog_files() if not (illustrations_dir() / name).is_file())
    assert not missing


def test_every_illustration_is_used_by_the_catalog() -> None:
    unused = sorted(p.name for p in svg_files() if p.name not in catalog_files())
    assert not unused


@pytest.mark.parametrize("path", svg_files(), ids=lambda p: p.name)
def test_illustration_loads_and_is_not_blank(qtbot: QtBot, path: Path) -> None:
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid()
    image = QImage(64, 48, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, 64, 48))
    painter.end()
    drawn = sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha()
    )
    assert drawn / (image.width() * image.height()) >= 0.03


def test_icon_svg_and_pngs_exist(qtbot: QtBot) -> None:
    icon = ICONS / "backstretch.svg"
    assert QSvgRenderer(str(icon)).isValid()
    for size in ICON_SIZES:
        png = ICONS / "hicolor" / f"{size}x{size}" / "apps" / "backstretch.png"
        image = QImage(str(png))
        assert not image.isNull(), png
        assert (image.width(), image.height()) == (size, size)


def test_the_exercises_command_names_every_drawing_that_exists() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "backstretch_gui", "exercises", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    listed = {Path(p) for row in json.loads(result.stdout) for p in row["illustrations"]}
    assert all(path.is_file() for path in listed)
    assert {path.name for path in listed} == {p.name for p in illustrations_dir().glob("*.svg")}


def test_the_view_keeps_pictures_of_its_current_size_only(qtbot: QtBot) -> None:
    from backstretch_gui.ui.illustration import IllustrationView

    view = IllustrationView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show_keyframe("knee-to-chest-hold.svg", mirrored=False)
    view.grab()
    view.resize(500, 300)
    view.grab()
    sizes = {(width, height) for _, _, width, height, _ in view._pictures}
    assert sizes == {(500, 300)}
