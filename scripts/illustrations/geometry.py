"""Small 3D vector helpers for the exercise figures (standard library only).

World axes, in centimetres: x to the right of the picture, y up, z toward the viewer.
The floor (the top of the mat) is y = 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Vec = tuple[float, float, float]

X: Vec = (1.0, 0.0, 0.0)
Y: Vec = (0.0, 1.0, 0.0)
Z: Vec = (0.0, 0.0, 1.0)


def add(*vectors: Vec) -> Vec:
    return (
        sum(v[0] for v in vectors),
        sum(v[1] for v in vectors),
        sum(v[2] for v in vectors),
    )


def sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def mul(a: Vec, k: float) -> Vec:
    return (a[0] * k, a[1] * k, a[2] * k)


def neg(a: Vec) -> Vec:
    return (-a[0], -a[1], -a[2])


def dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def cross(a: Vec, b: Vec) -> Vec:
    return (
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    )


def length(a: Vec) -> float:
    return math.sqrt(dot(a, a))


def distance(a: Vec, b: Vec) -> float:
    return length(sub(a, b))


def unit(a: Vec) -> Vec:
    size = length(a)
    if size < 1e-9:
        raise ValueError("cannot normalise a zero vector")
    return mul(a, 1.0 / size)


def lerp(a: Vec, b: Vec, t: float) -> Vec:
    return add(a, mul(sub(b, a), t))


def polar(u: Vec, v: Vec, degrees: float) -> Vec:
    """The unit direction at ``degrees`` in the plane spanned by u (0°) and v (90°)."""
    rad = math.radians(degrees)
    return add(mul(u, math.cos(rad)), mul(v, math.sin(rad)))


def rotate(v: Vec, axis: Vec, degrees: float) -> Vec:
    """Rotate v about the unit ``axis`` by ``degrees`` (right-hand rule)."""
    rad = math.radians(degrees)
    c, s = math.cos(rad), math.sin(rad)
    k = unit(axis)
    return add(mul(v, c), mul(cross(k, v), s), mul(k, dot(k, v) * (1.0 - c)))


def rotate_about(p: Vec, pivot: Vec, axis: Vec, degrees: float) -> Vec:
    return add(pivot, rotate(sub(p, pivot), axis, degrees))


def two_bone(root: Vec, target: Vec, first: float, second: float, bend: Vec) -> tuple[Vec, Vec]:
    """Place the middle joint of a two-bone limb (knee, elbow) that reaches ``target``.

    ``bend`` is the direction the middle joint bulges toward (the front of the knee, the
    point of the elbow). Returns (middle, end); ``end`` falls short of ``target`` when it
    is out of reach, which Body.validate() reports.
    """
    span = sub(target, root)
    reach = length(span)
    axis = unit(span)
    clamped = min(max(reach, abs(first - second) + 1e-6), first + second - 1e-6)
    along = (first * first - second * second + clamped * clamped) / (2.0 * clamped)
    across = math.sqrt(max(first * first - along * along, 0.0))
    side = sub(bend, mul(axis, dot(bend, axis)))
    middle = add(root, mul(axis, along), mul(unit(side), across))
    end = add(middle, mul(unit(sub(add(root, mul(axis, clamped)), middle)), second))
    return middle, end


def arc_points(
    center: Vec, u: Vec, v: Vec, radius: float, start: float, end: float, steps: int = 24
) -> list[Vec]:
    """Points on a circular arc in the plane (u, v), from angle ``start`` to ``end``."""
    return [
        add(center, mul(polar(u, v, start + (end - start) * i / steps), radius))
        for i in range(steps + 1)
    ]


@dataclass(frozen=True)
class Camera:
    """An orthographic camera: turned by ``yaw`` about the vertical, raised by ``pitch``.

    yaw 0 and pitch 0 look straight along -z (a plain side view). A positive pitch looks
    down from above, so the floor shows as a band and far limbs peek out above near ones.
    """

    yaw: float = 0.0
    pitch: float = 10.0

    def project(self, p: Vec) -> tuple[float, float, float]:
        """(screen x, screen y upward, depth toward the viewer)."""
        yaw, pitch = math.radians(self.yaw), math.radians(self.pitch)
        x = p[0] * math.cos(yaw) + p[2] * math.sin(yaw)
        z = -p[0] * math.sin(yaw) + p[2] * math.cos(yaw)
        y = p[1] * math.cos(pitch) - z * math.sin(pitch)
        depth = p[1] * math.sin(pitch) + z * math.cos(pitch)
        return (x, y, depth)
