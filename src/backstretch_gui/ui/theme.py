"""Colours and type: one accent, light and dark palettes that follow the system.

Every text colour here is checked against its background for a contrast ratio of at
least 4.5:1 (tests/ui/test_theme.py), in both palettes.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

TYPE_CHECKING = False  # the session core is not imported at start-up
if TYPE_CHECKING:
    from ..core.timeline import SegmentKind

ACCENT = "#14A38B"
"""The one accent colour (also the highlight in the illustrations)."""


class Theme(NamedTuple):  # a NamedTuple, not a dataclass: dataclasses costs 1 ms to import
    dark: bool
    window: str
    surface: str
    """Cards and panes, a step away from the window colour."""
    text: str
    muted: str
    """Secondary text; still at least 4.5:1 on window and surface."""
    accent: str
    accent_text: str
    """Text in the accent colour, on the window colour."""
    accent_fill: str
    """Buttons and badges filled with the accent, dark enough for white text."""
    on_accent: str
    """Text on an accent-filled button."""
    right_fill: str
    """The right side's badge: a colour of its own, so left and right differ by more
    than the word (the left side's badge is ``accent_fill``)."""
    track: str
    """The empty part of the countdown ring."""
    warning: str
    kinds: dict[str, str]
    """Ring colour per segment kind (its value): get ready, stretch, rest, switch sides."""

    def kind_colour(self, kind: SegmentKind) -> QColor:
        return QColor(self.kinds[kind.value])


def _kinds(ready: str, work: str, rest: str, switch: str) -> dict[str, str]:
    # Keyed by SegmentKind values; plain strings keep the session core out of start-up.
    return {
        "prep": ready,
        "transition": ready,
        "hold": work,
        "phase": work,
        "rest": rest,
        "switch": switch,
    }


LIGHT = Theme(
    dark=False,
    window="#F7F7F5",
    surface="#FFFFFF",
    text="#1D232B",
    muted="#545D69",
    accent=ACCENT,
    accent_text="#0B7563",
    accent_fill="#0B7563",
    on_accent="#FFFFFF",
    right_fill="#A8461C",
    track="#E2E5E9",
    warning="#9A3B00",
    kinds=_kinds(ready="#C77700", work=ACCENT, rest="#3B7DD8", switch="#8A5CD0"),
)

DARK = Theme(
    dark=True,
    window="#1E1F22",
    surface="#2A2C30",
    text="#ECEDEF",
    muted="#AEB4BD",
    accent=ACCENT,
    accent_text="#3FD1B6",
    accent_fill="#0E8571",
    on_accent="#FFFFFF",
    right_fill="#B3501F",
    track="#3A3D42",
    warning="#FFB074",
    kinds=_kinds(ready="#F0A23B", work="#2BC2A6", rest="#6AA5F5", switch="#B48CF2"),
)


def system_prefers_dark() -> bool:
    # The first use of the `Qt` namespace makes PySide build all of its ~100 enum
    # types (about 12 ms), so the window names it only after its first paint.
    from PySide6.QtCore import Qt

    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def for_scheme(dark: bool) -> Theme:
    return DARK if dark else LIGHT


def palette(theme: Theme) -> QPalette:
    p = QPalette()
    roles = QPalette.ColorRole
    for role, colour in [
        (roles.Window, theme.window),
        (roles.WindowText, theme.text),
        (roles.Base, theme.surface),
        (roles.AlternateBase, theme.window),
        (roles.Text, theme.text),
        (roles.Button, theme.surface),
        (roles.ButtonText, theme.text),
        (roles.PlaceholderText, theme.muted),
        (roles.ToolTipBase, theme.surface),
        (roles.ToolTipText, theme.text),
        (roles.Highlight, theme.accent),
        (roles.HighlightedText, theme.on_accent),
        (roles.Link, theme.accent_text),
        (roles.Accent, theme.accent),
    ]:
        p.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(disabled, role, QColor(theme.muted))
    return p


def style_sheet(theme: Theme) -> str:
    return f"""
    QToolTip {{
        color: {theme.text}; background: {theme.surface}; border: 1px solid {theme.track};
    }}
    QLineEdit {{
        padding: 8px 12px; border-radius: 10px; border: 1px solid {theme.track};
        background: {theme.surface}; font-size: 16px;
    }}
    QLineEdit:focus {{ border: 2px solid {theme.accent}; }}
    QListView {{
        border: none; background: transparent; outline: none;
    }}
    QListView::item {{ padding: 10px; border-radius: 12px; margin: 2px 0; }}
    QListView::item:selected {{ background: {theme.surface}; color: {theme.text};
        border: 2px solid {theme.accent}; }}
    QListView::item:hover:!selected {{ background: {theme.surface}; }}
    QPushButton {{
        padding: 8px 18px; border-radius: 10px; border: 1px solid {theme.track};
        background: {theme.surface}; color: {theme.text};
    }}
    QPushButton:hover {{ border-color: {theme.accent}; }}
    QPushButton:focus {{ border: 2px solid {theme.accent}; }}
    QPushButton[accent="true"] {{
        background: {theme.accent_fill};
        color: {theme.on_accent}; border: none; font-weight: 600;
    }}
    QPushButton[accent="true"]:disabled {{
        background: {theme.track}; color: {theme.muted};
    }}
    QPushButton[round="true"] {{ border-radius: 36px; padding: 0; }}
    QPushButton:checked {{ border: 2px solid {theme.accent}; color: {theme.accent_text};
        font-weight: 600; }}
    QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"] {{
        border: 2px solid {theme.warning}; }}
    QProgressBar {{
        border: none; border-radius: 4px; background: {theme.track}; max-height: 8px;
    }}
    QProgressBar::chunk {{ border-radius: 4px; background: {theme.accent}; }}
    QFrame#banner {{ background: {theme.surface}; border: 1px solid {theme.track};
        border-left: 6px solid {theme.accent}; border-radius: 10px; }}
    QFrame#card, QFrame#howToPanel {{ background: {theme.surface}; border-radius: 16px; }}
    QLabel[role="muted"] {{ color: {theme.muted}; }}
    QLabel[role="title"] {{ font-weight: 700; }}
    QLabel[role="heading"] {{ font-size: 17px; font-weight: 700; }}
    QLabel[role="warning"] {{ color: {theme.warning}; }}
    QScrollArea {{ border: none; background: transparent; }}
    QScrollBar:vertical {{ width: 10px; background: transparent; margin: 2px; }}
    QScrollBar::handle:vertical {{
        background: {theme.track}; border-radius: 3px; min-height: 32px;
    }}
    QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; }}
    QScrollBar::add-page, QScrollBar::sub-page {{ background: transparent; }}
    """


STYLE_ARGUMENTS = ["-style", "fusion"]
"""Give these to QApplication to start in Fusion; see ``apply``."""
FUSION_SET = "backstretchFusion"


def apply(app: QApplication, theme: Theme) -> Theme:
    # An app started with STYLE_ARGUMENTS is marked and skips setStyle(): its QStyle
    # return value makes PySide build QStyle's enum types, 10 ms of start-up.
    if not app.property(FUSION_SET):
        app.setStyle("Fusion")
        app.setProperty(FUSION_SET, True)
    font = app.font()
    font.setPixelSize(15)  # set here, not in the style sheet, so widgets can scale theirs
    app.setFont(font)
    app.setPalette(palette(theme))
    app.setStyleSheet(style_sheet(theme))
    return theme


def contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two colours."""

    def luminance(colour: str) -> float:
        c = QColor(colour)
        channels = []
        for value in (c.redF(), c.greenF(), c.blueF()):
            linear = value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
            channels.append(linear)
        r, g, b = channels
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
