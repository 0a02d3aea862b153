from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt must never try to reach a real display from a test unless a test asks for Xvfb.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Nor the desktop's session bus: tests that need D-Bus start a private one.
os.environ["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent/backstretch-test-bus"

from helpers import FakeClock


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Keep every test away from the real home folder."""
    data = tmp_path / "user-data"
    monkeypatch.setenv("BACKSTRETCH_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    yield data


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
