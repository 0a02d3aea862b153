"""A save cut short (the process killed mid-write) leaves the old file or the new one,
never half of one, and no stray file that would be listed as a routine."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from backstretch_gui.core.files import is_routine_name
from backstretch_gui.core.yamldoc import parse_document

SAVER = """
import sys
from pathlib import Path
from backstretch_gui.core.routine_file import open_for_edit, save

path, backups = Path(sys.argv[1]), Path(sys.argv[2])
opened = open_for_edit(path)
data = dict(opened.data)
print("ready", flush=True)
rounds = 0
while True:
    rounds += 1
    data["steps"] = [{"exercise": "knee-to-chest", "reps": 1 + rounds % 90}] * 90
    data["summary"] = f"round {rounds} " + "x" * 20000
    opened = save(path, data, opened, backups=backups, keep=2)
"""


def test_a_save_killed_at_any_moment_leaves_a_whole_file(tmp_path: Path) -> None:
    folder = tmp_path / "routines"
    folder.mkdir()
    path = folder / "mine.yaml"
    path.write_text(
        "version: 1\nid: mine\ntitle: Mine\nsummary: first\nsteps:\n  - exercise: cat-cow\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
    chance = random.Random(7)
    for _ in range(6):
        child = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(path), str(tmp_path / "backups")],
            stdout=subprocess.PIPE,
            env=env,
        )
        assert child.stdout is not None and child.stdout.readline() == b"ready\n"
        time.sleep(chance.uniform(0.05, 0.4))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        data = parse_document(path.read_bytes(), "mine.yaml").data
        assert data["id"] == "mine" and data["steps"]
        assert data["summary"] == "first" or data["summary"].startswith("round ")
        listed = [p.name for p in folder.iterdir() if is_routine_name(p.name)]
        assert listed == ["mine.yaml"]
