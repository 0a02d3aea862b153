"""Hostile routine files, names and folders: each gives a message with the file (and line),
never a crash or a hang, and the good routines still show.

`list`, `validate` and `plan` run as a person runs them, in a child process with a time
limit, so a file that would hang or crash the command fails the test instead of the run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from backstretch_gui.core import resources
from backstretch_gui.core.library import load_routine
from backstretch_gui.core.problems import InvalidFileError
from backstretch_gui.core.yamldoc import parse_document

GOOD = (resources.routines_dir() / "desk-break.yaml").read_text()
MINE = GOOD.replace("id: desk-break", "id: mine").replace("title: Desk break", "title: Mine")
BUNDLED_COUNT = len(
    [p for p in resources.routines_dir().glob("*.yaml") if p.name != "exercises.yaml"]
)


def backstretch(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BACKSTRETCH_DATA_DIR": str(data)}
    return subprocess.run(
        [sys.executable, "-m", "backstretch_gui", *args],
        capture_output=True,
        text=True,
        timeout=20,
        env=env,
    )


@pytest.fixture
def folder(isolated_user_dirs: Path) -> Path:
    routines = isolated_user_dirs / "routines"
    routines.mkdir(parents=True)
    return routines


def listing(data: Path) -> dict:  # type: ignore[type-arg]
    result = backstretch("list", "--json", data=data)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def problems_of(text: str | bytes, tmp_path: Path) -> str:
    path = tmp_path / "bad.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    with pytest.raises(InvalidFileError) as caught:
        load_routine(path, _catalog())
    return str(caught.value)


def _catalog():  # type: ignore[no-untyped-def]
    from backstretch_gui.core.library import load_catalog

    return load_catalog(resources.catalog_path())


# --- crashes and hangs ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["notes: &s [{exercise: *s}]\n", "extra: &d {prep: *d}\n", "more: &t [a, [b, *t]]\n"],
)
def test_an_alias_that_contains_itself_is_one_broken_file(
    text: str, folder: Path, isolated_user_dirs: Path
) -> None:
    (folder / "loop.yaml").write_text(MINE + text)
    (folder / "good.yaml").write_text(MINE)
    result = listing(isolated_user_dirs)
    assert len(result["routines"]) == BUNDLED_COUNT + 1
    [broken] = result["invalid"]
    assert "refers to a value that contains it" in broken["errors"][0]
    plan = backstretch("plan", str(folder / "loop.yaml"), data=isolated_user_dirs)
    assert plan.returncode == 1
    assert "loop.yaml:" in plan.stderr and "contains it" in plan.stderr


def test_deep_nesting_is_refused_with_a_line(tmp_path: Path) -> None:
    assert "nested more than" in problems_of("tags: " + "[" * 40 + "]" * 40 + "\n", tmp_path)
    assert "nested more than" in problems_of("tags: " + "[" * 990 + "]" * 990 + "\n", tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_is_never_read(folder: Path, isolated_user_dirs: Path) -> None:
    os.mkfifo(folder / "pipe.yaml")
    (folder / "good.yaml").write_text(MINE)
    for command in (["validate"], ["plan"]):
        result = backstretch(*command, str(folder / "pipe.yaml"), data=isolated_user_dirs)
        assert result.returncode == 1
        assert "a named pipe, not a regular file" in result.stdout + result.stderr
    result = listing(isolated_user_dirs)
    assert len(result["routines"]) == BUNDLED_COUNT + 1
    assert "a named pipe" in result["invalid"][0]["errors"][0]


def test_devices_folders_and_link_loops_named_yaml(folder: Path, isolated_user_dirs: Path) -> None:
    (folder / "zero.yaml").symlink_to("/dev/zero")
    (folder / "folder.yaml").mkdir()
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    (folder / "gone.yaml").symlink_to(folder / "nowhere")
    (folder / "good.yaml").write_text(MINE)
    result = listing(isolated_user_dirs)
    assert len(result["routines"]) == BUNDLED_COUNT + 1
    errors = {Path(b["file"]).name: b["errors"][0] for b in result["invalid"]}
    assert "a device, not a regular file" in errors["zero.yaml"]
    assert "a folder, not a regular file" in errors["folder.yaml"]
    assert "cannot read the file" in errors["loop.yaml"]
    assert "cannot read the file" in errors["gone.yaml"]


def test_file_names_that_are_not_utf8(folder: Path, isolated_user_dirs: Path) -> None:
    raw = os.fsencode(folder)
    with open(os.path.join(raw, b"caf\xe9.yaml"), "w") as stream:
        stream.write("id: [broken\n")
    with open(os.path.join(raw, b"m\xfcsli.yaml"), "w") as stream:
        stream.write(MINE)
    result = backstretch("list", data=isolated_user_dirs)
    assert result.returncode == 0, result.stderr
    assert "invalid: " in result.stdout and "caf\\xe9.yaml" in result.stdout
    assert "Mine (yours)" in result.stdout
    bad = os.fsdecode(os.path.join(raw, b"caf\xe9.yaml"))
    result = backstretch("validate", bad, data=isolated_user_dirs)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout.startswith(str(folder / "caf\\xe9.yaml") + ":2:1:")


def test_routine_names_in_any_case_but_never_hidden(folder: Path, isolated_user_dirs: Path) -> None:
    (folder / "Upper.YAML").write_text(MINE)
    (folder / ".hidden.yaml").write_text(MINE.replace("id: mine", "id: hidden"))
    (folder / ".#lock.yaml").write_text("not yaml: [")
    result = listing(isolated_user_dirs)
    ids = [row["id"] for row in result["routines"]]
    assert "mine" in ids and "hidden" not in ids
    assert result["invalid"] == []


def test_an_unreadable_routines_folder_is_said(
    isolated_user_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from backstretch_gui.core.library import Origin, load_library

    isolated_user_dirs.mkdir(parents=True)
    (isolated_user_dirs / "routines").write_text("a file where the folder should be")
    result = listing(isolated_user_dirs)
    assert len(result["routines"]) == BUNDLED_COUNT
    assert "cannot read the folder" in result["invalid"][0]["errors"][0]

    locked = isolated_user_dirs / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    library = load_library(
        resources.catalog_path(),
        [(resources.routines_dir(), Origin.BUNDLED), (locked, Origin.USER)],
    )
    assert len(library.routines) == BUNDLED_COUNT
    [broken] = library.broken
    assert broken.path == locked
    assert "cannot read the folder: Permission denied" in str(broken.problems[0])


# --- read as written ---------------------------------------------------------------------


def test_numbers_are_read_as_written_never_as_octal(tmp_path: Path) -> None:
    text = MINE.replace(
        "  - exercise: shoulder-rolls\n",
        "  - exercise: shoulder-rolls\n    reps: 010\n  - exercise: seated-forward-bend\n"
        "    hold: 2e1\n",
    )
    path = tmp_path / "numbers.yaml"
    path.write_text(text)
    routine = load_routine(path, _catalog())
    assert routine.steps[0].reps == 10
    assert routine.steps[1].hold == 20.0


def test_words_yaml_1_1_turned_into_other_types_stay_text() -> None:
    data = parse_document(b"a: no\nb: 2024-01-01\nc: on\nd: 1_000\ne: 0o17\nf: 0x1F\n", "f").data
    assert data == {"a": "no", "b": "2024-01-01", "c": "on", "d": "1_000", "e": 15, "f": 31}


def test_a_date_where_text_is_expected_is_text(tmp_path: Path) -> None:
    path = tmp_path / "dated.yaml"
    path.write_text(MINE.replace("title: Mine", "title: 2024-01-01"))
    assert load_routine(path, _catalog()).title == "2024-01-01"
    tagged = problems_of(MINE.replace("title: Mine", "title: !!timestamp 2024-01-01"), tmp_path)
    assert ":4:8: title: unsupported YAML tag" in tagged


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("1" + "0" * 5000, "more than 30 digits"),
        (".nan", "steps[0].hold: expected a number"),
        (".inf", "steps[0].hold: expected a number at most 600"),
        ("!!int 0b11", "'0b11' is not a number"),
    ],
)
def test_numbers_that_are_not_numbers(value: str, words: str, tmp_path: Path) -> None:
    text = MINE.replace(
        "  - exercise: shoulder-rolls\n", f"  - exercise: shoulder-rolls\n    hold: {value}\n"
    )
    assert words in problems_of(text, tmp_path)


def test_tabs_for_indentation_are_named(tmp_path: Path) -> None:
    message = problems_of(MINE.replace("\n  prep: 5", "\n\tprep: 5"), tmp_path)
    assert "bad.yaml:11:1: YAML does not allow tabs for indentation" in message


# --- text that is shown and spoken ------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("title", '"Bell\\a ringing"', "title: holds a control character (U+0007)"),
        ("title", '"Escape \\e[31mred"', "holds a control character (U+001B)"),
        ("title", '"Two\\nlines"', "title: must be one line"),
        ("title", '"Line\\u2028separator"', "must be one line"),
        ("title", '"evil \\u202Eright to left"', "holds a right-to-left override character"),
        ("title", '"\\u2067isolated"', "right-to-left isolate"),
        ("title", '"   "', "title: has nothing visible in it"),
        ("title", '"\\u200B\\u200D\\uFEFF"', "title: has nothing visible in it"),
        ("summary", '"tab\\there"', "summary: holds a tab (U+0009)"),
        ("summary", '"\\u3000 \\u00A0"', "summary: has nothing visible in it"),
        ("tags", '["fine", "\\u200B"]', "tags[1]: has nothing visible in it"),
    ],
)
def test_text_must_be_plain_and_visible(field: str, value: str, words: str, tmp_path: Path) -> None:
    lines = [
        f"{field}: {value}" if line.startswith(f"{field}:") else line for line in MINE.split("\n")
    ]
    if field == "summary":  # the folded summary's own lines go
        lines = [
            line
            for line in lines
            if not line.startswith("  A three") and not line.startswith("  your upper")
        ]
    assert words in problems_of("\n".join(lines), tmp_path)


def test_markup_and_line_breaks_in_paragraphs_are_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "markup.yaml"
    text = MINE.replace("title: Mine", 'title: <b>Bold</b> & <img src="/dev/zero">')
    path.write_text(text.replace("summary: >-", "summary: |-"))
    routine = load_routine(path, _catalog())
    assert routine.title == '<b>Bold</b> & <img src="/dev/zero">'
    assert "\n" in routine.summary


# --- what each file is, and ids -----------------------------------------------------------


def test_a_catalog_in_the_routines_folder_is_said_to_be_one(
    folder: Path, isolated_user_dirs: Path
) -> None:
    (folder / "exercises.yaml").write_text(MINE)  # a routine, whatever its name
    (folder / "my-exercises.yaml").write_text(resources.catalog_path().read_text())
    result = listing(isolated_user_dirs)
    assert "mine" in [row["id"] for row in result["routines"]]
    [broken] = result["invalid"]
    assert broken["file"].endswith("my-exercises.yaml")
    assert "is an exercise catalog (it lists exercises), not a routine" in broken["errors"][0]
    validate = backstretch(
        "validate",
        str(folder / "exercises.yaml"),
        str(folder / "my-exercises.yaml"),
        data=isolated_user_dirs,
    )
    assert validate.returncode == 0, validate.stdout
    assert "exercises.yaml: a valid routine ('mine')" in validate.stderr
    assert "my-exercises.yaml: a valid exercise catalog (" in validate.stderr


def test_two_files_with_one_id_name_each_other(folder: Path, isolated_user_dirs: Path) -> None:
    (folder / "a.yaml").write_text(MINE)
    (folder / "b.yaml").write_text(MINE)
    result = listing(isolated_user_dirs)
    [broken] = result["invalid"]
    assert broken["file"].endswith("b.yaml")
    assert "b.yaml:3:1: id: the id 'mine' is already used by a.yaml" in broken["errors"][0]
    validate = backstretch(
        "validate", str(folder / "a.yaml"), str(folder / "b.yaml"), data=isolated_user_dirs
    )
    assert validate.returncode == 1
    assert (
        f"{folder / 'b.yaml'}:3:1: id: the id 'mine' is also used by {folder / 'a.yaml'}"
        in validate.stdout
    )


def test_a_routine_of_endless_hours_is_refused_quickly(
    folder: Path, isolated_user_dirs: Path
) -> None:
    tempo = "[" + ", ".join(["{cue: Go, seconds: 600}"] * 20) + "]"
    steps = "".join(
        f"  - exercise: shoulder-rolls\n    sides: both\n    reps: 100\n    tempo: {tempo}\n"
        for _ in range(100)
    )
    (folder / "endless.yaml").write_text(MINE.split("steps:\n")[0] + "steps:\n" + steps)
    tiny = "{cue: Go, seconds: 0.01}"
    step = "  - exercise: shoulder-rolls\n    sides: both\n    reps: 100\n"
    steps = f"{step}    tempo: [{tiny}, {tiny}]\n" * 20
    (folder / "busy.yaml").write_text(
        MINE.replace("id: mine", "id: busy").split("steps:\n")[0] + "steps:\n" + steps
    )
    result = listing(isolated_user_dirs)
    errors = {Path(b["file"]).name: b["errors"][0] for b in result["invalid"]}
    assert (
        "would take about 66,667 hours; a routine may take at most 3 hours"
        in errors["endless.yaml"]
    )
    assert "at most 5000 are allowed" in errors["busy.yaml"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("---\nid: a\n---\nid: b\n", "not valid YAML"),
        ("? [a, b]\n: c\n", "keys must be text"),
        ("\x00", "not valid YAML"),
        ("id: x\0y\n", "not valid YAML"),
        ('title: "\\0"\n', "control character (U+0000)"),
    ],
)
def test_more_shapes_of_broken(text: str, words: str, tmp_path: Path) -> None:
    body = text if "title" not in text else MINE.replace("title: Mine\n", text)
    assert words in problems_of(body, tmp_path)


def test_byte_order_marks_and_windows_line_ends_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "windows.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINE.replace("\n", "\r\n").encode())
    assert load_routine(path, _catalog()).title == "Mine"
