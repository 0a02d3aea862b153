"""Neck, shoulder and chest poses: sitting on a chair, standing in a doorway, lying over a pillow.

Sitting and standing figures face left (-x) with their left side (+z) toward the viewer,
as in poses_upright. A camera turned by ``yaw`` 90° looks them in the face; their left
side is then on the right of the picture, so a head tipped to the left shoulder tips to
the right of the picture.

These poses replace the first drafts of the same keyframes in poses_desk.py: this module
is imported after it, and a later registration of a keyframe wins.
"""

from __future__ import annotations

from figure import HEAD_RADIUS, LENGTH, WIDTH, Body, turn
from geometry import Camera, X, Y, Z, add, lerp, mul, neg, sub, unit
from kit import FEET, FLAT_ANKLE, SEAT, arc, chair, door_frame, mat, pose, straight, supine
from poses_upright import FRONT, arms_hang, seated
from scene import MAT, PROP, Box, Prop, Scene

TALL = (90.0, 90.0, 90.0, 91.0)  # pelvis, lumbar, thorax and neck of a tall back
HIP_X = FRONT + 18.0  # sitting on the front half of the seat
FACING = Camera(yaw=78.0, pitch=12.0)  # in front of the figure, a little to its left


def on_chair() -> list[Prop]:
    return [mat(-75.0, 45.0), *chair(FRONT)]


def hands_on_thighs(body: Body, sides: tuple[str, ...] = ("l", "r")) -> None:
    for side in sides:
        thigh = lerp(body[f"hip_{side}"], body[f"knee_{side}"], 0.7)
        body.arm(side, add(thigh, (0.0, WIDTH["thigh"] / 2 + 3.0, 0.0)), X)


def sitting(shrug: float = 0.0) -> Body:
    body = seated(HIP_X, TALL, shrug=shrug)
    hands_on_thighs(body)
    return body


def tilt_head(body: Body, degrees: float, forward: float = 0.0) -> None:
    """Tip the head toward the left shoulder (negative: the right), and a little forward."""
    pivot = body["chest_top"]
    if forward:
        body.move(["head"], turn(pivot, Z, forward))
    body.move(["head"], turn(pivot, X, degrees))


NECK_SHOWN = 0.6  # the part of the neck line below the head


# --- neck side stretch: the left ear drops toward the left shoulder ------------------


@pose("neck-side-stretch", "start")
def neck_side_start() -> Scene:
    return Scene(
        sitting(),
        camera=FACING,
        props=on_chair(),
        glows=[("shoulders@1-0.7", f"neck@0-{NECK_SHOWN}")],
        title="Neck side stretch: start",
    )


@pose("neck-side-stretch", "hold")
def neck_side_hold() -> Scene:
    body = sitting(shrug=-1.0)
    tilt_head(body, 40.0)
    arrow = arc(body["chest_top"], LENGTH["neck"] + 7.0 + HEAD_RADIUS + 8.0, 2.0, 40.0, (Y, Z))
    return Scene(
        body,
        camera=FACING,
        props=on_chair(),
        arrows=[arrow],
        glows=[("shoulders@1-0.7", f"neck@0-{NECK_SHOWN}")],
        title="Neck side stretch: left ear toward the left shoulder",
    )


# --- upper trapezius stretch: the left side of the neck is stretched --------------------


@pose("upper-trapezius-stretch", "hold")
def upper_trapezius() -> Scene:
    body = seated(HIP_X, TALL, shrug=-2.0)
    tilt_head(body, -24.0, forward=12.0)
    hands_on_thighs(body, ("r",))  # placed for now; the arms follow
    edge = (body["hip"][0] + 2.0, SEAT - 1.0, 23.5)  # the left side of the seat
    body.arm("l", edge, unit((0.3, 0.0, 1.0)))
    head = body["head"]
    on_head = add(head, (0.0, HEAD_RADIUS + 1.5, 3.0))  # over the top, toward its left side
    body.arm("r", on_head, unit((0.0, 0.3, -1.0)))  # the elbow out to the right
    arrow = arc(body["chest_top"], LENGTH["neck"] + 7.0 + HEAD_RADIUS + 9.0, -2.0, -38.0, (Y, Z))
    return Scene(
        body,
        camera=FACING,
        props=on_chair(),
        arrows=[arrow],
        glows=[("shoulders@0-0.45", f"neck@0-{NECK_SHOWN}")],
        order={"arm_r": -60.0},  # behind the head: the head stays round
        title="Upper trapezius stretch",
    )


# --- chin tuck (seen from the side) ----------------------------------------------------

TUCK = 6.0  # cm the head glides back


@pose("chin-tuck", "start")
def chin_tuck_start() -> Scene:
    return Scene(
        sitting(),
        props=on_chair(),
        glows=[(f"neck@0-{NECK_SHOWN}",)],
        title="Chin tuck: start",
    )


