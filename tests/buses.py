"""A private D-Bus session bus for tests, so nothing reaches the desktop's real one."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def private_session_bus() -> Iterator[str]:
    """Yield the address of a new session bus; it is torn down afterwards."""
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is missing (Debian package dbus-daemon)")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    try:
        yield address
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
        daemon.stdout.close()


@contextmanager
def running_service(script: Path, env: dict[str, str]) -> Iterator[subprocess.Popen[str]]:
    """Start a Python D-Bus service script and wait until it says "ready"."""
    service = subprocess.Popen(
        [sys.executable, str(script)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    assert service.stdout is not None
    deadline = time.monotonic() + 15
    line = service.stdout.readline().strip()
    while line != "ready" and time.monotonic() < deadline and service.poll() is None:
        line = service.stdout.readline().strip()
    if line != "ready":
        service.kill()
        raise RuntimeError(f"{script.name} did not start")
    try:
        yield service
    finally:
        service.terminate()
        service.wait(timeout=10)
        if not service.stdout.closed:
            service.stdout.close()
