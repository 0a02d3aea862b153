"""The listing's rows, typed: what the picker and ``backstretch list`` show of a routine.

NamedTuples rather than dataclasses: typed and immutable like frozen dataclasses, but
`dataclasses` (with `inspect`) would be imported on the way to the first frame and to
a cached ``list``, and both are budgeted. ``typing`` is imported there already.
"""

from __future__ import annotations

from typing import Any, NamedTuple


class RoutineRow(NamedTuple):
    id: str
    title: str
    duration_seconds: float
    exercises: int
    """How many different exercises."""
    steps: int
    tags: tuple[str, ...]
    file: str
    origin: str
    """"bundled" or "user"."""
    shadows: str | None
    """The bundled file this user routine replaces, if any."""
    summary: str
    source: str | None
    positions: tuple[str, ...]
    thumbnail: str
    """The drawing the picker shows beside it."""
    doses: tuple[tuple[str, str], ...]
    """(exercise name, dose in words) per step."""
    cautions: tuple[tuple[str, str], ...]
    """(exercise name, caution)."""
    how_to: tuple[tuple[str, str], ...]
    """(exercise name, instruction): every instruction of each exercise, in order."""


class BrokenRow(NamedTuple):
    """A file (or folder) that could not be read, with every problem found."""

    file: str
    origin: str
    errors: tuple[str, ...]


class Listing(NamedTuple):
    routines: tuple[RoutineRow, ...]
    invalid: tuple[BrokenRow, ...]

    def find(self, routine_id: str) -> RoutineRow | None:
        return next((row for row in self.routines if row.id == routine_id), None)

    def to_data(self) -> dict[str, Any]:
        """As JSON data: the cache's and ``backstretch list --json``'s shape."""
        return {
            "routines": [row._asdict() for row in self.routines],
            "invalid": [row._asdict() for row in self.invalid],
        }


def listing_from_data(data: dict[str, Any]) -> Listing:
    """The inverse of ``Listing.to_data``, for data whose shape was checked."""
    return Listing(
        routines=tuple(
            RoutineRow(
                **{
                    **row,
                    "tags": tuple(row["tags"]),
                    "positions": tuple(row["positions"]),
                    "doses": tuple((name, dose) for name, dose in row["doses"]),
                    "cautions": tuple((name, text) for name, text in row["cautions"]),
                    "how_to": tuple((name, text) for name, text in row["how_to"]),
                }
            )
            for row in data["routines"]
        ),
        invalid=tuple(
            BrokenRow(row["file"], row["origin"], tuple(row["errors"])) for row in data["invalid"]
        ),
    )