@pose("chin-tuck", "tuck")
def chin_tuck() -> Scene:
    body = sitting()
    body.move(["head"], lambda p: add(p, (TUCK, 0.0, 0.0)))  # straight back, eyes level
    chin = add(body["head"], (-HEAD_RADIUS, -5.0, 0.0))
    arrow = straight(add(chin, (-22.0, 0.0, 0.0)), add(chin, (-5.0, 0.0, 0.0)))
    return Scene(
        body,
        props=on_chair(),
        arrows=[arrow],
        glows=[(f"neck@0-{NECK_SHOWN}",)],
        title="Chin tuck: head straight back",
    )


# --- shoulder rolls: the forward half of the circle (up and down are in poses_upright) --


@pose("shoulder-rolls", "forward")
def shoulder_rolls_forward() -> Scene:
    body = seated(FRONT + 16.0, (90.0, 91.0, 96.0, 96.0), retract=-4.5, shrug=1.0)
    arms_hang(body)
    arrow = arc(body["shoulder_l"], 25.0, 112.0, 232.0)
    return Scene(
        body,
        props=[mat(-75.0, 45.0), *chair(FRONT)],
        arrows=[arrow],
        glows=[("thorax@0.45-1",), ("neck@0-0.3",)],
        title="Shoulder rolls: forward and down",
    )


# --- shoulder blades down and back (seen from the side) ---------------------------------


@pose("shoulder-blades-back", "start")
def shoulder_blades_start() -> Scene:
    body = seated(HIP_X, (90.0, 91.0, 94.0, 95.0), retract=-1.0)
    arms_hang(body)
    return Scene(
        body,
        props=on_chair(),
        glows=[("thorax@0.35-1",)],
        title="Shoulder blades down and back: start",
    )


@pose("shoulder-blades-back", "hold")
def shoulder_blades_hold() -> Scene:
    body = seated(HIP_X, (90.0, 90.0, 87.0, 91.0), retract=5.0, shrug=-3.0)
    arms_hang(body)
    shoulder = body["shoulder_l"]
    arrow = straight(add(shoulder, (-6.0, 17.0, 0.0)), add(shoulder, (9.0, 3.0, 0.0)))
    return Scene(
        body,
        props=on_chair(),
        arrows=[arrow],
        glows=[("thorax@0.35-1",)],
        title="Shoulder blades down and back",
    )


# --- doorway chest stretch ---------------------------------------------------------------

DOOR_CAMERA = Camera(yaw=40.0, pitch=16.0)  # in front, to the left: both posts show


@pose("doorway-chest-stretch", "hold")
def doorway_chest() -> Scene:
    body = Body()
    lean = 99.0  # a straight body leaning forward from the ankles
    body.spine((0.0, 0.0, 0.0), lean, lean, lean, lean - 1.0)
    body.leg("l", (-26.0, -80.0, 10.0), (-1.0, 0.0, 0.0), neg(X))  # the front foot
    body.leg("r", (14.0, -81.0, -10.0), (-1.0, 0.0, 0.0), neg(X))
    arms_hang(body)  # placed for now, so the figure can stand on the floor
    body.ground()
    for side in ("l", "r"):  # upper arms out and back at shoulder height, forearms upright
        lateral = 1.0 if side == "l" else -1.0
        shoulder = body[f"shoulder_{side}"]
        elbow = add(shoulder, mul(unit((0.6, -0.05, lateral * 0.8)), LENGTH["upper_arm"]))
        hand = add(elbow, (0.0, LENGTH["forearm"], 0.0))
        body.arm(side, hand, sub(elbow, lerp(shoulder, hand, 0.5)))
    elbow = body["elbow_l"]
    post_x = elbow[0] - 6.0 - WIDTH["forearm"] / 2  # the forearm rests on the frame's face
    chest = body["chest"]
    arrow = straight(add(chest, (-20.0, -36.0, 0.0)), add(chest, (-46.0, -36.0, 0.0)))
    return Scene(
        body,
        camera=DOOR_CAMERA,
        props=[mat(-70.0, 50.0), *door_frame(post_x, abs(elbow[2]) - 4.0)],
        arrows=[arrow],
        glows=[("thorax@0.5-1",), ("shoulders",)],
        title="Doorway chest stretch",
    )


# --- chest opener over a pillow (from the feet and the left, raised) -----------------------

PILLOW_HIGH = 8.0


@pose("chest-opener-over-pillow", "hold")
def chest_opener() -> Scene:
    body = supine()
    body.shift((0.0, PILLOW_HIGH, 0.0))
    for side in ("l", "r"):
        lateral = 1.0 if side == "l" else -1.0
        body.leg(side, (FEET, FLAT_ANKLE, lateral * 12.0), Y, neg(X))
        shoulder = body[f"shoulder_{side}"]
        hand = (shoulder[0] + 2.0, WIDTH["forearm"] / 2, shoulder[2] + lateral * 56.0)
        body.arm(side, hand, (0.3, -0.6, 0.0))
    under = Box((-14.0, 0.0, -15.0), (112.0, PILLOW_HIGH, 15.0), PROP, 1.0, 4.0)
    wide = Box((-70.0, -2.5, -84.0), (115.0, 0.0, 84.0), MAT, 0.6, 2.5, "floor")
    return Scene(
        body,
        camera=Camera(yaw=60.0, pitch=35.0),  # the bent knees and the pillow show
        props=[wide, under],
        glows=[("thorax",)],
        title="Chest opener over a pillow",
    )
