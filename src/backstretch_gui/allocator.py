"""Keeping the C heap small on glibc: fewer malloc arenas, and freed memory given back.

glibc gives every thread that allocates its own arena (up to eight per core), and
each arena keeps what is freed in it for later. Qt's audio, speech and D-Bus threads
allocate little after they start, yet the speech engine's thread builds a list of
every voice speech-dispatcher knows (13,000 with Debian's espeak-ng), so its arena
stays several megabytes large. Sharing one arena and trimming it once the voice is
ready keeps 1.3-1.5 MiB less resident during a session here (docs/performance.md).
Elsewhere (musl, macOS, Windows) both calls do nothing.
"""

from __future__ import annotations

import sys
from typing import Any

M_ARENA_MAX = -8  # mallopt's parameter number in glibc's malloc.h


def _glibc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # here, not at start-up: it costs ~2.5 ms to import

    try:
        libc = ctypes.CDLL(None)
        libc.gnu_get_libc_version  # noqa: B018 - only glibc has it
    except (OSError, AttributeError):
        return None
    return libc


def share_one_arena() -> None:
    """Threads started from now on allocate from the arenas that exist already."""
    libc = _glibc()
    if libc is not None:
        libc.mallopt(M_ARENA_MAX, 1)


def give_back_freed_memory() -> None:
    """Return the free pages of every arena to the system (malloc_trim)."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)
