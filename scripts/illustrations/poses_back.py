"""Poses lying on the back: head to the right, the body's left side toward the viewer.

Leg angles: 180° is a leg lying long toward the feet, 90° a thigh pointing at the ceiling,
smaller angles bring the knee over the chest. A knee bends by adding degrees to the
thigh angle (``shin = thigh + bend``).
"""

from __future__ import annotations

import math

from figure import HEAD_RADIUS, LENGTH, WIDTH, Body
from geometry import Camera, X, Y, add, lerp, mul, polar
from kit import (
    BACK,
    FEET,
    FLAT_ANKLE,
    LOW_BACK,
    LYING,
    arc,
    arms_by_sides,
    feet_flat,
    mat,
    neck_to,
    pillow,
    pose,
    ray,
    straight,
    supine,
    towel,
)
from scene import Prop, Scene

HEEL_ANKLE = 6.5  # ankle height of a long leg resting on its heel, toes up
FAR_FOOT = 6.0  # the far foot a little further out, so both bent legs show


def floor(start: float = -82.0) -> list[Prop]:
    return [mat(start, 96.0)]


def hook_lying(head_on: float = 0.0, arch: float = 8.0) -> Body:
    """On the back, knees bent, feet flat, arms long by the sides."""
    body = supine(head_on, arch)
    feet_flat(body, "l", FEET)
    feet_flat(body, "r", FEET - FAR_FOOT)
    arms_by_sides(body)
    return body


def grip_shin(body: Body, side: str, at: float, hands: tuple[str, ...] = ("l", "r")) -> None:
    """Hands over the front of the shin of ``side``, ``at`` of the way from the knee."""
    knee, ankle = body[f"knee_{side}"], body[f"ankle_{side}"]
    shin = math.degrees(math.atan2(ankle[1] - knee[1], ankle[0] - knee[0]))
    top = add(lerp(knee, ankle, at), mul(polar(X, Y, shin - 90.0), -9.0))
    for hand in hands:
        lateral = 1.0 if hand == "l" else -1.0
        target = (top[0], top[1], knee[2] + lateral * 5.0)
        body.arm(hand, target, (0.0, -0.6, lateral))


def lifted_hips() -> Body:
    """Shoulders on the floor, hips raised until trunk and thighs line up (a bridge)."""
    chest = (52.0, 10.5, 0.0)
    trunk = LENGTH["pelvis"] + LENGTH["lumbar"] + LENGTH["thorax"]
    ankle = (FEET, FLAT_ANKLE, 0.0)
    lo, hi = 0.0, 45.0
    for _ in range(60):  # the angle at which the shin just reaches the foot on the floor
        mid = (lo + hi) / 2
        knee = ray(chest, 180.0 - mid, trunk + LENGTH["thigh"])
        lo, hi = (mid, hi) if math.dist(knee, ankle) < LENGTH["shin"] else (lo, mid)
    angle = -lo
    hip = ray(chest, 180.0 + angle, trunk)
    body = Body()
    body.spine(hip, angle, angle, angle, 0.0)
    body.spine(hip, angle, angle, angle, neck_to(body["chest"], HEAD_RADIUS))
    feet_flat(body, "l", FEET)
    feet_flat(body, "r", FEET - FAR_FOOT)
    arms_by_sides(body)
    return body


# --- bridge, roll-up, pelvic tilt, brace, rest -------------------------------------------


@pose("bridge", "start")
def bridge_start() -> Scene:
    return Scene(hook_lying(), props=floor(), glows=[LOW_BACK], title="Bridge: start")


@pose("bridge", "up")
def bridge_up() -> Scene:
    body = lifted_hips()
    hip = body["hip"]
    arrow = straight(add(hip, (0.0, 17.0, 0.0)), add(hip, (0.0, 43.0, 0.0)))
    return Scene(body, props=floor(), arrows=[arrow], glows=[LOW_BACK], title="Bridge: up")


@pose("spinal-roll-up", "start")
def roll_up_start() -> Scene:
    return Scene(hook_lying(), props=floor(), glows=[BACK], title="Spinal roll-up: start")


@pose("spinal-roll-up", "top")
def roll_up_top() -> Scene:
    body = lifted_hips()
    chest = body["chest"]
    arrow = arc(chest, 66.0, 186.0, 158.0)
    return Scene(body, props=floor(), arrows=[arrow], glows=[BACK], title="Spinal roll-up: top")


# Seen a little from above, so the near arm on the floor drops below the hollow of the back.
ABOVE = Camera(pitch=22.0)


@pose("pelvic-tilt", "start")
def pelvic_tilt_start() -> Scene:
    body = hook_lying(arch=22.0)
    return Scene(
        body,
        camera=ABOVE,
        props=floor(),
        glows=[LOW_BACK],
        halo=False,
        title="Pelvic tilt: start",
    )


