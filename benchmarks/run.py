"""Benchmarks of the core and the command line, with baselines from the same run.

Run with ``make bench``. Prints one Markdown table of medians, ready for
docs/performance.md. Nothing here is a pass/fail test: budgets are printed beside
the numbers so a regression is plain to see.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from backstretch_gui.core import resources
from backstretch_gui.core.library import Origin, load_catalog, load_library
from backstretch_gui.core.session import Session
from backstretch_gui.core.timeline import compile_routine


def median_seconds(run: Callable[[], object], repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def make_library(folder: Path, count: int) -> None:
    """``count`` routine files, varied copies of the bundled ones."""
    sources = sorted(p for p in resources.routines_dir().glob("*.yaml") if p.stem != "exercises")
    for index in range(count):
        text = sources[index % len(sources)].read_text(encoding="utf-8")
        original_id = next(line for line in text.splitlines() if line.startswith("id: "))
        text = text.replace(original_id, f"id: generated-{index:04d}", 1)
        (folder / f"generated-{index:04d}.yaml").write_text(text, encoding="utf-8")


def bench_library(rows: list[tuple[str, str, str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_library(folder, 1000)
        catalog = resources.catalog_path()

        def load() -> None:
            library = load_library(catalog, [(folder, Origin.USER)])
            assert len(library.routines) == 1000, library.broken[:1]

        seconds = median_seconds(load, 7)
    rows.append(("load and validate 1,000 routine files", f"{seconds * 1000:.0f} ms", "< 500 ms"))


def bench_compile(rows: list[tuple[str, str, str]]) -> None:
    library = load_library(resources.catalog_path(), [(resources.routines_dir(), Origin.BUNDLED)])
    exercises = library.exercises

    def segments(entry: object) -> int:
        return len(compile_routine(entry.routine, exercises).segments)  # type: ignore[attr-defined]

    longest = max(library.routines, key=segments)
    seconds = median_seconds(lambda: compile_routine(longest.routine, exercises), 201)
    name = (
        f"compile the longest bundled routine ({longest.routine.id}, {segments(longest)} segments)"
    )
    rows.append((name, f"{seconds * 1e3:.2f} ms", "< 5 ms"))

    timeline = compile_routine(longest.routine, exercises)
    ticks = 20_000

    def run_ticks() -> None:
        now = [0.0]
        session = Session(timeline, lambda: now[0])
        session.start()
        for _ in range(ticks):
            now[0] += 0.016  # a 60 fps display; every due cue and segment end is met
            session.update()
            session.remaining()
        assert session.state.value == "running"

    seconds = median_seconds(run_ticks, 5) / ticks
    rows.append(("one controller tick (update + remaining)", f"{seconds * 1e6:.1f} µs", "< 20 µs"))


def time_command(command: list[str], repeats: int = 15, cold: bool = False) -> float:
    """Median wall time; ``cold`` gives every run an empty cache folder."""

    def run() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            env = {**os.environ, "XDG_CACHE_HOME": tmp} if cold else None
            subprocess.run(command, check=True, capture_output=True, env=env)

    return median_seconds(run, repeats)


def bench_cli(rows: list[tuple[str, str, str]]) -> None:
    python = sys.executable
    bare = time_command([python, "-c", "pass"])
    yaml_import = time_command([python, "-c", "import yaml"])
    listing = time_command([python, "-m", "backstretch_gui", "list"])
    cold = time_command([python, "-m", "backstretch_gui", "list"], cold=True)
    installed = shutil.which("backstretch", path=str(Path(python).parent))
    rows.append(("`python -c pass`", f"{bare * 1000:.0f} ms", "baseline"))
    rows.append(("`python -c 'import yaml'`", f"{yaml_import * 1000:.0f} ms", "baseline"))
    ratio = listing / yaml_import
    rows.append(
        ("`backstretch list` (python -m)", f"{listing * 1000:.0f} ms ({ratio:.2f}x)", "≤ 1.5x")
    )
    rows.append(
        ("`backstretch list`, first run (no cache)", f"{cold * 1000:.0f} ms", "not budgeted")
    )
    if installed:
        script = time_command([installed, "list"])
        rows.append(
            (
                "`backstretch list` (installed script)",
                f"{script * 1000:.0f} ms ({script / yaml_import:.2f}x)",
                "≤ 1.5x",
            )
        )


def main() -> int:
    rows: list[tuple[str, str, str]] = []
    load_catalog(resources.catalog_path())  # warm the import and the file cache
    bench_library(rows)
    bench_compile(rows)
    bench_cli(rows)
    print(f"Python {sys.version.split()[0]}, medians\n")
    print("| what | median | budget |")
    print("|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
