"""Poses lying on the front: head to the right, as in the other floor poses.

Lying face down the body's plane is (x, -y): 0° points at the head, 90° into the floor
and negative angles lift a part off it. Its left side then faces away from the viewer;
these exercises are done with both sides alike, so the right side is the near one.
"""

from __future__ import annotations

import math

from figure import HEAD_RADIUS, LENGTH, WIDTH, Body
from geometry import Vec, X, add, neg, unit
from kit import LOW_BACK, mat, pose, straight
from scene import Scene

FACE_DOWN = (X, neg((0.0, 1.0, 0.0)))
HIP = (0.0, WIDTH["pelvis"] / 2, 0.0)  # the front of the pelvis rests on the floor
CHEST_DOWN = WIDTH["thorax"] / 2  # height of the chest line lying flat
LEG = 180.0 - math.degrees(math.asin((HIP[1] - WIDTH["thigh"] / 2) / LENGTH["thigh"]))


def floor() -> list:
    return [mat(-108.0, 86.0)]


def prone(lumbar: float, thorax: float, neck: float, shrug: float = 0.0) -> Body:
    """Face down, legs long with the tops of the feet on the floor."""
    body = Body()
    body.spine(HIP, -1.0, lumbar, thorax, neck, plane=FACE_DOWN, shrug=shrug)
    for side in ("l", "r"):
        body.leg_angles(side, LEG, 180.0, toes=183.0)
    return body


UP = (-42.0, -66.0, -34.0)  # lumbar, thorax and neck pressed up: the lower back arches


def flat() -> Body:
    drop = math.degrees(math.asin((CHEST_DOWN - HEAD_RADIUS - 1.5) / LENGTH["neck"]))
    return prone(1.0, 1.0, drop)  # forehead toward the floor


def pressed_up() -> Body:
    return prone(*UP, shrug=2.0)


def hands() -> dict[str, Vec]:
    """Where the palms rest: on the floor beside the chest, under the raised shoulders."""
    body = pressed_up()
    out = {}
    for side in ("l", "r"):
        shoulder = body[f"shoulder_{side}"]
        lateral = 1.0 if shoulder[2] > 0 else -1.0
        out[side] = (shoulder[0] + 3.0, WIDTH["forearm"] / 2, shoulder[2] + lateral * 7.0)
    return out


def place_hands(body: Body, up: float) -> None:
    """Elbows in by the ribs, pointing back (``up`` > 0 raises them toward the ceiling)."""
    for side, hand in hands().items():
        lateral = 1.0 if hand[2] > 0 else -1.0
        body.arm(side, hand, unit((-1.0, up, lateral * 0.3)))


@pose("prone-press-up", "start")
def press_up_start() -> Scene:
    body = flat()
    place_hands(body, 0.8)
    return Scene(body, props=floor(), glows=[LOW_BACK], title="Prone press-up: start")


@pose("prone-press-up", "up")
def press_up() -> Scene:
    body = pressed_up()
    place_hands(body, 0.0)
    back = add(body["chest"], (-16.0, 0.0, 0.0))
    arrow = straight(add(back, (0.0, 12.0, 0.0)), add(back, (0.0, 34.0, 0.0)))
    return Scene(body, props=floor(), arrows=[arrow], glows=[LOW_BACK], title="Prone press-up")
