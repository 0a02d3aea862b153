"""The backups folder: the versions a save replaced, and deleted routines (to undo)."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from .atomic import write_bytes_atomically

KEEP = 5
"""Versions kept of each file."""


def _stamped(path: Path, backups: Path) -> Path:
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + f"{time.time_ns() % 10**9:09d}"
    return backups / f"{path.stem}.{stamp}{path.suffix}"


def backup_copy(path: Path, backups: Path, keep: int = KEEP) -> Path:
    """A copy of ``path`` in ``backups``; the oldest beyond ``keep`` are removed."""
    from .files import MAX_FILE_BYTES, UnreadableFileError, read_limited

    backups.mkdir(parents=True, exist_ok=True)
    target = _stamped(path, backups)
    try:
        content = read_limited(path, MAX_FILE_BYTES)
    except UnreadableFileError as error:  # said as the OSError that writing would give
        raise OSError(f"the version being replaced can't be kept: {error}") from None
    write_bytes_atomically(target, content)
    prune(backups, path.stem, path.suffix, keep)
    return target


def move_to_backups(path: Path, backups: Path) -> Path:
    """Take ``path`` out of its folder into ``backups`` (a delete that can be undone)."""
    backups.mkdir(parents=True, exist_ok=True)
    target = _stamped(path, backups)
    try:
        os.replace(path, target)  # one file system: the file is in one place or the other
    except OSError:
        shutil.copy2(path, target)
        path.unlink()
    return target


def restore(backup: Path, path: Path) -> None:
    """Put a moved-away file back; never over a file that is there now."""
    if path.exists() or path.is_symlink():
        raise FileExistsError(f"{path.name} exists again; the deleted routine is kept at {backup}")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(backup, path)  # fails rather than replace a file made meanwhile
        backup.unlink()
    except OSError:
        shutil.copy2(backup, path)
        backup.unlink()


def prune(backups: Path, stem: str, suffix: str, keep: int = KEEP) -> None:
    versions = sorted(
        p for p in backups.glob(f"{stem}.*{suffix}") if p.name[len(stem) + 1 :][:1].isdigit()
    )
    for old in versions[:-keep] if keep else versions:
        old.unlink(missing_ok=True)
