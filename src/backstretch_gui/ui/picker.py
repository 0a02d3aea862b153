"""The routine picker: every routine with its duration, a search box, details, Start."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
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

from ..core.files import display_path  # Qt's strings drop undecodable bytes
from ..core.listing_rows import BrokenRow, Listing, RoutineRow
from ..core.words import SAFETY_NOTICE, clock, counted
from .first_paint import FirstPaint
from .illustration import thumbnail
from .qt_values import ALIGN_TOP, ID_ROLE, PATH_ROLE, RICH_TEXT, SEARCH_ROLE
from .search_keys import search_keys

_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str) -> str:
    """``html.escape`` without importing ``html`` (and its entity table) at start-up."""
    return text.translate(_HTML)


def tooltip(text: str) -> str:
    """A tooltip showing ``text`` as it is: Qt renders a tooltip that looks like markup
    as rich text, so it is always given as rich text, escaped, line breaks kept."""
    return f"<p style='white-space:pre-wrap'>{escape(text)}</p>"


THUMBNAIL = QSize(72, 54)


@cache
def routine_keys() -> frozenset[int]:
    """Ctrl+E and Ctrl+D, which the search box lets through to Edit and Duplicate."""
    from PySide6.QtCore import Qt  # named on the first key, not at start-up

    ctrl = Qt.KeyboardModifier.ControlModifier
    return frozenset({(ctrl | Qt.Key.Key_E).toCombined(), (ctrl | Qt.Key.Key_D).toCombined()})


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
        self.rows: dict[str, RoutineRow] = {}
        self.invalid: dict[str, BrokenRow] = {}
        self._painted = False
        """Whether the window's first frame is out. Until then the details wait: laying
        out their rich text takes ~13 ms here, and the list is what that frame needs."""
        self.banner = SafetyBanner()
        self.search = QLineEdit()
        self.search.setObjectName("routineSearch")
        self.search.setAccessibleName("Search routines")
        self.search.setPlaceholderText("Search routines, exercises, tags…")
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
        # Set as properties: Qt converts the numbers to its enums (see RICH_TEXT).
        self.detail_text.setProperty("textFormat", RICH_TEXT)
        self.detail_text.setProperty("alignment", ALIGN_TOP)
        self.detail_text.setStyleSheet("background: transparent;")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # Our own viewport rather than scroll.viewport(): asking Qt for a widget it
        # made sends PySide through every QWidget subclass (62 enum types, ~10 ms).
        viewport = QWidget()
        viewport.setAutoFillBackground(False)
        scroll.setViewport(viewport)
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
        self.list_buttons = QGridLayout()  # filled by routine_actions
        self.list_buttons.setSpacing(8)
        left.addLayout(self.list_buttons)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(left, 4)
        columns.addWidget(card, 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 24)
        layout.setSpacing(16)
        layout.addWidget(self.banner)
        layout.addLayout(columns, 1)

    def add_list_button(self, button: QPushButton) -> None:
        """A button under the list, three to a row."""
        count = self.list_buttons.count()
        self.list_buttons.addWidget(button, count // 3, count % 3)

    def show_details(self) -> None:
        """The window's first frame is out: the details of the chosen routine now."""
        self._painted = True
        self._show_details(self.list.currentItem())

    def after_window_painted(self, then: Callable[[], None]) -> None:
        """The window's first frame is out: the details now, and once they are painted
        too, what can wait, then ``then``."""
        self.show_details()

        def settle() -> None:
            self.after_first_paint()
            then()

        if self.isVisible():  # let their paint go first
            self._details_painted = FirstPaint(self.detail_text, settle)
        else:
            settle()

    def after_first_paint(self) -> None:
        """What can wait until the picker and its details are on screen."""
        # The clear button shows only once there is text; finding its icon in the
        # icon theme takes ~4 ms.
        self.search.setClearButtonEnabled(True)

    # --- content --------------------------------------------------------------------

    def set_listing(self, listing: Listing) -> None:
        """Show ``listing``, keeping the chosen routine (or broken file) chosen."""
        current = self.list.currentItem()
        kept = (current.data(ID_ROLE), current.data(PATH_ROLE)) if current else ("", "")
        self.rows = {row.id: row for row in listing.routines}
        # Keyed by the path as Qt can hold it: a name that is not UTF-8 keeps its bytes
        # as lone surrogates in Python, which Qt's strings drop.
        self.invalid = {display_path(item.file): item for item in listing.invalid}
        self.list.blockSignals(True)  # the old items must not ask for the new details
        self.list.clear()
        for row in listing.routines:
            self.list.addItem(self._routine_item(row))
        for broken in listing.invalid:
            name = Path(display_path(broken.file)).name
            item = QListWidgetItem(f"{name}\nCan't be opened: see why →")
            item.setData(ID_ROLE, "")
            item.setData(PATH_ROLE, display_path(broken.file))
            item.setData(SEARCH_ROLE, name.casefold())
            item.setToolTip(tooltip(broken.errors[0]))
            from PySide6.QtWidgets import QStyle  # rare: spared at start-up (4 ms)

            item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
            item.setSizeHint(QSize(0, THUMBNAIL.height() + 24))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
            if kept[0]:
                self.select(str(kept[0]))
            elif kept[1]:
                self.select_file(str(kept[1]))
        self.list.blockSignals(False)
        if self._painted:
            self._show_details(self.list.currentItem())
        self.filter(self.search.text())

    def _routine_item(self, row: RoutineRow) -> QListWidgetItem:
        where = " · ".join(row.positions)
        mine = " · yours" if row.origin == "user" else ""
        duration = clock(row.duration_seconds)
        text = f"{row.title}\n{duration} · {counted(row.steps, 'step')} · {where}{mine}"
        item = QListWidgetItem(text)
        item.setData(ID_ROLE, row.id)
        item.setData(PATH_ROLE, display_path(row.file))
        words = [row.title, row.summary, *row.tags, *(name for name, _ in row.doses)]
        item.setData(SEARCH_ROLE, " ".join(words).casefold())
        item.setIcon(thumbnail(row.thumbnail, THUMBNAIL, self.devicePixelRatioF()))
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

    def select_file(self, path: str) -> None:
        """Choose the entry read from this file (a routine, or one that can't be opened)."""
        for row in range(self.list.count()):
            if self.list.item(row).data(PATH_ROLE) == display_path(path):
                self.list.setCurrentRow(row)

    # --- details --------------------------------------------------------------------

    def _show_details(self, item: QListWidgetItem | None) -> None:
        if item is None:
            self.detail_text.setText("<p>No routine matches your search.</p>")
            self.startButton.setEnabled(False)
            return
        row = self.rows.get(str(item.data(ID_ROLE)))
        if row is None:
            self._show_broken(str(item.data(PATH_ROLE)))
            return
        self.startButton.setEnabled(True)
        self.detail_text.setText(routine_html(row))

    def _show_broken(self, path: str) -> None:
        broken = self.invalid[path]
        problems = "".join(f"<li><code>{escape(e)}</code></li>" for e in broken.errors)
        self.detail_text.setText(
            f"<h2>{escape(Path(path).name)}</h2>"
            "<p>This routine file can't be opened. Fix what is listed below and it will "
            f"appear here. Nothing in the file was changed.</p><ul>{problems}</ul>"
            f"<p>File: {escape(path)}</p>"
        )
        self.startButton.setEnabled(False)

    def _start(self, item: QListWidgetItem | None) -> None:
        if item is not None and item.data(ID_ROLE):
            self.startRequested.emit(str(item.data(ID_ROLE)))

    # --- keyboard -------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up, Down and Enter in the search box move through and start routines."""
        if watched is self.search and search_keys(event, self.list, self._start):
            return True
        if watched is self.search and event.type() == QEvent.Type.ShortcutOverride:
            # The line edit's own Ctrl+E (end of line) and Ctrl+D (delete) would hide
            # Edit and Duplicate from the window while one types a search.
            assert isinstance(event, QKeyEvent)
            return event.keyCombination().toCombined() in routine_keys()
        return super().eventFilter(watched, event)


