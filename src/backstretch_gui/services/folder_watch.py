"""Watches the user's routines folder, so a file added, changed or removed by another
program shows up without a reload."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

SETTLE_MS = 300
"""Editors save in several steps (temp file, rename): one change is said once."""


class FolderWatch(QObject):
    changed = Signal()

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._noticed)
        self._watcher.fileChanged.connect(self._noticed)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._settled)
        self._watch()

    def _watch(self) -> None:
        """The folder and its files, or (until it exists) its nearest existing parent."""
        watched = self._watcher.directories() + self._watcher.files()
        if watched:
            self._watcher.removePaths(watched)
        target = self.folder
        while not target.is_dir() and target != target.parent:
            target = target.parent
        paths = [str(target)]
        if target == self.folder:
            with contextlib.suppress(OSError):  # an unreadable folder: the listing says so
                paths += [str(p) for p in sorted(self.folder.iterdir())[:500] if p.is_file()]
        self._watcher.addPaths(paths)

    def _noticed(self, _path: str) -> None:
        self._settle.start()

    def _settled(self) -> None:
        self._watch()  # files come and go; a folder that appeared is watched itself
        self.changed.emit()
