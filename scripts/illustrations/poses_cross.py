"""Floor poses that move across the body, drawn from a raised viewpoint so the turn shows.

Lying on the back the head is to the right and the left side toward the viewer, as in
poses_back; the camera looks down from above (pitch) or from the feet (yaw 90°).
"""

from __future__ import annotations

import math

from figure import HEAD_RADIUS, LENGTH, WIDTH, Body, turn
from geometry import Camera, Vec, X, Y, Z, add, lerp, mul, neg, polar, unit
from kit import FEET, FLAT_ANKLE, LOW_BACK, arc, arms_by_sides, feet_flat, mat, pillow, pose, supine
from poses_back import hook_lying
from scene import Arrow, Prop, Scene


def floor(x0: float = -82.0, x1: float = 96.0) -> list[Prop]:
    return [mat(x0, x1)]


def behind_thigh(body: Body, side: str, at: float, reach: float) -> Vec:
    """A point on the back of the thigh of ``side`` (the side toward the feet)."""
    hip, knee = body[f"hip_{side}"], body[f"knee_{side}"]
    angle = math.degrees(math.atan2(knee[1] - hip[1], knee[0] - hip[0]))
    return add(lerp(hip, knee, at), mul(polar(X, Y, angle + 90.0), reach))


# --- figure 4 ----------------------------------------------------------------------------


FIGURE_FOUR = Camera(yaw=-45.0, pitch=35.0)  # from the feet and the crossed leg's side


def cross_ankle(body: Body) -> None:
    """The left ankle rests on the right thigh just above the knee, the knee turned out."""
    hip_r, knee_r = body["hip_r"], body["knee_r"]
    thigh = math.degrees(math.atan2(knee_r[1] - hip_r[1], knee_r[0] - hip_r[0]))
    front = polar(X, Y, thigh - 90.0)  # the front of the right thigh
    ankle = add(lerp(hip_r, knee_r, 0.84), mul(front, WIDTH["thigh"] / 2 + 5.0), (0.0, 0.0, 4.0))
    body.leg("l", ankle, unit((-0.1, 0.25, 1.0)), unit((0.3, 1.0, -0.25)))  # foot flexed


@pose("figure-four-stretch", "cross")
def figure_four_cross() -> Scene:
    body = supine()
    feet_flat(body, "r", FEET)
    cross_ankle(body)
    arms_by_sides(body)
    return Scene(
        body,
        camera=FIGURE_FOUR,
        props=floor(),
        glows=[("pelvis",)],
        near="l",
        title="Figure-4 glute stretch: ankle crossed",
    )


@pose("figure-four-stretch", "hold")
def figure_four() -> Scene:
    body = supine()
    body.leg_angles("r", 72.0, 72.0 + 100.0)
    cross_ankle(body)
    grip = behind_thigh(body, "r", 0.62, WIDTH["thigh"] / 2 + 3.0)
    body.arm("l", (grip[0], grip[1], -2.0), (0.0, -0.5, 1.0))
    body.arm("r", (grip[0], grip[1], -17.0), (0.0, -0.5, -1.0))
    arrow = arc(body["hip_r"], LENGTH["thigh"] + 20.0, 100.0, 68.0)
    return Scene(
        body,
        camera=FIGURE_FOUR,
        props=floor(),
        arrows=[arrow],
        glows=[("pelvis",)],
        near="l",
        order={"leg_l": 100.0, "arm_r": -100.0},
        faded=("arm_l",),
        title="Figure-4 glute stretch",
    )


# --- knee to opposite shoulder -----------------------------------------------------------


KNEE_ACROSS = Camera(yaw=-40.0, pitch=40.0)


@pose("knee-to-opposite-shoulder", "start")
def knee_to_opposite_shoulder_start() -> Scene:
    return Scene(
        hook_lying(),
        camera=KNEE_ACROSS,
        props=floor(-60.0, 96.0),
        glows=[("pelvis",)],
        near="l",
        title="Knee to opposite shoulder: start",
    )


@pose("knee-to-opposite-shoulder", "hold")
def knee_to_opposite_shoulder() -> Scene:
    body = supine()
    feet_flat(body, "r", FEET)
    body.leg("l", (-4.0, 33.0, -24.0), unit((0.6, 0.7, -0.25)), unit((-0.2, 0.7, -0.6)))
    knee, ankle = body["knee_l"], body["ankle_l"]
    body.arm("l", add(knee, (1.0, 6.0, 5.0)), (0.0, -0.6, 1.0))
    body.arm("r", add(ankle, (3.0, 5.0, -2.0)), (0.0, -1.0, -0.3))
    goal = add(body["shoulder_r"], (0.0, 28.0, -6.0))
    start = add(knee, (0.0, 12.0, 6.0))
    arrow = Arrow((start, lerp(start, goal, 0.6)))
    return Scene(
        body,
        # from the side of the bent knee and the feet, raised: the resting knee stands up
        # and the lifted knee crosses toward the far shoulder
        camera=KNEE_ACROSS,
        props=floor(-60.0, 96.0),
        arrows=[arrow],
        glows=[("pelvis",)],
        near="l",
        title="Knee to opposite shoulder",
    )


# --- happy baby --------------------------------------------------------------------------


HAPPY_BABY = Camera(yaw=-25.0, pitch=22.0)


