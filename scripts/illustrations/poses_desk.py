"""Neck, shoulder and chest poses: on a chair, lying on the front, in a doorway.

Sitting and standing figures face left (-x) with the left side (+z) toward the viewer, as
in poses_upright; a camera turned by ``yaw`` 90° looks them in the face, and then their
left side is on the right of the picture.
"""

from __future__ import annotations

from figure import HEAD_RADIUS, LENGTH, WIDTH, Body, turn
from geometry import Camera, X, Y, Z, add, neg, unit
from kit import FEET, arc, feet_flat, mat, pose, straight, supine
from poses_upright import FRONT, arms_hang, seated, sitting_tall
from scene import PROP, PROP_DARK, Box, Prop, Rod, Scene

UPRIGHT = (90.0, 90.0, 90.0, 92.0)  # pelvis, lumbar, thorax and neck of a tall back
FACING = Camera(yaw=70.0, pitch=10.0)  # from in front, a little to the left
HIP_X = FRONT + 18.0


def on_chair() -> list[Prop]:
    from kit import chair

    return [mat(-75.0, 45.0), *chair(FRONT)]


def tilt_head(body: Body, degrees: float, forward: float = 0.0) -> None:
    """Tip the head toward the left shoulder (negative: the right), and a little forward."""
    pivot = body["chest_top"]
    body.move(["head"], turn(pivot, X, degrees))
    if forward:
        body.move(["head"], turn(pivot, Z, forward))


# --- neck side stretch ----------------------------------------------------------------


@pose("neck-side-stretch", "start")
def neck_side_start() -> Scene:
    return Scene(
        sitting_tall(HIP_X),
        camera=FACING,
        props=on_chair(),
        glows=[("neck",)],
        title="Neck side stretch: start",
    )


@pose("neck-side-stretch", "hold")
def neck_side_hold() -> Scene:
    body = sitting_tall(HIP_X)
    tilt_head(body, 30.0)
    reach = LENGTH["neck"] + 2.0
    arrow = arc(body["chest_top"], reach, 8.0, 40.0, plane=(Y, Z))
    return Scene(
        body,
        camera=FACING,
        props=on_chair(),
        arrows=[arrow],
        glows=[("neck",)],
        title="Neck side stretch: ear to shoulder",
    )


# --- upper trapezius stretch: the left side is stretched --------------------------------


@pose("upper-trapezius-stretch", "hold")
def upper_trapezius() -> Scene:
    body = seated(HIP_X, UPRIGHT, shrug=-1.5)
    tilt_head(body, -30.0, forward=8.0)
    seat_edge = (body["hip"][0] + 2.0, 44.0 + 1.0, 23.0)
    body.arm("l", seat_edge, unit((0.3, 0.0, 1.0)))
    head = body["head"]
    body.arm("r", add(head, (0.0, HEAD_RADIUS * 0.7, HEAD_RADIUS * 0.6)), unit((0.0, 0.6, -1.0)))
    reach = LENGTH["neck"] + 2.0
    arrow = arc(body["chest_top"], reach, -8.0, -40.0, plane=(Y, Z))
    return Scene(
        body,
        camera=FACING,
        props=on_chair(),
        arrows=[arrow],
        glows=[("neck",), ("shoulders@0-0.5",)],
        title="Upper trapezius stretch",
    )


# --- chin tuck (seen from the side) ----------------------------------------------------


@pose("chin-tuck", "start")
def chin_tuck_start() -> Scene:
    return Scene(
        sitting_tall(HIP_X),
        props=on_chair(),
        glows=[("neck",)],
        title="Chin tuck: start",
    )


@pose("chin-tuck", "tuck")
def chin_tuck() -> Scene:
    body = sitting_tall(HIP_X)
    body.move(["head"], lambda p: add(p, (4.5, 0.0, 0.0)))  # straight back, eyes level
    head = body["head"]
    arrow = straight(
        add(head, (-HEAD_RADIUS - 20.0, -4.0, 0.0)), add(head, (-HEAD_RADIUS - 5.0, -4.0, 0.0))
    )
    return Scene(
        body,
        props=on_chair(),
        arrows=[arrow],
        glows=[("neck",)],
        title="Chin tuck",
    )


# --- shoulder rolls: the forward half of the circle -------------------------------------


@pose("shoulder-rolls", "forward")
def shoulder_rolls_forward() -> Scene:
    body = seated(FRONT + 16.0, (90.0, 92.0, 98.0, 96.0), retract=-4.0, shrug=1.0)
    arms_hang(body)
    arrow = arc(body["shoulder_l"], 24.0, 110.0, 225.0)
    return Scene(
        body,
        props=on_chair(),
        arrows=[arrow],
        glows=[("thorax@0.45-1",), ("neck@0-0.3",)],
        title="Shoulder rolls: forward and down",
    )


# --- shoulder blades down and back --------------------------------------------------------

BEHIND = Camera(yaw=-35.0, pitch=12.0)  # from behind the left shoulder


@pose("shoulder-blades-back", "start")
def shoulder_blades_start() -> Scene:
    body = seated(FRONT + 16.0, (90.0, 91.0, 93.0, 94.0))
    arms_hang(body)
    return Scene(
        body,
        camera=BEHIND,
        props=on_chair(),
        glows=[("thorax@0.4-1",)],
        title="Shoulder blades down and back: start",
    )


