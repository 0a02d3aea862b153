"""Command line: open the app, or list, check and plan routines without any Qt import."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from .core import resources
from .core.words import clock, counted

TYPE_CHECKING = False  # spares the `typing` import on the quick path
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from typing import TextIO

    from .core.library import Library
    from .core.model import Catalog

# The heavy modules (PyYAML, msgspec, the core) are imported inside the commands
# that need them, so a cached `backstretch list` starts as fast as Python itself.

COMMANDS = ("list", "exercises", "validate", "plan")
EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        try:
            return run_command(args)
        except BrokenPipeError:  # e.g. piped into `head`: not an error worth a traceback
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silences the exit flush
            return EXIT_OK
    from .options import gui_options

    options = gui_options(args)
    from .app import run_app  # Qt is imported only when a window is wanted

    return run_app(options)


def command_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(prog="backstretch")
    commands = parser.add_subparsers(dest="command", required=True)
    listing = commands.add_parser("list", help="the routines, bundled and your own")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    exercises = commands.add_parser("exercises", help="the exercise catalog")
    exercises.add_argument("--json", action="store_true", help="machine-readable output")
    validate = commands.add_parser("validate", help="check routine or catalog files")
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")
    plan = commands.add_parser("plan", help="the timeline of a routine")
    plan.add_argument("routine", help="a routine id or a path to a routine file")
    plan.add_argument("--json", action="store_true", help="machine-readable output")
    return parser


def run_command(args: list[str], out: TextIO | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # text from files never stops the output
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    out = out or sys.stdout
    options = command_parser().parse_args(args)
    handlers = {
        "list": command_list,
        "exercises": command_exercises,
        "validate": command_validate,
        "plan": command_plan,
    }
    from .core.problems import InvalidFileError

    try:
        return handlers[options.command](options, out)
    except InvalidFileError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_INVALID
    except resources.ResourceError as error:
        print(f"backstretch: {error}", file=sys.stderr)
        return EXIT_INVALID


def open_library() -> Library:
    from .core import listing

    return listing.load(*listing.default_sources())


def command_list(options: argparse.Namespace, out: TextIO) -> int:
    from .core.listing import routine_listing

    listing = routine_listing()
    if options.json:
        json.dump(listing.to_data(), out, indent=2)
        out.write("\n")
        return EXIT_OK
    width = max((len(row.id) for row in listing.routines), default=2)
    for row in listing.routines:
        note = " (yours, replaces the bundled one)" if row.shadows else ""
        note = note or (" (yours)" if row.origin == "user" else "")
        print(
            f"{row.id:<{width}}  {clock(row.duration_seconds):>6}  "
            f"{counted(row.steps, 'step'):>8}  {row.title}{note}  [{', '.join(row.tags)}]",
            file=out,
        )
    from .core.files import display_path

    for broken in listing.invalid:
        print(f"invalid: {display_path(broken.file)}", file=out)
        for error in broken.errors:
            print(f"  {error}", file=out)
    return EXIT_OK


def command_exercises(options: argparse.Namespace, out: TextIO) -> int:
    library = open_library()
    folder = resources.illustrations_dir()
    rows = [
        {
            "id": exercise.id,
            "name": exercise.name,
            "position": exercise.position.value,
            "targets": exercise.targets,
            "illustrations": [str(folder / keyframe.file) for keyframe in exercise.keyframes],
        }
        for exercise in library.catalog.exercises
    ]
    if options.json:
        json.dump(rows, out, indent=2)
        out.write("\n")
        return EXIT_OK
    width = max(len(row["id"]) for row in rows)
    for row in rows:
        print(f"{row['id']:<{width}}  {row['position']:<8}  {row['name']}", file=out)
    return EXIT_OK


def command_validate(options: argparse.Namespace, out: TextIO) -> int:
    """Each file is said to be a routine or an exercise catalog, by the same rule the
    library uses; routine ids that clash between the files are problems too."""
    from .core.files import display_path
    from .core.library import FileKind, catalog_of, file_kind, routine_of
    from .core.problems import InvalidFileError, Problem
    from .core.yamldoc import read_document

    catalog: Catalog | None = None
    problems: list[Problem] = []
    ids: dict[str, str] = {}
    for path in options.files:
        name = display_path(path)
        try:
            document = read_document(path)
            if file_kind(document) is FileKind.CATALOG:
                count = len(catalog_of(document).exercises)
                print(f"{name}: a valid exercise catalog ({count} exercises)", file=sys.stderr)
                continue
            catalog = catalog or _bundled_catalog()
            routine = routine_of(document, catalog)
            other = ids.setdefault(routine.id, name)
            if other != name:
                message = f"the id '{routine.id}' is also used by {other}; give one another id"
                raise InvalidFileError([document.problem(("id",), message)])
            print(f"{name}: a valid routine ('{routine.id}')", file=sys.stderr)
        except InvalidFileError as error:
            problems += error.problems
    for problem in problems:
        print(problem, file=out)
    checked = len(options.files)
    if problems:
        print(f"{len(problems)} problem(s) in {checked} file(s)", file=sys.stderr)
        return EXIT_INVALID
    print(f"{checked} file(s) valid", file=sys.stderr)
    return EXIT_OK


def _bundled_catalog() -> Catalog:
    from .core.library import load_catalog

    return load_catalog(resources.catalog_path())


def command_plan(options: argparse.Namespace, out: TextIO) -> int:
    import msgspec

    from .core.files import names_a_file
    from .core.library import load_routine
    from .core.problems import did_you_mean
    from .core.timeline import compile_routine

    library = open_library()
    name: str = options.routine
    path = Path(name)
    if names_a_file(name):
        routine = load_routine(path, library.catalog)
    else:
        entry = library.find(name)
        if entry is None:
            hint = did_you_mean(name, [e.routine.id for e in library.routines])
            print(f"backstretch: no routine with id '{name}'{hint}", file=sys.stderr)
            return EXIT_INVALID
        routine = entry.routine
    timeline = compile_routine(routine, library.exercises)
    if options.json:
        out.write(msgspec.json.format(msgspec.json.encode(timeline), indent=2).decode())
        out.write("\n")
        return EXIT_OK
    print(f"{timeline.title}: {clock(timeline.total_seconds)} in all", file=out)
    header = f"{'start':>6} {'secs':>5}  {'kind':<10} {'exercise':<26} {'side':<5} {'rep':<5} cue"
    print(header, file=out)
    for s in timeline.segments:
        rep = f"{s.rep}/{s.reps}" if s.rep else ""
        side = s.side.value if s.side.value != "none" else ""
        print(
            f"{clock(s.start):>6} {s.seconds:>5g}  {s.kind.value:<10} "
            f"{s.exercise_name[:26]:<26} {side:<5} {rep:<5} {s.cue}",
            file=out,
        )
    return EXIT_OK
