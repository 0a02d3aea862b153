"""What the window is asked to do, from the command line (no Qt, no argparse until an
argument is given). Shared by the command line and ``app.create_window``."""

from __future__ import annotations

from . import __version__

TYPE_CHECKING = False  # spares the `typing` import on the quick path
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence


class GuiOptions:
    """What the window is asked to do: open a routine, start it, or run the smoke test."""

    def __init__(
        self, routine: str | None = None, start: bool = False, smoke_test: bool = False
    ) -> None:
        self.routine = routine
        self.start = start
        self.smoke_test = smoke_test


def gui_options(args: Sequence[str]) -> GuiOptions:
    if not args:  # the usual launch, from a menu or a dock: no argparse to import
        return GuiOptions()
    parsed = gui_parser().parse_args(list(args))
    return GuiOptions(parsed.routine, parsed.start, parsed.smoke_test)


def gui_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="backstretch",
        description="A follow-along timer for back-stretching routines.",
        epilog=(
            "commands (run 'backstretch COMMAND --help' for more):\n"
            "  list        the routines you can start, with their duration\n"
            "  exercises   the exercise catalog\n"
            "  validate    check routine files and say what is wrong, with line numbers\n"
            "  plan        the timeline of a routine: every segment, cue and the total"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"backstretch {__version__}")
    parser.add_argument("routine", nargs="?", help="a routine id or file to open, ready to start")
    parser.add_argument("--start", action="store_true", help="start the routine right away")
    parser.add_argument(
        "--smoke-test", action="store_true", help="open, render every routine once, and exit"
    )
    return parser
