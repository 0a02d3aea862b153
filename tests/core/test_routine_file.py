"""Saving a routine keeps every word the user wrote: comments, order, untouched lines."""

from __future__ import annotations

import copy
import difflib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backstretch_gui.core import resources
from backstretch_gui.core.backups import move_to_backups, restore
from backstretch_gui.core.files import is_routine_name
from backstretch_gui.core.routine_file import (
    SCHEMA_LINE,
    ChangedOnDiskError,
    file_name_for,
    open_for_edit,
    render,
    save,
    unique_id,
)
from backstretch_gui.core.yamldoc import parse_document

HAND_WRITTEN = """\
# yaml-language-server: $schema=schemas/routine.schema.json
# My physio's plan, from the visit on 3 March.
version: 1
id: physio-plan   # keep this id: my phone syncs it
title: 'Physio plan'
summary: >-
  Twice a day, slowly.
tags: [floor, physio]

defaults:
  prep: 8          # I need time to get down
  transition: 15
steps:
  # start gently
  - exercise: knee-to-chest
    reps: 3        # "begin with five", she said three for now
    hold: 20
  - exercise: pelvic-tilt   # the one with the tailbone
  - exercise: cat-cow
    cue: "Slowly: no rush"
# that's all
"""


def data_of(text: str) -> Any:
    return parse_document(text.encode(), "test").data


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_one_field_changed_changes_one_line_and_keeps_every_comment() -> None:
    data = data_of(HAND_WRITTEN)
    data["steps"][0]["reps"] = 5
    after = render(data, HAND_WRITTEN)
    assert changed_lines(HAND_WRITTEN, after) == [
        '-    reps: 3        # "begin with five", she said three for now',
        '+    reps: 5        # "begin with five", she said three for now',
    ]
    assert data_of(after) == data


def test_moved_and_removed_steps_keep_their_comments() -> None:
    data = data_of(HAND_WRITTEN)
    steps = data["steps"]
    data["steps"] = [steps[1], steps[0]]  # cat-cow removed, the first two swapped
    after = render(data, HAND_WRITTEN)
    assert data_of(after) == data
    assert "- exercise: pelvic-tilt   # the one with the tailbone" in after
    assert '# "begin with five", she said three for now' in after
    assert "# keep this id: my phone syncs it" in after
    assert after.startswith(SCHEMA_LINE + "# My physio's plan")


def test_a_new_step_and_field_go_where_the_format_puts_them() -> None:
    data = data_of(HAND_WRITTEN)
    data["source"] = "My physiotherapist"
    data["steps"].append({"hold": 30, "exercise": "childs-pose"})
    after = render(data, HAND_WRITTEN)
    assert data_of(after) == data
    lines = after.splitlines()
    assert lines.index("source: My physiotherapist") == lines.index("tags: [floor, physio]") + 1
    assert "  - exercise: childs-pose\n    hold: 30\n" in after


def test_a_new_file_is_written_in_the_documented_order() -> None:
    data = {
        "steps": [{"hold": 20, "exercise": "knee-to-chest", "sides": "both"}],
        "summary": "A routine.",
        "title": "Mine",
        "id": "mine",
        "version": 1,
        "tags": ["floor"],
    }
    text = render(data, None)
    assert text == (
        SCHEMA_LINE + "version: 1\nid: mine\ntitle: Mine\nsummary: A routine.\n"
        "tags: [floor]\nsteps:\n  - exercise: knee-to-chest\n    sides: both\n    hold: 20\n"
    )


def test_every_bundled_routine_comes_back_byte_for_byte_when_unchanged() -> None:
    for path in sorted(resources.routines_dir().glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert render(data_of(text), text) == text, path.name


tricky_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40
).filter(lambda t: t.strip() == t and t)
words = st.one_of(
    tricky_text,
    st.sampled_from(["yes", "no", "010", "1e3", "null", "~", "true", "#x", "a: b", "- x", "'q'"]),
)
steps = st.fixed_dictionaries(
    {"exercise": st.sampled_from(["knee-to-chest", "cat-cow"])},
    optional={
        "reps": st.integers(1, 100),
        "hold": st.one_of(st.integers(1, 600), st.floats(0.5, 600).map(lambda f: round(f, 2))),
        "cue": words,
        "sides": st.sampled_from(["none", "left", "both"]),
    },
)
routines = st.fixed_dictionaries(
    {
        "version": st.just(1),
        "id": st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True),
        "title": words,
        "summary": st.one_of(words, st.just("Two lines\nof text")),
        "steps": st.lists(steps, min_size=1, max_size=5),
    },
    optional={
        "tags": st.lists(words, max_size=3),
        "defaults": st.fixed_dictionaries({"prep": st.integers(0, 60)}),
    },
)


@settings(max_examples=80, deadline=None)
@given(routines, routines)
def test_data_to_file_to_data_is_the_identity(first: Any, second: Any) -> None:
    text = render(first, None)
    assert data_of(text) == first
    assert data_of(render(second, text)) == second


def test_save_keeps_backups_and_refuses_a_file_changed_since_it_was_opened(
    tmp_path: Path,
) -> None:
    path = tmp_path / "routines" / "physio-plan.yaml"
    path.parent.mkdir()
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    backups = tmp_path / "backups"
    opened = open_for_edit(path)
    data = copy.deepcopy(opened.data)
    for reps in range(4, 12):
        data["steps"][0]["reps"] = reps
        opened = save(path, data, opened, backups=backups, keep=5)
    assert data_of(path.read_text())["steps"][0]["reps"] == 11
    assert len(list(backups.iterdir())) == 5  # the last five versions
    path.write_text(HAND_WRITTEN.replace("Twice", "Three times"), encoding="utf-8")
    with pytest.raises(ChangedOnDiskError):
        save(path, data, opened, backups=backups)
    assert "Three times" in path.read_text()  # not overwritten
    save(path, data, opened, backups=backups, force=True)
    assert "Twice" in path.read_text()
    assert [p.name for p in path.parent.iterdir()] == ["physio-plan.yaml"]


def test_a_deleted_routine_comes_back_from_the_backups(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(HAND_WRITTEN)
    moved = move_to_backups(path, tmp_path / "backups")
    assert not path.exists() and moved.read_text() == HAND_WRITTEN
    assert not is_routine_name(moved.name) or moved.parent != path.parent
    restore(moved, path)
    assert path.read_text() == HAND_WRITTEN and not moved.exists()
    moved = move_to_backups(path, tmp_path / "backups")
    path.write_text("new one")
    with pytest.raises(FileExistsError):
        restore(moved, path)
    assert path.read_text() == "new one"


def test_new_ids_and_file_names_never_clash(tmp_path: Path) -> None:
    assert unique_id("desk-break", set()) == "desk-break"
    assert unique_id("desk-break", {"desk-break", "desk-break-2"}) == "desk-break-3"
    assert len(unique_id("a" * 64, {"a" * 64})) <= 64
    (tmp_path / "mine.yaml").write_text("x")
    assert file_name_for("mine", tmp_path) == tmp_path / "mine-2.yaml"


def test_every_bundled_routine_model_to_file_to_model_is_the_identity() -> None:
    from backstretch_gui.core.draft import routine_data
    from backstretch_gui.core.library import load_catalog, load_routine, routine_of

    catalog = load_catalog(resources.catalog_path())
    for path in sorted(resources.routines_dir().glob("*.yaml")):
        if path.name == "exercises.yaml":
            continue
        routine = load_routine(path, catalog)
        text = render(routine_data(routine), None)  # written anew, in the documented order
        assert routine_of(parse_document(text.encode(), path.name), catalog) == routine
