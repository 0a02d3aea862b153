"""The figure: fixed body proportions and a builder that places every joint in 3D.

A pose is a ``Body`` whose joints have been placed, usually with joint angles
(``spine``, ``leg_angles``, ``arm_angles``) or with a target that a limb must reach
(``leg``, ``arm``: a foot flat on the floor, a hand on a knee). Every length comes from
``LENGTH`` below, and ``Body.validate`` refuses a pose whose limbs do not have these
lengths, so every drawing has the same proportions and a hand that should touch a
knee really does.

Angles are in degrees in the body's sagittal plane, given as two axes (u at 0°, v at
90°); the default plane is the picture plane (x to the right, y up), so 0° points right,
90° up, 180° left and 270° down. The body's left side is ``u × v``: with the default
plane the left side faces the viewer, which is how ``shows: left`` drawings are made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from geometry import Vec, X, Y, add, cross, distance, mul, neg, polar, rotate, sub, two_bone, unit

# Body proportions, in centimetres, for an adult of about 1.72 m. Change them here only.
LENGTH: dict[str, float] = {
    "pelvis": 14.0,  # hip joints to the waist
    "lumbar": 14.0,  # waist to the lower ribs
    "thorax": 22.0,  # lower ribs to the shoulder joints
    "neck": 20.0,  # shoulder joints to the centre of the head
    "thigh": 43.0,
    "shin": 42.0,
    "upper_arm": 30.0,
    "forearm": 32.0,  # elbow to the middle of the hand
}
HALF_WIDTH: dict[str, float] = {"hips": 9.0, "shoulders": 16.0}
HEAD_RADIUS = 11.0
FOOT_BACK, FOOT_FORWARD, FOOT_DROP = 3.0, 15.0, 5.5  # heel and toe around the ankle
THORAX_TOP = 7.0  # the chest is drawn to this far below the shoulder joints

# Stroke widths (diameters) of the rounded limbs.
WIDTH: dict[str, float] = {
    "pelvis": 25.0,
    "lumbar": 22.0,
    "thorax": 26.0,
    "neck": 10.0,
    "hips": 22.0,
    "shoulders": 12.0,
    "thigh": 15.0,
    "shin": 11.0,
    "foot": 7.0,
    "upper_arm": 10.0,
    "forearm": 8.0,
}

SIDES = ("l", "r")
Plane = tuple[Vec, Vec]
SIDE_VIEW: Plane = (X, Y)


@dataclass(frozen=True)
class Segment:
    name: str
    chain: str  # trunk, leg_l, leg_r, arm_l, arm_r
    start: Vec
    end: Vec
    width: float


class Body:
    """Joint positions of one figure. Build the spine first, then the limbs."""

    def __init__(self) -> None:
        self.joints: dict[str, Vec] = {}
        self.plane: Plane = SIDE_VIEW
        self.pelvis_left: Vec = (0.0, 0.0, 1.0)
        self.chest_left: Vec = (0.0, 0.0, 1.0)
        self.misses: list[str] = []  # targets a limb could not reach

    def __getitem__(self, name: str) -> Vec:
        return self.joints[name]

    # --- trunk ----------------------------------------------------------------------

    def spine(
        self,
        hip: Vec,
        pelvis: float,
        lumbar: float,
        thorax: float,
        neck: float,
        plane: Plane = SIDE_VIEW,
        twist: float = 0.0,
        shrug: float = 0.0,
        retract: float = 0.0,
    ) -> None:
        """Place the trunk and head from the middle of the hip joints.

        pelvis/lumbar/thorax/neck are the directions of those parts in the plane; equal
        angles make a straight back, differing ones a rounded or arched back. ``twist``
        turns the chest toward the left side (degrees), ``shrug`` lifts and ``retract``
        draws back the shoulders (cm).
        """
        u, v = plane
        self.plane = plane
        left = unit(cross(u, v))
        j = self.joints
        j["hip"] = hip
        j["waist"] = add(hip, mul(polar(u, v, pelvis), LENGTH["pelvis"]))
        j["ribs"] = add(j["waist"], mul(polar(u, v, lumbar), LENGTH["lumbar"]))
        up = polar(u, v, thorax)
        j["chest"] = add(j["ribs"], mul(up, LENGTH["thorax"]))
        j["chest_top"] = add(j["chest"], mul(up, -THORAX_TOP))
        j["head"] = add(j["chest"], mul(polar(u, v, neck), LENGTH["neck"]))
        self.pelvis_left = left
        self.chest_left = rotate(left, up, twist)
        front = cross(self.chest_left, up)
        for side, sign in (("l", 1.0), ("r", -1.0)):
            j[f"hip_{side}"] = add(hip, mul(self.pelvis_left, sign * HALF_WIDTH["hips"]))
            j[f"shoulder_{side}"] = add(
                j["chest"],
                mul(self.chest_left, sign * HALF_WIDTH["shoulders"]),
                mul(up, shrug),
                mul(front, -retract),
            )

    # --- legs -----------------------------------------------------------------------

    def leg(self, side: str, ankle: Vec, bend: Vec, toes: Vec, sole: Vec | None = None) -> None:
        """A leg whose ankle reaches ``ankle``; the knee bulges toward ``bend``."""
        hip = self.joints[f"hip_{side}"]
        knee, end = two_bone(hip, ankle, LENGTH["thigh"], LENGTH["shin"], bend)
        self._reached(f"leg_{side}", end, ankle)
        self.joints[f"knee_{side}"] = knee
        self.joints[f"ankle_{side}"] = end
        self._foot(side, toes, sole)

    def leg_angles(
        self,
        side: str,
        thigh: float,
        shin: float,
        toes: float | None = None,
        spread: float = 0.0,
        shin_spread: float | None = None,
    ) -> None:
        """A leg from angles in the body's plane; ``spread`` tilts it out to its side."""
        u, v = self.plane
        hip = self.joints[f"hip_{side}"]
        knee = add(hip, mul(self._out(side, polar(u, v, thigh), spread), LENGTH["thigh"]))
        lean = spread if shin_spread is None else shin_spread
        ankle = add(knee, mul(self._out(side, polar(u, v, shin), lean), LENGTH["shin"]))
        self.joints[f"knee_{side}"] = knee
        self.joints[f"ankle_{side}"] = ankle
        self._foot(side, polar(u, v, shin - 90.0 if toes is None else toes), None)

    def _foot(self, side: str, toes: Vec, sole: Vec | None) -> None:
        toes = unit(toes)
        down = unit(cross(self.pelvis_left, toes)) if sole is None else unit(sole)
        ankle = self.joints[f"ankle_{side}"]
        self.joints[f"heel_{side}"] = add(ankle, mul(toes, -FOOT_BACK), mul(down, FOOT_DROP))
        self.joints[f"toe_{side}"] = add(ankle, mul(toes, FOOT_FORWARD), mul(down, FOOT_DROP))

    # --- arms -----------------------------------------------------------------------

    def arm(self, side: str, hand: Vec, bend: Vec) -> None:
        """An arm whose hand reaches ``hand``; the elbow points toward ``bend``."""
        shoulder = self.joints[f"shoulder_{side}"]
        elbow, end = two_bone(shoulder, hand, LENGTH["upper_arm"], LENGTH["forearm"], bend)
        self._reached(f"arm_{side}", end, hand)
        self.joints[f"elbow_{side}"] = elbow
        self.joints[f"hand_{side}"] = end

    def _reached(self, limb: str, end: Vec, target: Vec) -> None:
        gap = distance(end, target)
        if gap > 0.5:
            self.misses.append(f"{limb} is {gap:.1f} cm short of its target")

    def arm_angles(self, side: str, upper: float, fore: float, spread: float = 0.0) -> None:
        u, v = self.plane
        shoulder = self.joints[f"shoulder_{side}"]
        elbow = add(shoulder, mul(self._out(side, polar(u, v, upper), spread), LENGTH["upper_arm"]))
        hand = add(elbow, mul(self._out(side, polar(u, v, fore), spread), LENGTH["forearm"]))
        self.joints[f"elbow_{side}"] = elbow
        self.joints[f"hand_{side}"] = hand

    def _out(self, side: str, direction: Vec, degrees: float) -> Vec:
        """Tilt ``direction`` out of the body's plane toward its own side."""
        if not degrees:
            return direction
        left = unit(cross(*self.plane))
        toward = left if side == "l" else neg(left)
        axis = cross(direction, toward)
        return rotate(direction, axis, degrees)

    # --- moving a finished pose -----------------------------------------------------

    def move(self, names: list[str], transform: Callable[[Vec], Vec]) -> None:
        for name in names:
            self.joints[name] = transform(self.joints[name])

    def shift(self, offset: Vec) -> None:
        self.move(list(self.joints), lambda p: add(p, offset))

    # --- output ---------------------------------------------------------------------

    def segments(self) -> list[Segment]:
        j = self.joints
        out = [
            Segment("hips", "trunk", j["hip_l"], j["hip_r"], WIDTH["hips"]),
            Segment("pelvis", "trunk", j["hip"], j["waist"], WIDTH["pelvis"]),
            Segment("lumbar", "trunk", j["waist"], j["ribs"], WIDTH["lumbar"]),
            Segment("thorax", "trunk", j["ribs"], j["chest_top"], WIDTH["thorax"]),
            Segment("shoulders", "trunk", j["shoulder_l"], j["shoulder_r"], WIDTH["shoulders"]),
            Segment("neck", "trunk", j["chest_top"], j["head"], WIDTH["neck"]),
        ]
        for s in SIDES:
            out += [
                Segment(f"thigh_{s}", f"leg_{s}", j[f"hip_{s}"], j[f"knee_{s}"], WIDTH["thigh"]),
                Segment(f"shin_{s}", f"leg_{s}", j[f"knee_{s}"], j[f"ankle_{s}"], WIDTH["shin"]),
                Segment(f"foot_{s}", f"leg_{s}", j[f"heel_{s}"], j[f"toe_{s}"], WIDTH["foot"]),
                Segment(
                    f"upper_arm_{s}",
                    f"arm_{s}",
                    j[f"shoulder_{s}"],
                    j[f"elbow_{s}"],
                    WIDTH["upper_arm"],
                ),
                Segment(
                    f"forearm_{s}", f"arm_{s}", j[f"elbow_{s}"], j[f"hand_{s}"], WIDTH["forearm"]
                ),
            ]
        return out

    def validate(self) -> None:
        """Raise ValueError when a limb does not have its fixed length (a target missed)."""
        pairs = [("thigh", "hip", "knee"), ("shin", "knee", "ankle")]
        pairs += [("upper_arm", "shoulder", "elbow"), ("forearm", "elbow", "hand")]
        problems = list(self.misses)
        for s in SIDES:
            for name, a, b in pairs:
                got = distance(self.joints[f"{a}_{s}"], self.joints[f"{b}_{s}"])
                if abs(got - LENGTH[name]) > 0.5:
                    problems.append(f"{name}_{s} is {got:.1f} cm, not {LENGTH[name]:.0f}")
        if problems:
            raise ValueError("; ".join(problems))

    def lowest(self) -> float:
        """The lowest point of the figure's surface (for resting it on the floor)."""
        low = self.joints["head"][1] - HEAD_RADIUS
        for seg in self.segments():
            low = min(low, seg.start[1] - seg.width / 2, seg.end[1] - seg.width / 2)
        return low

    def ground(self, floor: float = 0.0) -> None:
        """Move the figure up or down so that its lowest point rests on ``floor``."""
        self.shift((0.0, floor - self.lowest(), 0.0))


def turn(pivot: Vec, axis: Vec, degrees: float) -> Callable[[Vec], Vec]:
    """A point transform: rotate about the line through ``pivot`` along ``axis``."""

    def apply(p: Vec) -> Vec:
        return add(pivot, rotate(sub(p, pivot), axis, degrees))

    return apply
