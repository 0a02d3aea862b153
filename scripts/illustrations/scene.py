"""A scene (a posed figure, props, arrows, highlights) and its projection to 2D shapes.

Shapes are in world centimetres on the picture plane (y up); ``render.py`` scales them
into the SVG. Near limbs, the trunk and the head are drawn in BODY, limbs on the far side
in FAR, so the two sides stay apart; whatever is nearer the viewer is drawn later.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from figure import HEAD_RADIUS, Body, Segment
from geometry import Camera, Vec, lerp

BODY, BODY_EDGE = "#6B7A90", "#4B566A"
FAR, FAR_EDGE = "#9AA6B6", "#77849A"
ACCENT = "#14A38B"
ARROW = "#E07B39"
MAT = "#C9CED6"
PROP, PROP_DARK = "#B5AC9E", "#948A7B"  # chair, step, pillow, cushion
STRAP = "#C98F5B"  # towel or strap
EDGE = 1.25  # outline around every body part, cm each side
GLOW = 5.5  # how far the highlight glow reaches beyond a limb, cm

Point = tuple[float, float]


@dataclass(frozen=True)
class Stroke:
    """A round-capped polyline, its width in cm."""

    points: tuple[Point, ...]
    width: float
    colour: str
    opacity: float = 1.0


@dataclass(frozen=True)
class Disc:
    centre: Point
    radius: float
    colour: str


@dataclass(frozen=True)
class Fill:
    """A filled polygon with rounded corners."""

    points: tuple[Point, ...]
    colour: str
    opacity: float = 1.0
    radius: float = 2.0


@dataclass(frozen=True)
class Head:
    """An arrow along a path; its line and head have fixed sizes in SVG units."""

    points: tuple[Point, ...]
    both: bool = False


Shape = Stroke | Disc | Fill | Head


@dataclass(frozen=True)
class Box:
    """A rounded block between two corners: the mat, a pillow, a step, a chair seat."""

    lo: Vec
    hi: Vec
    colour: str = PROP
    opacity: float = 1.0
    radius: float = 2.0
    layer: str = "back"


@dataclass(frozen=True)
class Rod:
    """A thick round-capped line through points: a chair leg, a towel."""

    points: tuple[Vec, ...]
    width: float
    colour: str = PROP
    layer: str = "back"


Prop = Box | Rod


@dataclass(frozen=True)
class Arrow:
    points: tuple[Vec, ...]
    both: bool = False


@dataclass
class Scene:
    body: Body
    camera: Camera = field(default_factory=Camera)
    props: list[Prop] = field(default_factory=list)
    arrows: list[Arrow] = field(default_factory=list)
    # highlighted areas: each a run of segments along one chain, e.g. ("pelvis", "lumbar"),
    # or part of one segment, e.g. ("thorax@0.5-1",) for the upper half of the chest
    glows: list[tuple[str, ...]] = field(default_factory=list)
    order: dict[str, float] = field(default_factory=dict)  # depth nudges, by chain
    halo: bool = True  # False keeps the glow off the floor, e.g. to show a hollow back
    near: str = ""  # "l" or "r" to force which side's limbs get the near colour
    faded: tuple[str, ...] = ()  # chains drawn in the far colour whatever their depth
    title: str = ""

    def shapes(self) -> list[Shape]:
        """Every shape to draw, back to front."""
        self.body.validate()
        layers: list[tuple[float, int, list[Shape]]] = []
        for prop in self.props:
            layers.append((self._prop_depth(prop), len(layers), self._prop_shapes(prop)))
        segments = self.body.segments()
        chains = sorted({s.chain for s in segments})
        for chain in chains:
            parts = [s for s in segments if s.chain == chain]
            depth = sum(self._depth(s.start) + self._depth(s.end) for s in parts) / (2 * len(parts))
            depth += self.order.get(chain, 0.0)
            layers.append((depth, len(layers), self._chain_shapes(chain, parts)))
        layers.sort(key=lambda layer: (layer[0], layer[1]))
        shapes = [shape for _, _, group in layers for shape in group]
        for arrow in self.arrows:
            shapes.append(Head(tuple(self._flat(p) for p in arrow.points), arrow.both))
        return shapes

    # --- helpers ----------------------------------------------------------------------

    def _flat(self, p: Vec) -> Point:
        x, y, _ = self.camera.project(p)
        return (x, y)

    def _depth(self, p: Vec) -> float:
        return self.camera.project(p)[2]

    def _is_far(self, chain: str) -> bool:
        if chain == "trunk":
            return False
        if chain in self.faded:
            return True
        kind, side = chain.split("_")
        if self.near:
            return side != self.near
        root = "hip" if kind == "leg" else "shoulder"
        other = "r" if side == "l" else "l"
        mine = self._depth(self.body[f"{root}_{side}"])
        theirs = self._depth(self.body[f"{root}_{other}"])
        return mine < theirs - 2.0

    def _chain_shapes(self, chain: str, parts: list[Segment]) -> list[Shape]:
        far = self._is_far(chain)
        fill, edge = (FAR, FAR_EDGE) if far else (BODY, BODY_EDGE)
        names = {s.name: s for s in parts}
        out: list[Shape] = []
        glows = [[part(names, entry) for entry in g] for g in self.glows if base(g[0]) in names]
        for glow in glows if self.halo else []:
            width = max(seg.width for seg, _, _ in glow) + 2 * GLOW
            path = [self._flat(glow[0][1])]
            for _, _, end in glow:  # one path, so the see-through glow never doubles up
                path.append(self._flat(end))
            out.append(Stroke(tuple(path), width, ACCENT, 0.3))
        head = self._flat(self.body["head"]) if chain == "trunk" else None
        for seg in parts:
            line = (self._flat(seg.start), self._flat(seg.end))
            out.append(Stroke(line, seg.width + 2 * EDGE, edge))
        if head:
            out.append(Disc(head, HEAD_RADIUS + EDGE, edge))
        for seg in parts:
            out.append(Stroke((self._flat(seg.start), self._flat(seg.end)), seg.width, fill))
        if head:
            out.append(Disc(head, HEAD_RADIUS, fill))
        for glow in glows:
            for seg, start, end in glow:
                out.append(Stroke((self._flat(start), self._flat(end)), seg.width * 0.5, ACCENT))
        return out

    def _prop_depth(self, prop: Prop) -> float:
        if prop.layer == "floor":
            return -1e9
        if prop.layer == "front":
            return 1e9
        if isinstance(prop, Box):
            depth = self._depth(lerp(prop.lo, prop.hi, 0.5))
        else:
            depth = sum(self._depth(p) for p in prop.points) / len(prop.points)
        return depth - (1e6 if prop.layer == "back" else 0.0)

    def _prop_shapes(self, prop: Prop) -> list[Shape]:
        if isinstance(prop, Rod):
            return [Stroke(tuple(self._flat(p) for p in prop.points), prop.width, prop.colour)]
        corners = [
            self._flat((x, y, z))
            for x in (prop.lo[0], prop.hi[0])
            for y in (prop.lo[1], prop.hi[1])
            for z in (prop.lo[2], prop.hi[2])
        ]
        return [Fill(convex_hull(corners), prop.colour, prop.opacity, prop.radius)]


def base(entry: str) -> str:
    return entry.split("@")[0]


def part(names: dict[str, Segment], entry: str) -> tuple[Segment, Vec, Vec]:
    """A glow entry: a segment name, or "name@0.5-1" for part of it (0 = its start)."""
    seg = names[base(entry)]
    t0, t1 = (float(t) for t in entry.split("@")[1].split("-")) if "@" in entry else (0.0, 1.0)
    return seg, lerp(seg.start, seg.end, t0), lerp(seg.start, seg.end, t1)


def convex_hull(points: list[Point]) -> tuple[Point, ...]:
    """Counter-clockwise hull (Andrew's monotone chain)."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return tuple(pts)

    def turn(o: Point, a: Point, b: Point) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Point] = []
    upper: list[Point] = []
    for p in pts:
        while len(lower) >= 2 and turn(lower[-2], lower[-1], p) <= 1e-9:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and turn(upper[-2], upper[-1], p) <= 1e-9:
            upper.pop()
        upper.append(p)
    return tuple(lower[:-1] + upper[:-1])
