"""What the window imports before its first frame: not the session core (nor
`dataclasses` with it), which the first session brings in."""

from __future__ import annotations

import os
import subprocess
import sys

CHILD = """
import sys
import backstretch_gui.app
print(" ".join(sorted(sys.modules)))
"""


def test_building_the_window_leaves_the_session_core_for_later() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    modules = set(done.stdout.split())
    assert "backstretch_gui.services.controller" in modules
    for later in ("backstretch_gui.core.session", "backstretch_gui.core.timeline", "dataclasses"):
        assert later not in modules, later