@pose("shoulder-blades-back", "hold")
def shoulder_blades_hold() -> Scene:
    body = seated(FRONT + 16.0, (90.0, 90.0, 87.0, 92.0), retract=5.0, shrug=-2.5)
    arms_hang(body)
    shoulder = body["shoulder_l"]
    arrow = straight(add(shoulder, (-2.0, 16.0, 12.0)), add(shoulder, (9.0, 2.0, 12.0)))
    return Scene(
        body,
        camera=BEHIND,
        props=on_chair(),
        arrows=[arrow],
        glows=[("thorax@0.4-1",)],
        title="Shoulder blades down and back",
    )


# --- prone press-up: on the front, head to the right, the right side toward the viewer --

FACE_DOWN = (X, neg(Y))  # the body's plane lying on the front: its front faces the floor


def face_down(lumbar: float, thorax: float, neck: float) -> Body:
    """Lying on the front, legs long, soles up; negative angles lift the chest."""
    body = Body()
    hip = (0.0, WIDTH["pelvis"] / 2, 0.0)
    body.spine(hip, -2.0, lumbar, thorax, neck, plane=FACE_DOWN)
    for side in ("l", "r"):
        body.leg_angles(side, 181.0, 181.0, toes=186.0)
    for side in ("l", "r"):  # hands flat beside the shoulders, elbows in and pointing back
        lateral = 1.0 if side == "l" else -1.0
        shoulder = body[f"shoulder_{side}"]
        hand = (shoulder[0] + 6.0, WIDTH["forearm"] / 2, shoulder[2] - lateral * 6.0)
        body.arm(side, hand, (-1.0, 0.6, -lateral * 0.3))
    body.ground()
    return body


@pose("prone-press-up", "start")
def press_up_start() -> Scene:
    return Scene(
        face_down(0.0, 0.0, 18.0),
        props=[mat(-100.0, 80.0)],
        glows=[("pelvis", "lumbar")],
        title="Prone press-up: start",
    )


@pose("prone-press-up", "up")
def press_up() -> Scene:
    body = face_down(-30.0, -52.0, -28.0)
    chest = body["chest"]
    arrow = straight(add(chest, (10.0, 20.0, 0.0)), add(chest, (10.0, 42.0, 0.0)))
    return Scene(
        body,
        props=[mat(-100.0, 80.0)],
        arrows=[arrow],
        glows=[("pelvis", "lumbar")],
        title="Prone press-up: up",
    )


# --- doorway chest stretch ---------------------------------------------------------------


def door_post(x: float, z: float) -> Rod:
    return Rod(((x, 0.0, z), (x, 205.0, z)), 9.0, PROP)


@pose("doorway-chest-stretch", "hold")
def doorway_chest() -> Scene:
    body = Body()
    body.spine((0.0, 0.0, 0.0), 99.0, 100.0, 101.0, 100.0)  # leaning through from the ankles
    body.leg("l", (-30.0, -80.0, 10.0), (-1.0, 0.0, 0.0), neg(X))  # the front foot
    body.leg("r", (12.0, -81.0, -10.0), (-1.0, 0.0, 0.0), neg(X))
    arms_hang(body)  # for now, so the figure can be stood on the floor
    body.ground()
    posts = []
    for side in ("l", "r"):
        lateral = 1.0 if side == "l" else -1.0
        shoulder = body[f"shoulder_{side}"]
        elbow_at = (shoulder[0] + 9.0, shoulder[1], shoulder[2] + lateral * 27.5)
        hand = (elbow_at[0], elbow_at[1] + LENGTH["forearm"], elbow_at[2])
        body.arm(side, hand, unit((0.4, -0.8, lateral)))
        posts.append(door_post(body[f"elbow_{side}"][0] + 6.0, body[f"elbow_{side}"][2]))
    lintel = Rod(((posts[0].points[1]), (posts[1].points[1])), 9.0, PROP_DARK)
    chest = body["chest"]
    arrow = straight(add(chest, (18.0, -24.0, 0.0)), add(chest, (-8.0, -24.0, 0.0)))
    return Scene(
        body,
        camera=Camera(yaw=35.0, pitch=14.0),
        props=[mat(-70.0, 50.0), *posts, lintel],
        arrows=[arrow],
        glows=[("thorax@0.5-1",), ("shoulders",)],
        title="Doorway chest stretch",
    )


# --- chest opener over a pillow ----------------------------------------------------------

PILLOW_HIGH = 9.0


@pose("chest-opener-over-pillow", "hold")
def chest_opener() -> Scene:
    body = supine()
    body.shift((0.0, PILLOW_HIGH, 0.0))  # the back rests along the pillow
    for side in ("l", "r"):
        lateral = 1.0 if side == "l" else -1.0
        feet_flat(body, side, FEET)
        shoulder = body[f"shoulder_{side}"]
        hand = (shoulder[0] - 2.0, WIDTH["forearm"] / 2, shoulder[2] + lateral * 57.0)
        body.arm(side, hand, (0.5, 0.3, 0.0))
    pillow_box = Box((-10.0, 0.0, -11.0), (86.0, PILLOW_HIGH, 11.0), PROP, 1.0, 4.0)
    return Scene(
        body,
        camera=Camera(yaw=35.0, pitch=35.0),  # from the knees' side: the pillow shows
        props=[mat(-70.0, 96.0), pillow_box],
        glows=[("thorax",)],
        title="Chest opener over a pillow",
    )
