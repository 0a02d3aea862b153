"""Standing and sitting poses: facing left, the body's left side toward the viewer.

Angles as in figure.py: 180° points forward (left), 90° up, 0° back, 270° down.
"""

from __future__ import annotations

from figure import HEAD_RADIUS, LENGTH, WIDTH, Body
from geometry import Camera, X, Y, Z, add, lerp, mul, neg, polar, unit
from kit import FLAT_ANKLE, LOW_BACK, SEAT, arc, chair, mat, pose, step
from scene import Scene

# --- standing ----------------------------------------------------------------------------


def standing_tall() -> Body:
    """Standing upright, feet hip-width apart, arms by the sides."""
    body = Body()
    body.spine((0.0, 0.0, 0.0), 90.0, 90.0, 90.0, 92.0)
    for side in ("l", "r"):
        lateral = 1.0 if side == "l" else -1.0
        body.leg(side, (0.0, -84.0, lateral * 11.0), (-1.0, 0.0, 0.0), neg(X))
        body.arm_angles(side, 268.0, 262.0)
    body.ground()
    return body


@pose("standing-forward-bend", "start")
def standing_forward_bend_start() -> Scene:
    return Scene(
        standing_tall(),
        props=[mat(-70.0, 60.0)],
        glows=[("thigh_l",), LOW_BACK],
        title="Standing forward bend: start",
    )


@pose("standing-forward-bend", "hold")
def standing_forward_bend() -> Scene:
    body = Body()
    hip = (14.0, 0.0, 0.0)  # the hips shift back over the heels
    body.spine(hip, 198.0, 220.0, 246.0, 266.0)
    for side in ("l", "r"):
        lateral = 1.0 if side == "l" else -1.0
        body.leg(side, (0.0, -82.0, lateral * 13.0), (-1.0, 0.0, 0.0), neg(X))
    for side in ("l", "r"):  # hands hang down the front of the shins
        lateral = 1.0 if side == "l" else -1.0
        shin = lerp(body[f"knee_{side}"], body[f"ankle_{side}"], 0.55)
        body.arm(side, add(shin, (-9.0, 0.0, lateral * 2.0)), (0.0, 0.0, lateral))
    body.ground()
    arrow = arc(body["hip"], 74.0, 150.0, 218.0)
    return Scene(
        body,
        props=[mat(-70.0, 60.0)],
        arrows=[arrow],
        glows=[("thigh_l",), LOW_BACK],
        title="Standing forward bend",
    )


@pose("standing-hamstring-stretch", "hold")
def standing_hamstring() -> Scene:
    body = Body()
    hip = (12.0, 0.0, 0.0)
    lean = 126.0
    body.spine(hip, lean, lean, lean, lean + 6.0)
    body.leg("r", (8.0, -82.0, -9.0), (-1.0, 0.0, 0.0), neg(X))  # standing, knee soft
    body.leg_angles("l", 214.0, 214.0)  # straight, heel on the step
    thigh = lerp(body["hip_l"], body["knee_l"], 0.62)
    top = add(thigh, mul(polar(X, Y, 214.0 - 90.0), WIDTH["thigh"] / 2 + 3.5))
    for side, z in (("l", 12.0), ("r", 2.0)):
        body.arm(side, (top[0], top[1], z), X)
    body.ground()
    heel = body["heel_l"]
    box = step(heel[0] - 26.0, heel[0] + 16.0, heel[1] - WIDTH["foot"] / 2)
    arrow = arc(body["hip"], 90.0, 110.0, 142.0)
    return Scene(
        body,
        props=[mat(-90.0, 50.0), box],
        arrows=[arrow],
        glows=[("thigh_l",)],
        title="Standing hamstring stretch",
    )


# --- sitting on a chair (facing left, the chair's front edge at x = FRONT) -----------------

FRONT = -14.0
SIT = SEAT + 11.0  # hip joints above the seat


def seated(
    hip_x: float,
    back: tuple[float, float, float, float],
    twist: float = 0.0,
    shrug: float = 0.0,
    retract: float = 0.0,
) -> Body:
    """Sitting with the hips at ``hip_x`` and both feet flat, a little apart.

    ``back`` holds the pelvis, lumbar, thorax and neck angles (see Body.spine).
    """
    body = Body()
    body.spine((hip_x, SIT, 0.0), *back, twist=twist, shrug=shrug, retract=retract)
    for side in ("l", "r"):
        lateral = 1.0 if side == "l" else -1.0
        ankle = (FRONT - 26.0, FLAT_ANKLE, lateral * 12.0)
        body.leg(side, ankle, unit((-0.4, 1.0, lateral * 0.2)), neg(X))
    return body


def arms_hang(body: Body) -> None:
    """Arms hanging loosely at the sides, elbows soft."""
    for side in ("l", "r"):
        body.arm_angles(side, 266.0, 258.0)


@pose("shoulder-rolls", "down")
def shoulder_rolls_down() -> Scene:
    body = seated(FRONT + 16.0, (90.0, 90.0, 90.0, 92.0), retract=3.0, shrug=-1.0)
    arms_hang(body)
    arrow = arc(body["shoulder_l"], 24.0, 50.0, -65.0)
    return Scene(
        body,
        props=[mat(-75.0, 45.0), *chair(FRONT)],
        arrows=[arrow],
        glows=[("thorax@0.45-1",), ("neck@0-0.3",)],
        title="Shoulder rolls: back and down",
    )