def routine_html(row: RoutineRow) -> str:
    esc = escape
    steps = "".join(f"<li><b>{esc(name)}</b> — {esc(dose)}</li>" for name, dose in row.doses)
    cautions = "".join(
        f"<li>{esc(caution)} <span style='opacity:.75'>({esc(name)})</span></li>"
        for name, caution in row.cautions
    )
    how: dict[str, list[str]] = {}
    for name, line in row.how_to:
        how.setdefault(name, []).append(f"<li>{esc(line)}</li>")
    how_to = "".join(
        f"<p><b>{esc(name)}</b></p><ol>{''.join(lines)}</ol>" for name, lines in how.items()
    )
    source = f"<p><b>Source:</b> {esc(row.source)}</p>" if row.source else ""
    shadow = (
        f"<p><i>Your own routine, replacing the bundled one "
        f"({esc(display_path(row.shadows))}).</i></p>"
        if row.shadows
        else ""
    )
    return (
        f"<h1 style='margin-bottom:2px'>{esc(row.title)}</h1>"
        f"<p style='font-size:17px'><b>{clock(row.duration_seconds)}</b> · "
        f"{counted(row.steps, 'step')} · {esc(', '.join(row.positions))}</p>"
        f"<p style='font-size:16px'>{esc(row.summary)}</p>{shadow}"
        f"<h3>Exercises</h3><ol>{steps}</ol>"
        f"<h3>Cautions</h3><ul>{cautions}</ul><h3>How to</h3>{how_to}{source}"
    )
