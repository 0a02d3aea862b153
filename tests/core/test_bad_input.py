"""Every kind of bad file gives one clear line naming the file (and line), never a crash."""

from __future__ import annotations

import io
import subprocess
import sys
import time
from pathlib import Path

import pytest

from backstretch_gui.cli import run_command
from backstretch_gui.core.library import load_routine
from backstretch_gui.core.problems import InvalidFileError

from helpers import DATA, small_catalog

GOOD = (DATA / "short.yaml").read_text()
ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(9)
)

# name -> (file content, the line we expect, words the message must contain)
CASES: dict[str, tuple[str | bytes, int | None, str]] = {
    "malformed yaml": ("id: [unclosed\ntitle: x\n", 2, "not valid YAML"),
    "wrong type": (
        GOOD.replace("reps: 2", "reps: two"),
        10,
        "steps[1].reps: expected a whole number, got text",
    ),
    "unknown key": (
        GOOD.replace("reps: 2", "repz: 2"),
        10,
        "unknown field 'repz' (did you mean 'reps'?)",
    ),
    "unknown exercise": (
        GOOD.replace("exercise: reach", "exercise: reech"),
        11,
        "no exercise with id 'reech' in the catalog (did you mean 'reach'?)",
    ),
    "negative hold": (
        GOOD.replace("reps: 2", "hold: -5"),
        10,
        "steps[1].hold: expected a number more than 0",
    ),
    "zero-length hold": (GOOD.replace("reps: 2", "hold: 0"), 10, "expected a number more than 0"),
    "hold over ten minutes": (
        GOOD.replace("reps: 2", "hold: 601"),
        10,
        "expected a number at most 600",
    ),
    "reps over a hundred": (
        GOOD.replace("reps: 2", "reps: 101"),
        10,
        "expected a whole number at most 100",
    ),
    "bad side": (
        GOOD.replace("reps: 2", "sides: sideways"),
        10,
        "'sideways' is not one of: none, left, right, both, alternating",
    ),
    "missing field": (
        GOOD.replace("title: Short test routine\n", ""),
        None,
        "missing required field 'title'",
    ),
    "duplicate key": (
        GOOD.replace("tags: [floor]", "tags: [floor]\ntags: [chair]"),
        6,
        "the key 'tags' appears twice",
    ),
    "empty file": ("", None, "the file is empty"),
    "only a comment": ("# nothing here\n", None, "the file is empty"),
    "not a mapping": ("- just\n- a list\n", 1, "expected a mapping of fields"),
    "non-utf8 bytes": (b"id: caf\xe9\n", 1, "not UTF-8"),
    "over 1 MB": ("# " + "x" * 1_000_001, None, "larger than 1 MB"),
    "alias bomb": (ALIAS_BOMB, None, "expands to more than"),
    "python tag": ("id: !!python/object/apply:os.system ['true']\n", 1, "unsupported YAML tag"),
    "newer version": ("version: 99\n" + GOOD.replace("version: 1\n", ""), 1, "format version 99"),
    "both hold and tempo": (
        GOOD.replace("reps: 2", "hold: 5\n    tempo: [{cue: Go, seconds: 2}]"),
        11,
        "either 'hold' or 'tempo'",
    ),
    "bad keyframe": (
        GOOD.replace("reps: 2", "tempo: [{cue: Go, seconds: 2, keyframe: upp}]"),
        10,
        "has no keyframe 'upp' (did you mean 'up'?)",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_bad_input_gives_a_clear_located_message(name: str, tmp_path: Path) -> None:
    content, line, words = CASES[name]
    path = tmp_path / "bad.yaml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(InvalidFileError) as caught:
        load_routine(path, small_catalog())
    problem = caught.value.problems[0]
    assert problem.file == str(path)
    assert words in str(problem)
    if line is not None:
        assert problem.line == line, str(problem)


def test_validate_reports_every_file_as_file_line_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace("reps: 2", "reps: 500"))
    out = io.StringIO()
    assert run_command(["validate", str(bad)], out) == 1
    # every problem at once, top to bottom: the test routine's exercises are not in
    # the bundled catalog that `validate` checks against
    assert out.getvalue() == (
        f"{bad}:8:5: steps[0].exercise: no exercise with id 'knee-hug' in the catalog\n"
        f"{bad}:10:5: steps[1].reps: expected a whole number at most 100\n"
        f"{bad}:11:5: steps[2].exercise: no exercise with id 'reach' in the catalog\n"
    )


def test_validate_says_every_problem_of_a_file_at_once(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "version: 1\nid: Bad Id\ntitle: ''\ncolour: blue\nsummary: x\nsteps:\n"
        "  - exercise: knee-to-chest\n    reps: 0\n"
        "  - exercise: cat-cow\n    hold: 20\n    tempo: [{cue: x, seconds: -1}]\n"
        "  - exercise: knee-to-chest\n    hold: 20\n    tempo: [{cue: x, seconds: 2}]\n"
        "  - exercise: no-such-thing\n    sides: up\n"
    )
    out = io.StringIO()
    assert run_command(["validate", str(bad)], out) == 1
    said = [line.split(": ", 1)[1] for line in out.getvalue().splitlines()]
    assert said == [
        "id: expected an id of lower-case letters, digits and dashes",
        "title: expected text of at least 1 character",
        "colour: unknown field 'colour'; expected one of: version, id, title, summary, "
        "tags, source, defaults, steps, notes",
        "steps[0].reps: expected a whole number at least 1",
        "steps[1].tempo[0].seconds: expected a number more than 0",
        "steps[2].tempo: give either 'hold' or 'tempo', not both",
        "steps[3].sides: 'up' is not one of: none, left, right, both, alternating",
    ]


@pytest.mark.slow
def test_each_bad_file_is_refused_quickly_by_the_command(tmp_path: Path) -> None:
    files = []
    for index, name in enumerate(["alias bomb", "over 1 MB", "malformed yaml", "non-utf8 bytes"]):
        content = CASES[name][0]
        path = tmp_path / f"bad{index}.yaml"
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        files.append(str(path))
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "backstretch_gui", "validate", *files],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert time.monotonic() - started < 2.0
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == files
