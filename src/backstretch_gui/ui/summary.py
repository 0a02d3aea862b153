"""The summary after a session: what was done, what was skipped, how long it took."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..core.session import Outcome, SessionReport
from ..core.words import clock


class SummaryPage(QWidget):
    """Signals: againRequested(), backRequested()."""

    againRequested = Signal()
    backRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryView")
        self.setAccessibleName("Session summary")
        self.heading = QLabel()
        self.heading.setObjectName("summaryHeading")
        self.heading.setProperty("role", "title")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.title = QLabel()  # the routine's, as its file has it: plain text
        self.title.setObjectName("summaryRoutineTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.stats = QLabel()
        self.stats.setObjectName("summaryStats")
        self.stats.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stats.setTextFormat(Qt.TextFormat.RichText)
        self.stats.setWordWrap(True)
        self.againButton = QPushButton("Again")
        self.againButton.setObjectName("againButton")
        self.againButton.setProperty("accent", True)
        self.againButton.setMinimumSize(180, 52)
        self.backButton = QPushButton("Back to routines")
        self.backButton.setObjectName("backButton")
        self.backButton.setMinimumSize(180, 52)
        self.againButton.clicked.connect(self.againRequested)
        self.backButton.clicked.connect(self.backRequested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.backButton)
        buttons.addWidget(self.againButton)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.setSpacing(24)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.title)
        layout.addWidget(self.stats)
        layout.addLayout(buttons)
        layout.addStretch(2)

    def show_report(self, report: SessionReport) -> None:
        done = report.count(Outcome.DONE)
        skipped = report.count(Outcome.SKIPPED)
        finished = report.finished
        self.heading.setText("Well done" if finished and done else "Session ended")
        font = self.heading.font()
        font.setPixelSize(44)
        self.heading.setFont(font)
        self.title.setText(report.title)
        font = self.title.font()
        font.setPixelSize(20)
        self.title.setFont(font)
        marks = {
            Outcome.DONE: "✓ done",
            Outcome.SKIPPED: "– skipped",
            Outcome.PENDING: "– not reached",
            Outcome.CUT_SHORT: "– cut short",
        }
        if report.cut_short is not None:
            spent, length = report.cut_short
            marks[Outcome.CUT_SHORT] = f"– cut short: {clock(spent)} of {clock(length)}"
        rows = "".join(
            f"<tr><td style='padding:4px 16px'>{html.escape(name)}</td>"
            f"<td style='padding:4px 16px'>{marks[outcome]}</td></tr>"
            for name, outcome in report.steps
        )
        self.stats.setText(
            f"<p style='font-size:22px'><b>{done}</b> done · <b>{skipped}</b> skipped"
            f" · <b>{clock(report.active_seconds)}</b> taken</p>"
            f"<table align='center' style='font-size:17px'>{rows}</table>"
        )