@pose("pelvic-tilt", "tilt")
def pelvic_tilt_tilt() -> Scene:
    body = hook_lying(arch=-4.0)
    low_back = lerp(body["waist"], body["ribs"], 0.5)
    arrows = [
        arc(body["hip"], 30.0, 150.0, 60.0),  # the pelvis tips back
        straight(add(low_back, (0.0, 36.0, 0.0)), add(low_back, (0.0, 16.0, 0.0))),
    ]
    return Scene(
        body,
        camera=ABOVE,
        props=floor(),
        arrows=arrows,
        glows=[LOW_BACK],
        halo=False,
        title="Pelvic tilt",
    )


@pose("neutral-spine-brace", "hold")
def neutral_spine_brace() -> Scene:
    # No arrow: the back keeps its shape and nothing moves. An arrow on the belly read as
    # "press your back flat", which is the pelvic tilt, not the brace.
    body = hook_lying(arch=8.0)
    return Scene(
        body,
        props=floor(),
        glows=[("lumbar",)],
        title="Neutral spine brace",
    )


@pose("back-rest", "hold")
def back_rest() -> Scene:
    body = hook_lying(head_on=7.0)
    props = floor() + [pillow(60.0, 100.0)]
    return Scene(body, props=props, glows=[BACK], title="Back rest")


# --- knees to chest ----------------------------------------------------------------------


def lying_start(title: str) -> Scene:
    """The get-ready picture of a stretch that starts on the back, knees up."""
    return Scene(hook_lying(), props=floor(), glows=[LOW_BACK], title=title)


@pose("knee-to-chest", "start")
def knee_to_chest_start() -> Scene:
    return lying_start("Knee to chest: start")


@pose("double-knee-to-chest", "start")
def double_knee_to_chest_start() -> Scene:
    return lying_start("Double knee to chest: start")


@pose("knee-to-chest", "hold")
def knee_to_chest() -> Scene:
    body = supine()
    feet_flat(body, "r", FEET)
    body.leg_angles("l", 50.0, 50.0 + 145.0)
    grip_shin(body, "l", 0.18)
    knee = body["knee_l"]
    arrow = arc(body["hip_l"], math.dist(body["hip_l"], knee) + 17.0, 90.0, 56.0)
    return Scene(body, props=floor(), arrows=[arrow], glows=[LOW_BACK], title="Knee to chest")


@pose("double-knee-to-chest", "hold")
def double_knee_to_chest() -> Scene:
    body = supine()
    for side in ("l", "r"):
        body.leg_angles(side, 52.0, 52.0 + 142.0)
        grip_shin(body, side, 0.3, (side,))
    arrow = arc(body["hip_l"], LENGTH["thigh"] + 17.0, 92.0, 58.0)
    return Scene(
        body, props=floor(), arrows=[arrow], glows=[LOW_BACK], title="Double knee to chest"
    )


# --- hamstrings and legs -----------------------------------------------------------------


@pose("supine-hamstring-stretch", "start")
def supine_hamstring_start() -> Scene:
    body = hook_lying()
    hip = body["hip"]
    folded = towel([add(hip, (-12.0, 1.6 - hip[1], 22.0)), add(hip, (12.0, 1.6 - hip[1], 24.0))])
    return Scene(
        body,
        props=floor() + [folded],  # the towel at hand beside the hip
        glows=[("thigh_l",)],
        title="Hamstring stretch with a towel: start",
    )


@pose("supine-hamstring-stretch", "hold")
def supine_hamstring() -> Scene:
    body = supine()
    feet_flat(body, "r", FEET)
    body.leg_angles("l", 92.0, 97.0, toes=2.0)
    sole = add(body["ankle_l"], (7.0, WIDTH["foot"] / 2 + 6.8, 0.0))
    for side, z in (("l", 6.0), ("r", -2.0)):  # an end of the towel in each hand
        body.arm(side, (20.0, 52.0, z), (0.2, -1.0, z))
    loop = [body["hand_l"], sole, body["hand_r"]]
    arrow = arc(body["hip_l"], 100.0, 104.0, 86.0)
    return Scene(
        body,
        props=floor() + [towel(loop)],
        arrows=[arrow],
        glows=[("thigh_l",)],
        title="Hamstring stretch with a towel",
    )


def leg_raise_body(lift: float) -> Body:
    """One knee bent, the other leg long, raised ``lift`` degrees off the floor."""
    body = supine()
    feet_flat(body, "r", FEET)
    heel_down = (LYING - HEEL_ANKLE) / (LENGTH["thigh"] + LENGTH["shin"])
    angle = 180.0 + math.degrees(math.asin(heel_down)) - lift
    body.leg_angles("l", angle, angle, toes=angle - 90.0)
    arms_by_sides(body)
    return body


@pose("leg-raise", "start")
def leg_raise_start() -> Scene:
    body = leg_raise_body(0.0)
    return Scene(body, props=floor(-104.0), glows=[("lumbar",)], title="Straight leg raise: start")


@pose("leg-raise", "up")
def leg_raise_up() -> Scene:
    body = leg_raise_body(36.0)
    arrow = arc(body["hip_l"], 104.0, 176.0, 148.0)
    return Scene(
        body,
        props=floor(-104.0),
        arrows=[arrow],
        glows=[("lumbar",)],
        title="Straight leg raise: up",
    )
