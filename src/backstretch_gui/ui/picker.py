"""The routine picker: every routine with its duration, a search box, details, Start."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core import describe
from ..core.library import Library, RoutineEntry
from ..core.timeline import compile_routine
from ..core.words import clock
from .illustration import thumbnail

ID_ROLE = Qt.ItemDataRole.UserRole
PATH_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
THUMBNAIL = QSize(72, 54)

SAFETY_NOTICE = (
    "Stretching should never hurt. Move slowly, stay in a pain-free range and stop at "
    "pain, numbness or pins and needles. Backstretch is no substitute for advice from "
    "a physiotherapist or doctor."
)


class SafetyBanner(QFrame):
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        text = QLabel(SAFETY_NOTICE)
        text.setWordWrap(True)
        text.setObjectName("safetyNotice")
        button = QPushButton("Got it")
        button.setObjectName("dismissSafetyNotice")
        button.clicked.connect(self._dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 12, 12)
        layout.addWidget(text, 1)
        layout.addWidget(button)

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()


class PickerPage(QWidget):
    """Signals: startRequested(str routine id)."""

    startRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pickerPage")
        self.library: Library | None = None
        self.banner = SafetyBanner()
        self.search = QLineEdit()
        self.search.setObjectName("routineSearch")
        self.search.setAccessibleName("Search routines")
        self.search.setPlaceholderText("Search routines, exercises, tags…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter)
        self.search.installEventFilter(self)
        self.list = QListWidget()
        self.list.setObjectName("routinePicker")
        self.list.setAccessibleName("Routines")
        self.list.setIconSize(THUMBNAIL)
        self.list.setUniformItemSizes(True)
        self.list.currentItemChanged.connect(self._show_details)
        self.list.itemActivated.connect(lambda item: self._start(item))

        self.details = QWidget()
        self.details.setObjectName("routineDetails")
        self.details_layout = QVBoxLayout(self.details)
        self.details_layout.setContentsMargins(28, 24, 28, 24)
        self.details_layout.setSpacing(10)
        self.detail_text = QLabel()
        self.detail_text.setObjectName("routineDetailText")
        self.detail_text.setWordWrap(True)
        self.detail_text.setTextFormat(Qt.TextFormat.RichText)
        self.detail_text.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.detail_text.setStyleSheet("background: transparent;")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.viewport().setAutoFillBackground(False)
        scroll.setWidget(self.detail_text)
        self.startButton = QPushButton("Start")
        self.startButton.setObjectName("startButton")
        self.startButton.setAccessibleName("Start routine")
        self.startButton.setProperty("accent", True)
        self.startButton.setToolTip("Start this routine (Enter)")
        self.startButton.setMinimumHeight(52)
        self.startButton.setMinimumWidth(200)
        self.startButton.clicked.connect(lambda: self._start(self.list.currentItem()))
        self.details_layout.addWidget(scroll, 1)
        start_row = QHBoxLayout()
        start_row.addStretch(1)
        start_row.addWidget(self.startButton)
        self.details_layout.addLayout(start_row)
        card = QFrame()
        card.setObjectName("card")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(0, 0, 0, 0)
        card_layout.addWidget(self.details)

        left = QVBoxLayout()
        left.setSpacing(12)
        left.addWidget(self.search)
        left.addWidget(self.list, 1)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(left, 4)
        columns.addWidget(card, 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 24)
        layout.setSpacing(16)
        layout.addWidget(self.banner)
        layout.addLayout(columns, 1)

    # --- content --------------------------------------------------------------------

    def set_library(self, library: Library) -> None:
        self.library = library
        self.list.clear()
        exercises = library.exercises
        for entry in library.routines:
            self.list.addItem(self._routine_item(entry, exercises))
        for broken in library.broken:
            item = QListWidgetItem(f"{broken.path.name}\nCan't be opened: see why →")
            item.setData(ID_ROLE, "")
            item.setData(PATH_ROLE, str(broken.path))
            item.setData(SEARCH_ROLE, broken.path.name.casefold())
            item.setToolTip(str(broken.problems[0]))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.filter(self.search.text())

    def _routine_item(self, entry: RoutineEntry, exercises: dict) -> QListWidgetItem:  # type: ignore[type-arg]
        routine = entry.routine
        timeline = compile_routine(routine, exercises)
        count = len({step.exercise for step in routine.steps})
        where = " · ".join(describe.positions(routine, exercises))
        mine = " · yours" if entry.origin.value == "user" else ""
        text = (
            f"{routine.title}\n{clock(timeline.total_seconds)} · {count} exercises · {where}{mine}"
        )
        item = QListWidgetItem(text)
        item.setData(ID_ROLE, routine.id)
        item.setData(PATH_ROLE, str(entry.path))
        words = [routine.title, routine.summary, *routine.tags]
        words += [exercises[step.exercise].name for step in routine.steps]
        item.setData(SEARCH_ROLE, " ".join(words).casefold())
        first = exercises[routine.steps[0].exercise]
        item.setIcon(thumbnail(first.keyframes[-1].file, THUMBNAIL, self.devicePixelRatioF()))
        item.setSizeHint(QSize(0, THUMBNAIL.height() + 24))
        return item

    def filter(self, text: str) -> None:
        needle = text.strip().casefold()
        first_visible = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(needle) and needle not in str(item.data(SEARCH_ROLE))
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = item
        current = self.list.currentItem()
        if (current is None or current.isHidden()) and first_visible is not None:
            self.list.setCurrentItem(first_visible)
        if first_visible is None:
            self._show_details(None)

    def select(self, routine_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == routine_id:
                self.list.setCurrentRow(row)

    # --- details --------------------------------------------------------------------

    def _show_details(self, item: QListWidgetItem | None) -> None:
        library = self.library
        if item is None or library is None:
            self.detail_text.setText("<p>No routine matches your search.</p>")
            self.startButton.setEnabled(False)
            return
        routine_id = item.data(ID_ROLE)
        if not routine_id:
            self._show_broken(str(item.data(PATH_ROLE)))
            return
        entry = library.find(routine_id)
        if entry is None:
            return
        self.startButton.setEnabled(True)
        self.detail_text.setText(routine_html(entry, library))

    def _show_broken(self, path: str) -> None:
        assert self.library is not None
        broken = next(b for b in self.library.broken if str(b.path) == path)
        problems = "".join(f"<li><code>{html.escape(str(p))}</code></li>" for p in broken.problems)
        self.detail_text.setText(
            f"<h2>{html.escape(broken.path.name)}</h2>"
            "<p>This routine file can't be opened. Fix what is listed below and it will "
            f"appear here. Nothing in the file was changed.</p><ul>{problems}</ul>"
            f"<p>File: {html.escape(path)}</p>"
        )
        self.startButton.setEnabled(False)

    def _start(self, item: QListWidgetItem | None) -> None:
        if item is not None and item.data(ID_ROLE):
            self.startRequested.emit(str(item.data(ID_ROLE)))

    # --- keyboard -------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up, Down and Enter in the search box move through and start routines."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self._step_selection(-1 if key == Qt.Key.Key_Up else 1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._start(self.list.currentItem())
                return True
        return super().eventFilter(watched, event)

    def _step_selection(self, direction: int) -> None:
        row = self.list.currentRow()
        while 0 <= row + direction < self.list.count():
            row += direction
            if not self.list.item(row).isHidden():
                self.list.setCurrentRow(row)
                return


def routine_html(entry: RoutineEntry, library: Library) -> str:
    routine = entry.routine
    exercises = library.exercises
    timeline = compile_routine(routine, exercises)
    esc = html.escape
    where = ", ".join(describe.positions(routine, exercises))
    steps = "".join(
        f"<li><b>{esc(exercises[s.exercise].name)}</b> — "
        f"{esc(describe.describe_step(routine, i, exercises[s.exercise]))}</li>"
        for i, s in enumerate(routine.steps)
    )
    cautions = "".join(
        f"<li>{esc(caution)} <span style='opacity:.75'>({esc(name)})</span></li>"
        for name, caution in describe.cautions(routine, exercises)
    )
    source = f"<p><b>Source:</b> {esc(routine.source)}</p>" if routine.source else ""
    shadow = (
        f"<p><i>Your own routine, replacing the bundled one ({esc(str(entry.shadows))}).</i></p>"
        if entry.shadows
        else ""
    )
    return (
        f"<h1 style='margin-bottom:2px'>{esc(routine.title)}</h1>"
        f"<p style='font-size:17px'><b>{clock(timeline.total_seconds)}</b> · "
        f"{len(routine.steps)} steps · {esc(where)}</p>"
        f"<p style='font-size:16px'>{esc(routine.summary)}</p>{shadow}"
        f"<h3>Exercises</h3><ol>{steps}</ol>"
        f"<h3>Cautions</h3><ul>{cautions}</ul>{source}"
    )
