"""Turn scenes into SVG text: one common fit per exercise, fixed number formatting."""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

from scene import ARROW, Disc, Fill, Point, Scene, Shape, Stroke

WIDTH, HEIGHT = 400, 300  # every illustration has this 4:3 viewBox
MARGIN = 10.0
MAX_SCALE = 2.3  # SVG units per cm, so a compact pose does not turn into a giant
ARROW_WIDTH, ARROW_HEAD, ARROW_HALF = 7.0, 19.0, 11.0  # SVG units


def num(value: float) -> str:
    """A coordinate with one decimal, never "-0.0", so output is byte-stable."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


@dataclass(frozen=True)
class Fit:
    scale: float
    dx: float
    dy: float

    def point(self, p: Point) -> Point:
        return (self.dx + p[0] * self.scale, self.dy - p[1] * self.scale)


def bounds(shapes: list[Shape]) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    for shape in shapes:
        if isinstance(shape, Stroke):
            pad, pts = shape.width / 2, shape.points
        elif isinstance(shape, Disc):
            pad, pts = shape.radius, (shape.centre,)
        elif isinstance(shape, Fill):
            pad, pts = 0.0, shape.points
        else:
            pad, pts = 5.0, shape.points  # room for the arrowhead
        xs += [p[0] - pad for p in pts] + [p[0] + pad for p in pts]
        ys += [p[1] - pad for p in pts] + [p[1] + pad for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def fit(scenes: list[Scene]) -> Fit:
    """One scale and offset for all keyframes of an exercise, so they line up."""
    boxes = [bounds(scene.shapes()) for scene in scenes]
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    scale = min((WIDTH - 2 * MARGIN) / (x1 - x0), (HEIGHT - 2 * MARGIN) / (y1 - y0), MAX_SCALE)
    dx = WIDTH / 2 - (x0 + x1) / 2 * scale
    dy = HEIGHT / 2 + (y0 + y1) / 2 * scale
    return Fit(scale, dx, dy)


def path_data(points: list[Point]) -> str:
    head, *rest = points
    return f"M{num(head[0])} {num(head[1])}" + "".join(f"L{num(x)} {num(y)}" for x, y in rest)


def rounded_path(points: list[Point], radius: float) -> str:
    """A closed path through ``points`` with each corner rounded off."""
    out = []
    n = len(points)
    for i, p in enumerate(points):
        before, after = points[i - 1], points[(i + 1) % n]
        a = _toward(p, before, radius)
        b = _toward(p, after, radius)
        out.append(f"{'M' if i == 0 else 'L'}{num(a[0])} {num(a[1])}")
        out.append(f"Q{num(p[0])} {num(p[1])} {num(b[0])} {num(b[1])}")
    return "".join(out) + "Z"


def _toward(p: Point, q: Point, radius: float) -> Point:
    dist = math.hypot(q[0] - p[0], q[1] - p[1])
    t = min(radius, dist / 2) / dist if dist else 0.0
    return (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)


def arrow_elements(points: list[Point], both: bool) -> list[str]:
    """A shaft and one or two filled heads, in SVG units."""
    shaft = list(points)
    heads = []
    for flip in (False, True) if both else (False,):
        line = list(reversed(shaft)) if flip else shaft
        tip = line[-1]
        base, index = _back_along(line, ARROW_HEAD)
        d = (tip[0] - base[0], tip[1] - base[1])
        size = math.hypot(*d) or 1.0
        nx, ny = -d[1] / size * ARROW_HALF, d[0] / size * ARROW_HALF
        corners = [tip, (base[0] + nx, base[1] + ny), (base[0] - nx, base[1] - ny)]
        heads.append(f'<path d="{rounded_path(corners, 1.5)}" fill="{ARROW}"/>')
        line = line[: index + 1] + [_between(base, tip, 0.35)]
        shaft = list(reversed(line)) if flip else line
    stroke = f'<path d="{path_data(shaft)}" stroke="{ARROW}" stroke-width="{num(ARROW_WIDTH)}"/>'
    return [stroke, *heads]


def _between(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def _back_along(line: list[Point], distance: float) -> tuple[Point, int]:
    """The point ``distance`` back from the end of ``line`` and the index before it."""
    left = distance
    for i in range(len(line) - 1, 0, -1):
        a, b = line[i - 1], line[i]
        step = math.hypot(b[0] - a[0], b[1] - a[1])
        if step >= left:
            return _between(b, a, left / step), i - 1
        left -= step
    return line[0], 0


def to_svg(scene: Scene, where: Fit) -> str:
    body: list[str] = []
    for shape in scene.shapes():
        if isinstance(shape, Stroke):
            pts = [where.point(p) for p in shape.points]
            width = shape.width * where.scale
            extra = f' stroke-opacity="{shape.opacity:g}"' if shape.opacity < 1 else ""
            if len(pts) == 2:
                (x1, y1), (x2, y2) = pts
                body.append(
                    f'<line x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" '
                    f'stroke="{shape.colour}" stroke-width="{num(width)}"{extra}/>'
                )
            else:
                body.append(
                    f'<path d="{path_data(pts)}" stroke="{shape.colour}" '
                    f'stroke-width="{num(width)}"{extra}/>'
                )
        elif isinstance(shape, Disc):
            x, y = where.point(shape.centre)
            r = shape.radius * where.scale
            body.append(f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(r)}" fill="{shape.colour}"/>')
        elif isinstance(shape, Fill):
            pts = [where.point(p) for p in shape.points]
            extra = f' fill-opacity="{shape.opacity:g}"' if shape.opacity < 1 else ""
            d = rounded_path(pts, shape.radius * where.scale)
            body.append(f'<path d="{d}" fill="{shape.colour}"{extra} stroke="none"/>')
        else:
            body += arrow_elements([where.point(p) for p in shape.points], shape.both)
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}">',
        f"<title>{html.escape(scene.title)}</title>",
        '<g fill="none" stroke-linecap="round" stroke-linejoin="round">',
        *body,
        "</g>",
        "</svg>",
    ]
    return "\n".join(lines) + "\n"
