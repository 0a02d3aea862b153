"""Write every exercise illustration and the app icon.

    python scripts/illustrations/generate.py          write assets/illustrations/*.svg and icons
    python scripts/illustrations/generate.py --check  exit 1 if an SVG differs from its source

Standard library only, except that the icon PNGs are rendered with PySide6 when it is
installed (``--check`` compares the SVGs only, because PNG bytes vary across Qt versions).

How the pieces fit:

    geometry.py   3D vectors, two-bone reach (knees, elbows), the camera
    figure.py     LENGTH/WIDTH (the only body proportions) and Body, which places joints
    kit.py        base positions (supine, feet_flat, ...), props, arrows, the @pose registry
    poses_*.py    one function per keyframe, grouped by starting position
    scene.py      a Scene (body + camera + props + arrows + highlights) -> 2D shapes
    render.py     one common fit per exercise, SVG text with fixed number formatting

To draw a new exercise: add a function to the poses module for its position, decorated
with ``@pose("<exercise-id>", "<keyframe-id>")`` (the file becomes
``<exercise-id>-<keyframe-id>.svg``), build a Body, and return a Scene with its props
(``mat``, ``chair``, ...), ``arrows`` for the movement and ``glows`` for the stretched
area. Draw one-sided exercises for the left side, with the left limbs nearest the viewer
(the app mirrors them). Then run this script and look at the result with
``contact_sheet.py``. All keyframes of one exercise share one scale and offset, so the
app can fade from one to the next without the figure jumping.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import icon
import poses_back  # noqa: F401  (importing a poses module registers its poses)
import poses_cross  # noqa: F401
import poses_kneel  # noqa: F401
import poses_neck  # noqa: F401
import poses_prone  # noqa: F401
import poses_upright  # noqa: F401
from kit import POSES
from render import fit, to_svg

ROOT = Path(__file__).resolve().parents[2]
ILLUSTRATIONS = ROOT / "assets" / "illustrations"
ICONS = ROOT / "assets" / "icons"


def illustrations() -> dict[str, str]:
    """File name -> SVG text for every keyframe of every exercise."""
    out: dict[str, str] = {}
    for exercise, keyframes in sorted(POSES.items()):
        scenes = {key: build() for key, build in keyframes.items()}
        for key, scene in scenes.items():
            try:
                scene.body.validate()
            except ValueError as error:
                raise SystemExit(f"{exercise}-{key}: {error}") from None
        where = fit(list(scenes.values()))
        for key, scene in sorted(scenes.items()):
            out[f"{exercise}-{key}.svg"] = to_svg(scene, where)
    return out


def expected() -> dict[Path, str]:
    files = {ILLUSTRATIONS / name: text for name, text in illustrations().items()}
    files[ICONS / "backstretch.svg"] = icon.svg()
    return files


def check() -> int:
    stale = [
        path
        for path, text in expected().items()
        if not path.is_file() or path.read_text(encoding="utf-8") != text
    ]
    for path in stale:
        print(f"out of date: {path.relative_to(ROOT)}")
    if stale:
        print("run: python scripts/illustrations/generate.py")
    return 1 if stale else 0


def write() -> int:
    for path, text in expected().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote {path.relative_to(ROOT)}")
    return icon.write_pngs(ICONS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    args = parser.parse_args(argv)
    return check() if args.check else write()


if __name__ == "__main__":
    sys.exit(main())
