"""Shared building blocks for poses: base positions, props and arrows."""

from __future__ import annotations

import math
from collections.abc import Callable

from figure import FOOT_DROP, HEAD_RADIUS, LENGTH, WIDTH, Body
from geometry import Vec, X, Y, add, arc_points, mul, neg, polar
from scene import MAT, PROP, PROP_DARK, STRAP, Arrow, Box, Prop, Rod, Scene

FLAT_ANKLE = FOOT_DROP + WIDTH["foot"] / 2  # ankle height of a foot flat on the floor
LYING = WIDTH["pelvis"] / 2  # height of the hip joints when lying on the back
MAT_HALF = 32.0  # half the width of the mat (across, along z)
SEAT = 44.0  # chair seat height
FEET = -48.0  # ankle x of a foot flat on the floor with the knee bent, lying on the back
BACK = ("pelvis", "lumbar", "thorax")  # highlight groups (segments along one chain)
LOW_BACK = ("pelvis", "lumbar")


# --- props -----------------------------------------------------------------------------


def mat(x0: float, x1: float) -> Box:
    return Box((x0, -2.5, -MAT_HALF), (x1, 0.0, MAT_HALF), MAT, 0.6, 2.5, "floor")


def pillow(x0: float, x1: float, height: float = 7.0) -> Box:
    return Box((x0, 0.0, -22.0), (x1, height, 22.0), PROP, 1.0, 3.5)


def cushion(x0: float, x1: float, height: float = 5.0) -> Box:
    return Box((x0, 0.0, -16.0), (x1, height, 16.0), PROP, 1.0, 2.5)


def chair(front: float, back_top: float = 92.0, depth: float = 44.0) -> list[Prop]:
    """An armless chair seen from the side, its front edge at x = ``front``, facing left."""
    back = front + depth
    half = 21.0
    parts: list[Prop] = []
    for z in (-half + 2, half - 2):
        parts.append(Rod(((front + 3, 0.0, z), (front + 3, SEAT - 3, z)), 3.5, PROP_DARK))
        parts.append(Rod(((back - 3, 0.0, z), (back - 3, back_top, z)), 3.5, PROP_DARK))
    parts.append(Box((front, SEAT - 4.0, -half), (back, SEAT, half), PROP, 1.0, 1.5))
    parts.append(Box((back - 5.0, back_top - 14.0, -half), (back, back_top, half), PROP, 1.0, 1.5))
    return parts


def step(x0: float, x1: float, height: float) -> Box:
    return Box((x0, 0.0, -30.0), (x1, height, 30.0), PROP, 1.0, 2.0)


def towel(points: list[Vec]) -> Rod:
    return Rod(tuple(points), 3.2, STRAP, "auto")


def door_frame(x: float, half: float, height: float = 205.0) -> list[Prop]:
    """A door frame across the x axis at ``x``: an opening ``half`` wide each side of z = 0.

    Two jambs and a header, 12 cm deep (along x) and 8 cm wide; a figure walking through
    it moves along x.
    """
    deep, wide = 6.0, 8.0
    parts: list[Prop] = []
    for sign in (1.0, -1.0):
        inner, outer = sign * half, sign * (half + wide)
        lo = (x - deep, 0.0, min(inner, outer))
        hi = (x + deep, height + wide, max(inner, outer))
        parts.append(Box(lo, hi, PROP, 1.0, 1.5))
    top = Box((x - deep, height, -half - wide), (x + deep, height + wide, half + wide), PROP_DARK)
    parts.append(top)
    return parts


# --- arrows ----------------------------------------------------------------------------


def arc(
    centre: Vec,
    radius: float,
    start: float,
    end: float,
    plane: tuple[Vec, Vec] = (X, Y),
    both: bool = False,
) -> Arrow:
    """An arrow along a circular arc from angle ``start`` to ``end`` (it points at end)."""
    u, v = plane
    return Arrow(tuple(arc_points(centre, u, v, radius, start, end)), both)


def straight(a: Vec, b: Vec, both: bool = False) -> Arrow:
    return Arrow((a, b), both)


def ray(origin: Vec, degrees: float, distance: float) -> Vec:
    """The point ``distance`` from ``origin`` at ``degrees`` in the picture plane."""
    return add(origin, mul(polar(X, Y, degrees), distance))


# --- bodies ----------------------------------------------------------------------------


def neck_to(chest: Vec, head_height: float) -> float:
    """The neck angle (head toward +x) that rests the head's centre at ``head_height``."""
    rise = (head_height - chest[1]) / LENGTH["neck"]
    return math.degrees(math.asin(max(-1.0, min(1.0, rise))))


def supine(head_on: float = 0.0, arch: float = 8.0) -> Body:
    """Lying on the back, head to the right (+x), left side toward the viewer.

    ``head_on`` raises the head (a pillow). ``arch`` is the natural hollow of the lower
    back in degrees: 8 is a relaxed back, 16 a clear hollow, 0 or less a flattened back.
    """
    body = Body()
    hip = (0.0, LYING, 0.0)
    body.spine(hip, arch, arch * 0.2, 0.0, 0.0)
    drop = (WIDTH["thorax"] / 2 - body["ribs"][1]) / LENGTH["thorax"]
    thorax = math.degrees(math.asin(max(-1.0, min(1.0, drop))))
    body.spine(hip, arch, arch * 0.2, thorax, 0.0)
    body.spine(hip, arch, arch * 0.2, thorax, neck_to(body["chest"], HEAD_RADIUS + head_on))
    return body


def feet_flat(body: Body, side: str, x: float) -> None:
    """Bent knee, foot flat on the floor with the ankle at ``x`` (toes toward -x)."""
    z = body[f"hip_{side}"][2]
    body.leg(side, (x, FLAT_ANKLE, z), Y, neg(X))


def arms_by_sides(body: Body) -> None:
    """Arms resting long on the floor beside the trunk (head toward +x)."""
    reach = LENGTH["upper_arm"] + LENGTH["forearm"]
    for side in ("l", "r"):
        drop = body[f"shoulder_{side}"][1] - WIDTH["forearm"] / 2
        angle = 180.0 + math.degrees(math.asin(max(-1.0, min(1.0, drop / reach))))
        body.arm_angles(side, angle, angle)


# --- the registry of poses -------------------------------------------------------------

PoseFn = Callable[[], Scene]
POSES: dict[str, dict[str, PoseFn]] = {}


def pose(exercise: str, keyframe: str) -> Callable[[PoseFn], PoseFn]:
    """Register a function that builds the scene of one keyframe of an exercise."""

    def register(fn: PoseFn) -> PoseFn:
        POSES.setdefault(exercise, {})[keyframe] = fn
        return fn

    return register
