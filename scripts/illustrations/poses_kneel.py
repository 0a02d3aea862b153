"""Poses on hands and knees or kneeling: facing left, the body's left side toward the viewer.

Angles as in figure.py: 180° points forward (left), 90° up, 0° back. For legs a knee
bends by adding degrees (``shin = thigh + bend``); for arms an elbow bends by subtracting.
"""

from __future__ import annotations

import math

from figure import LENGTH, WIDTH, Body
from geometry import Camera, X, Y, add, lerp
from kit import BACK, FLAT_ANKLE, arc, cushion, mat, pose, ray, straight
from scene import Prop, Scene

KNEE = WIDTH["shin"] / 2 + 1.0  # height of a knee resting on the floor


def floor(x0: float = -100.0, x1: float = 75.0) -> list[Prop]:
    return [mat(x0, x1)]


def kneeling_legs(body: Body, side: str) -> None:
    """Knee on the floor under the hip, shin and the top of the foot along the floor."""
    body.leg_angles(side, 270.0, 359.0, toes=-38.0)


# --- cat-cow -----------------------------------------------------------------------------

HIP = (0.0, KNEE + LENGTH["thigh"], 0.0)
SHOULDERS = HIP[1] + 14.0  # the height the shoulders keep while the back moves


def all_fours(curve: float, neck: float) -> Body:
    """Hands under the shoulders, knees under the hips; ``curve`` > 0 rounds the back up."""
    body = Body()
    lo, hi = 100.0, 180.0
    for _ in range(60):  # tip the whole back until the shoulders are at their height
        mid = (lo + hi) / 2
        body.spine(HIP, mid - curve, mid, mid + curve * 1.3, 0.0)
        lo, hi = (mid, hi) if body["chest"][1] > SHOULDERS else (lo, mid)
    base = (lo + hi) / 2
    body.spine(HIP, base - curve, base, base + curve * 1.3, neck)
    for side in ("l", "r"):
        kneeling_legs(body, side)
        shoulder = body[f"shoulder_{side}"]
        body.arm(side, (shoulder[0] + 2.0, WIDTH["forearm"] / 2, shoulder[2]), X)
    return body


@pose("cat-cow", "cat")
def cat() -> Scene:
    body = all_fours(24.0, 245.0)
    top = lerp(body["waist"], body["ribs"], 0.5)
    arrow = straight(add(top, (0.0, 20.0, 0.0)), add(top, (0.0, 46.0, 0.0)))
    return Scene(body, props=floor(), arrows=[arrow], glows=[BACK], title="Cat-cow: cat")


@pose("cat-cow", "cow")
def cow() -> Scene:
    body = all_fours(-16.0, 150.0)
    belly = lerp(body["waist"], body["ribs"], 0.5)
    arrow = straight(add(belly, (0.0, -17.0, 0.0)), add(belly, (0.0, -38.0, 0.0)))
    return Scene(body, props=floor(), arrows=[arrow], glows=[BACK], title="Cat-cow: cow")


# --- child's pose ------------------------------------------------------------------------


@pose("childs-pose", "start")
def childs_pose_start() -> Scene:
    return Scene(
        all_fours(0.0, 200.0),
        camera=Camera(pitch=24.0),
        props=floor(-115.0, 70.0),
        glows=[BACK],
        title="Child's pose: start",
    )


@pose("childs-pose", "hold")
def childs_pose() -> Scene:
    body = Body()
    hip = (36.0, 30.0, 0.0)  # sitting back toward the heels
    back = (178.0, 188.0, 198.0)
    body.spine(hip, *back, 180.0)
    drop = (11.5 - body["chest"][1]) / LENGTH["neck"]  # forehead resting on the floor
    body.spine(hip, *back, 180.0 - math.degrees(math.asin(drop)))
    thigh = math.degrees(math.atan2(KNEE - hip[1], -hip[0])) + 360.0
    for side in ("l", "r"):
        body.leg_angles(side, thigh, 361.5, toes=-35.0, spread=14.0, shin_spread=-14.0)
        shoulder = body[f"shoulder_{side}"]
        body.arm(side, (shoulder[0] - 58.0, WIDTH["forearm"] / 2, shoulder[2]), Y)
    arrows = [
        arc(body["knee_l"], 60.0, 46.0, 22.0),
        straight(ray(body["hand_l"], 180.0, 12.0), ray(body["hand_l"], 180.0, 34.0)),
    ]
    return Scene(
        body,
        camera=Camera(pitch=24.0),
        props=floor(-115.0, 70.0),
        arrows=arrows,
        glows=[BACK],
        title="Child's pose",
    )


# --- kneeling hip flexor stretch ---------------------------------------------------------


@pose("kneeling-hip-flexor-stretch", "hold")
def kneeling_hip_flexor() -> Scene:
    body = Body()
    hip = (0.0, 0.0, 0.0)
    body.spine(hip, 86.0, 89.0, 90.0, 92.0)  # tailbone tucked a little, chest up
    body.leg_angles("l", 304.0, 359.0, toes=322.0)  # kneeling behind, hip stretched
    body.leg_angles("r", 172.0, 268.0)  # front foot flat, knee over the ankle
    body.shift((0.0, FLAT_ANKLE - body["ankle_r"][1], 0.0))  # front foot on the floor
    thigh = lerp(body["hip_r"], body["knee_r"], 0.72)
    for side, z in (("l", 2.0), ("r", -12.0)):
        body.arm(side, (thigh[0], thigh[1] + 10.0, z), X)
    knee = body["knee_l"]
    pad = cushion(knee[0] - 16.0, knee[0] + 16.0, knee[1] - WIDTH["shin"] / 2)
    pelvis = body["hip"]
    arrow = straight(add(pelvis, (46.0, 2.0, 0.0)), add(pelvis, (20.0, 2.0, 0.0)))
    return Scene(
        body,
        props=floor(-75.0, 95.0) + [pad],
        arrows=[arrow],
        glows=[("thigh_l",)],
        title="Kneeling hip flexor stretch",
    )