@pose("happy-baby", "start")
def happy_baby_start() -> Scene:
    return Scene(
        hook_lying(),
        camera=HAPPY_BABY,
        props=floor(-40.0, 96.0),
        glows=[("pelvis", "lumbar")],
        title="Happy baby: start",
    )


@pose("happy-baby", "hold")
def happy_baby() -> Scene:
    body = supine()
    for side in ("l", "r"):
        body.leg_angles(side, 22.0, 92.0, toes=0.0, spread=38.0, shin_spread=0.0)
        ankle = body[f"ankle_{side}"]
        lateral = 1.0 if side == "l" else -1.0
        body.arm(side, add(ankle, (2.0, 1.0, lateral * 3.0)), (0.0, -0.3, lateral))
    knee = body["knee_l"]
    arrow = arc(body["hip_l"], math.dist(body["hip_l"], knee) + 16.0, 95.0, 60.0)
    return Scene(
        body,
        # from the side and a little above: head and back rest on the floor, the knees
        # open beside the chest and the soles face the ceiling
        camera=HAPPY_BABY,
        props=floor(-40.0, 96.0),
        arrows=[arrow],
        glows=[("pelvis", "lumbar")],
        title="Happy baby",
    )


# --- lower trunk rotation (seen from the feet) -------------------------------------------


def knees_together(roll: float) -> Body:
    """Knees bent and together, arms out to the sides; the knees roll ``roll``° left."""
    body = supine()
    for side in ("l", "r"):
        lateral = 1.0 if side == "l" else -1.0
        body.leg(side, (FEET, FLAT_ANKLE, lateral * 4.0), Y, neg(X))  # knees together
        shoulder = body[f"shoulder_{side}"]
        hand = (shoulder[0] + 4.0, WIDTH["forearm"] / 2, shoulder[2] + lateral * 58.0)
        body.arm(side, hand, (1.0, -0.3, 0.0))
    legs = [f"{j}_{s}" for j in ("hip", "knee", "ankle", "heel", "toe") for s in ("l", "r")]
    body.move(legs, turn(body["hip"], X, roll))
    return body


FROM_FEET = Camera(yaw=90.0, pitch=42.0)


@pose("lower-trunk-rotation", "start")
def lower_trunk_start() -> Scene:
    body = knees_together(0.0)
    centre = (body["knee_l"][0], body["hip"][1], 0.0)
    to_and_fro = arc(centre, 58.0, -42.0, 42.0, plane=(Y, Z), both=True)
    return Scene(
        body,
        camera=FROM_FEET,
        props=floor(-70.0, 96.0),
        arrows=[to_and_fro],
        glows=[LOW_BACK],
        title="Lower trunk rotation: start",
    )


@pose("lower-trunk-rotation", "side")
def lower_trunk_side() -> Scene:
    body = knees_together(52.0)
    centre = (body["knee_l"][0], body["hip"][1], 0.0)
    arrow = arc(centre, 58.0, 8.0, 50.0, plane=(Y, Z))
    return Scene(
        body,
        camera=FROM_FEET,
        props=floor(-70.0, 96.0),
        arrows=[arrow],
        glows=[LOW_BACK],
        title="Lower trunk rotation: to the side",
    )


# --- side-lying rotation (lying on the right side, seen from in front and above) ------

SIDE_LYING = (X, neg(Z))  # the body's plane when lying on the right side: left is up
FRONT_ABOVE = Camera(yaw=-145.0, pitch=35.0)  # in front of the chest, a little toward the head


def side_lying(opening: float) -> Body:
    """On the right side, hips and knees at right angles, arms reaching forward.

    ``opening`` turns the chest toward the ceiling; the top (left) arm then reaches back.
    """
    body = Body()
    body.spine((0.0, 20.0, 0.0), 0.0, 0.0, 0.0, 0.0, plane=SIDE_LYING, twist=opening)
    for side in ("l", "r"):
        body.leg_angles(side, 90.0, 180.0)
    chest = body["chest"]
    body.arm("r", add(chest, (2.0, -13.0, -57.0)), (0.0, -1.0, 0.0))
    if opening:  # the top arm points at the ceiling; the chest turns with it
        body.arm("l", add(body["shoulder_l"], (3.0, 60.0, 0.0)), (1.0, 0.0, 0.0))
    else:  # palms together, the top hand resting on the bottom one
        body.arm("l", add(chest, (2.0, -7.0, -57.0)), (1.0, 0.0, 0.0))
    body.ground()
    return body


def side_props(body: Body) -> list[Prop]:
    head = body["head"]
    top = head[1] - HEAD_RADIUS
    return [mat(-60.0, 96.0), pillow(head[0] - 14.0, head[0] + 16.0, top)]


@pose("side-lying-rotation", "start")
def side_lying_start() -> Scene:
    body = side_lying(0.0)
    return Scene(
        body,
        camera=FRONT_ABOVE,
        near="l",
        props=side_props(body),
        glows=[("thorax",)],
        title="Side-lying rotation: start",
    )


@pose("side-lying-rotation", "open")
def side_lying_open() -> Scene:
    body = side_lying(45.0)
    shoulder = body["shoulder_l"]
    arrow = arc(shoulder, 70.0, 15.0, 80.0, plane=(neg(Z), Y))
    return Scene(
        body,
        camera=FRONT_ABOVE,
        near="l",
        props=side_props(body),
        arrows=[arrow],
        glows=[("thorax",)],
        title="Side-lying rotation: open",
    )
