"""The editor's draft: every edit is undoable, and undoing them all gives back the
routine exactly as it was."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, Qt

from backstretch_gui.core.draft_edits import MISSING, with_value
from backstretch_gui.core.library import load_catalog
from backstretch_gui.core.resources import catalog_path
from backstretch_gui.services.routine_draft import RoutineDraft

CATALOG = load_catalog(catalog_path())
IDS = [exercise.id for exercise in CATALOG.exercises]
ORIGINAL: dict[str, Any] = {
    "version": 1,
    "id": "mine",
    "title": "Mine",
    "summary": "Three steps.",
    "defaults": {"prep": 5},
    "steps": [
        {"exercise": IDS[0], "reps": 2},
        {"exercise": IDS[1], "hold": 20},
        {"exercise": IDS[2]},
    ],
}

edits = st.one_of(
    st.tuples(st.just("title"), st.text(max_size=30)),
    st.tuples(st.just("reps"), st.integers(0, 2), st.integers(1, 100)),
    st.tuples(st.just("hold"), st.integers(0, 2), st.floats(1, 600)),
    st.tuples(st.just("prep"), st.one_of(st.just(MISSING), st.integers(0, 60))),
    st.tuples(st.just("insert"), st.integers(0, 3), st.sampled_from(IDS)),
    st.tuples(st.just("remove"), st.integers(0, 2)),
    st.tuples(st.just("duplicate"), st.integers(0, 2)),
    st.tuples(st.just("move"), st.integers(0, 2), st.integers(0, 2)),
)


def apply(draft: RoutineDraft, edit: tuple[Any, ...]) -> None:
    kind, *args = edit
    rows = draft.steps.rowCount()
    if kind == "title":
        draft.set_value(("title",), args[0], "Type title", merge=True)
    elif kind in ("reps", "hold") and args[0] < rows:
        draft.set_value(("steps", args[0], kind), args[1], f"Change {kind}")
    elif kind == "prep":
        draft.set_value(("defaults", "prep"), args[0], "Change get ready")
    elif kind == "insert":
        draft.insert_step(min(args[0], rows), {"exercise": args[1]})
    elif kind == "remove" and args[0] < rows:
        draft.remove_step(args[0])
    elif kind == "duplicate" and args[0] < rows:
        draft.duplicate_step(args[0])
    elif kind == "move" and max(args) < rows:
        draft.move_step(args[0], args[1])


@settings(max_examples=60, deadline=None)
@given(st.lists(edits, max_size=12))
def test_undoing_every_edit_gives_back_the_original(qapp: Any, sequence: list[Any]) -> None:
    draft = RoutineDraft(copy.deepcopy(ORIGINAL), CATALOG)
    for edit in sequence:
        apply(draft, edit)
    after = copy.deepcopy(draft.data)
    while draft.undo_stack.canUndo():
        draft.undo_stack.undo()
    assert draft.data == ORIGINAL
    assert not draft.modified
    while draft.undo_stack.canRedo():
        draft.undo_stack.redo()
    assert draft.data == after


def test_typing_in_one_field_is_one_undo_step(qapp: Any) -> None:
    draft = RoutineDraft(copy.deepcopy(ORIGINAL), CATALOG)
    for end in range(1, 6):
        draft.set_value(("title",), "Morning"[:end], "Type title", merge=True)
    draft.set_value(("steps", 0, "reps"), 5, "Change reps")
    assert draft.undo_stack.count() == 2
    draft.undo_stack.undo()
    draft.undo_stack.undo()
    assert draft.data == ORIGINAL


def test_leaving_out_a_field_drops_a_mapping_left_empty() -> None:
    assert with_value(ORIGINAL, ("defaults", "prep"), MISSING).get("defaults") is None
    assert ORIGINAL["defaults"] == {"prep": 5}  # the old data stays as it was


def test_a_dropped_row_moves_through_the_undo_stack(qapp: Any) -> None:
    draft = RoutineDraft(copy.deepcopy(ORIGINAL), CATALOG)
    model = draft.steps
    mime = model.mimeData([model.index(0, 0)])
    # dropped below the last row: the first step goes to the end
    moved = model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert moved is False  # the view must not remove the source row itself
    assert [s["exercise"] for s in draft.data["steps"]] == [IDS[1], IDS[2], IDS[0]]
    assert model.data(model.index(2, 0), Qt.ItemDataRole.UserRole) == IDS[0]
    draft.undo_stack.undo()
    assert draft.data == ORIGINAL


def test_the_list_says_each_steps_dose(qapp: Any) -> None:
    draft = RoutineDraft(copy.deepcopy(ORIGINAL), CATALOG)
    text = draft.steps.data(draft.steps.index(1, 0))
    assert text.startswith(f"2. {CATALOG.exercises[1].name}\n")
    assert "20 s hold" in text
