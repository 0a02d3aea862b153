"""PySide must not keep the source of every module imported after it."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

import backstretch_gui.ui  # noqa: F401  (applies the tuning)


def test_importing_a_module_does_not_read_its_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = tmp_path / "freshly_written_module.py"
    module.write_text("from PySide6.QtCore import QObject\nVALUE = 42\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    linecache.clearcache()
    imported = __import__("freshly_written_module")  # the import statement's path
    try:
        assert imported.VALUE == 42
        assert str(module) not in linecache.cache
    finally:
        del sys.modules["freshly_written_module"]