@pose("shoulder-rolls", "up")
def shoulder_rolls_up() -> Scene:
    body = seated(FRONT + 16.0, (90.0, 90.0, 90.0, 92.0), shrug=7.0)
    arms_hang(body)
    arrow = arc(body["shoulder_l"], 26.0, 235.0, 140.0)
    return Scene(
        body,
        props=[mat(-75.0, 45.0), *chair(FRONT)],
        arrows=[arrow],
        glows=[("thorax@0.45-1",), ("neck@0-0.3",)],
        title="Shoulder rolls: up",
    )


def hands_behind_head(body: Body) -> None:
    """Fingertips on the back of the head, elbows out wide."""
    head = body["head"]
    for side in ("l", "r"):
        lateral = 1.0 if side == "l" else -1.0
        target = add(head, (HEAD_RADIUS * 0.55, 2.0, lateral * HEAD_RADIUS * 0.75))
        body.arm(side, target, unit((-0.3, 0.2, lateral)))


ELBOWS_WIDE = Camera(yaw=-25.0, pitch=12.0)  # from the front-left, so the elbows show wide
BACKREST = SIT + LENGTH["pelvis"] + LENGTH["lumbar"] + 4.0  # just below the shoulder blades
HIP_BACK = FRONT + 32.0  # sitting well back


@pose("seated-back-extension", "start")
def seated_back_extension_start() -> Scene:
    body = seated(HIP_BACK, (90.0, 90.0, 90.0, 92.0))
    hands_behind_head(body)
    return Scene(
        body,
        camera=ELBOWS_WIDE,
        props=[mat(-75.0, 50.0), *chair(FRONT, BACKREST)],
        glows=[("thorax",)],
        title="Seated back extension: start",
    )


@pose("seated-back-extension", "back")
def seated_back_extension_back() -> Scene:
    body = seated(HIP_BACK, (90.0, 86.0, 58.0, 52.0))
    hands_behind_head(body)
    arrow = arc(body["ribs"], 52.0, 100.0, 62.0)
    return Scene(
        body,
        camera=ELBOWS_WIDE,
        props=[mat(-75.0, 50.0), *chair(FRONT, BACKREST)],
        arrows=[arrow],
        glows=[("thorax",)],
        title="Seated back extension: lean back",
    )


def sitting_tall(hip_x: float) -> Body:
    body = seated(hip_x, (90.0, 90.0, 90.0, 92.0))
    for side in ("l", "r"):  # hands resting on the thighs
        thigh = lerp(body[f"hip_{side}"], body[f"knee_{side}"], 0.7)
        body.arm(side, add(thigh, (0.0, WIDTH["thigh"] / 2 + 3.0, 0.0)), X)
    return body


@pose("seated-trunk-rotation", "start")
def seated_trunk_rotation_start() -> Scene:
    return Scene(
        sitting_tall(FRONT + 20.0),
        camera=Camera(yaw=15.0, pitch=28.0),
        props=[mat(-75.0, 45.0), *chair(FRONT)],
        glows=[("thorax",), LOW_BACK],
        title="Seated trunk rotation: start",
    )


@pose("seated-forward-bend", "start")
def seated_forward_bend_start() -> Scene:
    return Scene(
        sitting_tall(FRONT + 16.0),
        props=[mat(-85.0, 45.0), *chair(FRONT)],
        glows=[LOW_BACK],
        title="Seated forward bend: start",
    )


@pose("seated-trunk-rotation", "hold")
def seated_trunk_rotation() -> Scene:
    body = seated(FRONT + 20.0, (90.0, 90.0, 90.0, 90.0), twist=52.0)
    outside = lerp(body["hip_l"], body["knee_l"], 0.68)
    body.arm("r", add(outside, (0.0, 3.0, WIDTH["thigh"] / 2 + 2.0)), unit((-0.5, -0.3, 1.0)))
    seat = (body["hip"][0] + 24.0, SEAT + 3.0, 14.0)
    body.arm("l", seat, unit((0.4, 0.2, 1.0)))
    ring = add(body["chest"], (0.0, 6.0, 0.0))
    arrow = arc(ring, 34.0, 4.0, 84.0, plane=(neg(X), Z))
    return Scene(
        body,
        camera=Camera(yaw=15.0, pitch=28.0),
        props=[mat(-75.0, 45.0), *chair(FRONT)],
        arrows=[arrow],
        glows=[("thorax",), LOW_BACK],
        order={"arm_r": 50.0},
        title="Seated trunk rotation",
    )


@pose("seated-forward-bend", "hold")
def seated_forward_bend() -> Scene:
    body = seated(FRONT + 16.0, (140.0, 176.0, 216.0, 252.0))
    for side in ("l", "r"):
        shoulder = body[f"shoulder_{side}"]
        body.arm(side, (shoulder[0] - 26.0, WIDTH["forearm"] / 2, shoulder[2] * 0.7), X)
    arrow = arc(body["hip"], 66.0, 112.0, 168.0)
    return Scene(
        body,
        props=[mat(-85.0, 45.0), *chair(FRONT)],
        arrows=[arrow],
        glows=[LOW_BACK],
        title="Seated forward bend",
    )
