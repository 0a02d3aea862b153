"""The keys of a search box above a list: Up and Down move through the entries the
search leaves shown, Enter chooses. The picker and the exercise chooser share them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem


def search_keys(
    event: QEvent, results: QListWidget, choose: Callable[[QListWidgetItem | None], None]
) -> bool:
    """Handle ``event`` (a key in the search box); True when it was one of these keys."""
    if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
        return False
    from PySide6.QtCore import Qt  # named on the first key: not at start-up

    key = event.key()
    if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
        step_through_shown(results, -1 if key == Qt.Key.Key_Up else 1)
        return True
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        choose(results.currentItem())
        return True
    return False


def step_through_shown(results: QListWidget, direction: int) -> None:
    row = results.currentRow()
    while 0 <= row + direction < results.count():
        row += direction
        if not results.item(row).isHidden():
            results.setCurrentRow(row)
            return
