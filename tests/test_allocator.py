"""Sharing malloc arenas: threads started afterwards get no arena of their own (glibc)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from backstretch_gui import allocator

CHILD = r"""
import ctypes, sys, tempfile, threading
from backstretch_gui import allocator

if sys.argv[1] == "share":
    allocator.share_one_arena()

together = threading.Barrier(4)

def busy():  # all four allocate at once, so none can hand its arena on to another
    keep = [bytearray(1000) for _ in range(2000)]  # small blocks: from the thread's arena
    together.wait()
    del keep

threads = [threading.Thread(target=busy) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
allocator.give_back_freed_memory()
libc = ctypes.CDLL(None)
libc.fdopen.restype = ctypes.c_void_p
with tempfile.TemporaryFile() as report:
    stream = libc.fdopen(report.fileno(), b"w")
    libc.malloc_info(0, ctypes.c_void_p(stream))
    libc.fflush(ctypes.c_void_p(stream))
    report.seek(0)
    print(report.read().decode().count("<heap nr="))
"""


def arenas(mode: str) -> int:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, mode], capture_output=True, text=True, check=True
    )
    return int(result.stdout)


@pytest.mark.skipif(allocator._glibc() is None, reason="glibc only")
def test_threads_started_after_sharing_get_no_arena_of_their_own() -> None:
    assert arenas("own") >= 3  # the main arena and one per thread, as glibc does
    assert arenas("share") == 1
