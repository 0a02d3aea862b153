"""Which files in a folder are routines, and reading one without trusting it.

Routines are shared between people, so a file is hostile until read: only regular
files are read (a FIFO named ``x.yaml`` would block forever, ``/dev/zero`` never
ends), the size is checked before reading starts, and a folder that cannot be read
says so instead of looking empty. Path names may hold bytes that are not UTF-8, so
they are shown through ``display_path``.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_FILE_BYTES = 1_000_000
ROUTINE_SUFFIXES = (".yaml", ".yml")
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # opening a FIFO must not wait for a writer
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class UnreadableFileError(Exception):
    """A file that cannot be used; the message says why, in plain words."""


class FolderListing:
    # A plain class: `typing.NamedTuple` would import typing, ~2 ms of a cached `list`.
    __slots__ = ("error", "files")

    def __init__(self, files: list[Path], error: str | None) -> None:
        self.files = files
        """The routine files found, sorted by name."""
        self.error = error
        """Why the folder could not be read; None when it could, or does not exist."""


def is_routine_name(name: str) -> bool:
    """``*.yaml`` and ``*.yml`` in any case; hidden files (editors' backups) are not."""
    return not name.startswith(".") and name.lower().endswith(ROUTINE_SUFFIXES)


def names_a_file(id_or_path: str) -> bool:
    """Whether what the person typed names a routine file rather than a routine id."""
    path = Path(id_or_path)
    return path.suffix.lower() in ROUTINE_SUFFIXES or path.is_file()


def list_routine_files(folder: Path) -> FolderListing:
    """Every routine file in ``folder``, whatever its kind: reading says what is wrong
    with one that is not a regular file."""
    try:
        with os.scandir(folder) as entries:
            names = [entry.name for entry in entries if is_routine_name(entry.name)]
    except FileNotFoundError:
        return FolderListing([], None)
    except OSError as error:
        return FolderListing([], _reason(error))
    return FolderListing(sorted(folder / name for name in names), None)


def read_limited(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or UnreadableFileError."""
    try:
        handle = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise UnreadableFileError(f"cannot read the file: {_reason(error)}") from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFileError(f"{_kind(info.st_mode)}, not a regular file")
        if info.st_size > limit:
            raise UnreadableFileError(f"the file is larger than {_megabytes(limit)}")
        with open(handle, "rb", closefd=False) as stream:
            raw = stream.read(limit + 1)
    except OSError as error:
        raise UnreadableFileError(f"cannot read the file: {_reason(error)}") from None
    finally:
        os.close(handle)
    if len(raw) > limit:  # it grew while we read it
        raise UnreadableFileError(f"the file is larger than {_megabytes(limit)}")
    return raw


def display_path(path: Path | str) -> str:
    """A path as text that can always be printed: bytes that are not UTF-8 are shown
    as ``\\xe9`` rather than as the lone surrogates Python keeps them in."""
    text = os.fspath(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def _megabytes(limit: int) -> str:
    return f"{limit / 1_000_000:g} MB"
