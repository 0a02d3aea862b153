"""Start-up in paired rounds: a bare window, then the app, then the app again, ...

Each round starts a bare PySide6 window and then the app from each source tree given,
so slow and fast spells of the machine hit them alike; each tree keeps its own data
folder, as its caches (listing, thumbnails) would otherwise be rebuilt every time.
Compare a change with the code before it:

    git worktree add /tmp/before HEAD~3
    python benchmarks/startup.py src /tmp/before/src        (ROUNDS=21 by default)
"""

from __future__ import annotations

import compileall
import os
import statistics
import sys
import tempfile
from pathlib import Path

from gui import ROOT, desktop_environment, startup_seconds


def main(sources: list[str]) -> int:
    rounds = int(os.environ.get("ROUNDS", "21"))
    trees = [str(Path(source).resolve()) for source in sources or [str(ROOT / "src")]]
    for tree in trees:  # byte-compiled, as an installed app is
        compileall.compile_dir(tree, quiet=1)
    data = {tree: tempfile.mkdtemp(prefix="backstretch-startup-") for tree in trees}
    bare: list[float] = []
    app: dict[str, list[tuple[float, float]]] = {tree: [] for tree in trees}
    with desktop_environment() as env:
        for _ in range(rounds):
            bare.append(startup_seconds("bare", env)[0])
            for tree in trees:
                own = {**env, "PYTHONPATH": tree, "BACKSTRETCH_DATA_DIR": data[tree]}
                app[tree].append(startup_seconds("app", own))
    bare_ms = statistics.median(bare) * 1000
    print(f"medians of {rounds} rounds; bare QMainWindow + label: {bare_ms:.0f} ms\n")
    print("| source | first painted picker | its details painted |")
    print("|---|---|---|")
    for tree, runs in app.items():
        painted = statistics.median(run[0] for run in runs) * 1000
        complete = statistics.median(run[1] for run in runs) * 1000
        print(
            f"| {tree} | {painted:.0f} ms ({painted / bare_ms:.2f}x) "
            f"| {complete:.0f} ms ({complete / bare_ms:.2f}x) |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
