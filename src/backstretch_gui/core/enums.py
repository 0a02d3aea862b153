"""The choices a routine file names, shared by the model, the timeline and the window.

Plain enums in a module of their own: a running session uses them without importing
the typed model (and msgspec behind it).
"""

from __future__ import annotations

import enum


class Position(enum.Enum):
    FLOOR = "floor"
    CHAIR = "chair"
    STANDING = "standing"


class Sides(enum.Enum):
    """Which side(s) a step works.

    ``both`` does every rep on the left, then every rep on the right;
    ``alternating`` does each rep on the left and then on the right.
    """

    NONE = "none"
    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"
    ALTERNATING = "alternating"


class Breath(enum.Enum):
    IN = "in"
    OUT = "out"
    HOLD = "hold"
    FREE = "free"
