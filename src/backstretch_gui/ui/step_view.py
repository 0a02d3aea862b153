"""The step view: what a person on the floor, two metres away, follows.

It only listens to the session driver's signals and sends it commands; all timing
lives in the driver and the core.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAction,
    QColor,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..core.enums import Breath, Sides
from ..core.plan import ExercisePlan
from ..core.session import CueDue, State
from ..core.timeline import CueKind, Segment, SegmentKind
from ..core.words import SAFETY_NOTICE, about, clock
from ..services.driver import SessionDriver
from . import icons, theme
from .illustration import IllustrationView
from .labels import plain_label
from .ring import CountdownRing

if TYPE_CHECKING:
    from .how_to import HowToPanel

KIND_CAPTIONS = {
    SegmentKind.PREP: "Get ready",
    SegmentKind.TRANSITION: "Get ready",
    SegmentKind.HOLD: "Hold",
    SegmentKind.PHASE: "Move",
    SegmentKind.REST: "Rest",
    SegmentKind.SWITCH: "Switch sides",
}


def ring_word(segment: Segment) -> str:
    """The ring's word follows the phase: a phase that stays in one picture (the
    bridge's "Hold and keep breathing") is held, not moved."""
    if segment.kind is SegmentKind.PHASE and segment.from_keyframe is None:
        return "Hold"
    return KIND_CAPTIONS[segment.kind]


def rep_words(segment: Segment) -> str:
    """ "Rep 2 of 5"; a rest says which rep comes next; nothing for a single rep."""
    if not segment.rep or segment.reps <= 1:
        return ""
    if segment.kind is SegmentKind.REST:
        return f"Rep {segment.rep + 1} of {segment.reps} next"
    return f"Rep {segment.rep} of {segment.reps}"


BREATH_TEXT = {Breath.IN: "Breathe in", Breath.OUT: "Breathe out", Breath.HOLD: "Hold"}


def _pixel_font(widget: QWidget, pixels: int, weight: int = 400) -> None:
    font = widget.font()
    font.setPixelSize(max(10, pixels))
    font.setWeight(font.Weight(weight))
    widget.setFont(font)


MIN_SIZE = QSize(720, 440)
"""The smallest the step view may be made; its type is sized for that height then."""
LEFT_SHARE, RIGHT_SHARE, MAIN_SPACING = 11, 9, 32
"""The words and the picture take 11 parts of the width, the ring 9, 32 px apart."""
CONTROLS_SHOWN_MS = 3000
"""In focus mode, how long the buttons stay after the mouse last moved."""


class StepView(QWidget):
    """Signals: stopRequested() when the stop button is pressed (the window asks first)."""

    stopRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepView")
        self.setAccessibleName("Step view")
        # A fixed floor, not the layout's minimum: the type grows with the height, so a
        # minimum worked out from the type would keep a window from shrinking again
        # (from full screen to 1024x600) and the type from shrinking with it.
        self.setMinimumSize(MIN_SIZE)
        self.theme = theme.LIGHT
        self.driver: SessionDriver | None = None
        self.exercises: dict[str, ExercisePlan] = {}
        self._fading = False
        self._build()

    # --- construction ---------------------------------------------------------------

    def _build(self) -> None:
        # Titles and names may be 120 characters long: elided, so they never set the
        # window's width, and a long name does not push the picture off the screen.
        self.routineTitle = plain_label("routineTitle", role="muted", max_lines=1)
        self.timeLeft = plain_label("timeLeftLabel", role="muted")
        self.timeLeft.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # A fixed width, so a new second never re-lays out the whole view.
        self.timeLeft.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.progress = SlimProgress()
        self.progress.setObjectName("routineProgress")
        self.progress.setAccessibleName("Routine progress")
        self.progress.setTextVisible(False)
        self.progress.setRange(0, 1000)

        self.exerciseName = plain_label("exerciseName", max_lines=2)
        self.sideLabel = plain_label("sideLabel")
        self.sideLabel.setWordWrap(True)  # "Lie on your right side, left arm opens" wraps
        # Never shorter than its lines: a squeezed layout takes the room elsewhere.
        self.sideLabel.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        # Padding as margins, not in the style sheet: a label counts its margins when it
        # works out the height its wrapped lines need, and the layout gives it that.
        self.sideLabel.setContentsMargins(14, 4, 14, 4)
        self.repLabel = plain_label("repLabel", role="muted")
        self.illustration = IllustrationView()
        self.cueText = plain_label("cueText", max_lines=4, yields=True)
        # The safety notice at the start of every session, not only in the picker's
        # banner (which "Got it" hides for good): it goes once the first step begins.
        # On a small screen it gives up its last lines ("…") before the picture shrinks
        # away; the whole notice is in Help → About and on the printable sheet.
        self.safetyReminder = plain_label(
            "safetyReminder", SAFETY_NOTICE, role="muted", max_lines=3, yields=True
        )
        self.breathLabel = plain_label("breathLabel")
        self.ring = CountdownRing()
        self.nextUpLabel = plain_label("nextUpLabel", role="muted")
        self.nextUpLabel.setWordWrap(True)
        self.nextUpLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self._how_to: HowToPanel | None = None  # built when first opened (memory)
        self.howToButton = QPushButton("How to")
        self.howToButton.setObjectName("howToButton")
        self.howToButton.setAccessibleName("How to do this exercise")
        self.howToButton.setToolTip("Every step of this exercise; pauses while open (H)")
        self.howToButton.setCheckable(True)
        self.howToButton.setMinimumWidth(110)  # bold while open: never clipped
        self.howToButton.clicked.connect(self.toggle_how_to)
        how_to_key = QAction("How to", self)
        how_to_key.setShortcut(QKeySequence("H"))
        how_to_key.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        how_to_key.triggered.connect(self.toggle_how_to)
        self.addAction(how_to_key)
        self.cautionsButton = QPushButton("Cautions")
        self.cautionsButton.setObjectName("cautionsButton")
        self.cautionsButton.setToolTip("What to watch out for in this exercise")
        self.cautionsButton.clicked.connect(self.show_cautions)
        self.previousButton = self._control("previousButton", "Previous (Left or P)")
        self.playPauseButton = self._control("playPauseButton", "Play or pause (Space)")
        self.nextButton = self._control("nextButton", "Next exercise (Right or N)")
        self.stopButton = self._control("stopButton", "Stop (Esc)")
        self.playPauseButton.setProperty("accent", True)

        header = QHBoxLayout()
        header.addWidget(self.routineTitle, 1)
        header.addWidget(self.timeLeft)

        badges = QHBoxLayout()
        self._badges = badges
        self._badge_side: Sides | None = None
        badges.addWidget(self.sideLabel)
        badges.addStretch(1)

        left = QVBoxLayout()
        left.setSpacing(10)
        counts = QHBoxLayout()  # the rep and the breath: one row, so the picture keeps room
        counts.setSpacing(24)
        counts.addWidget(self.repLabel)
        counts.addWidget(self.breathLabel)
        counts.addStretch(1)
        left.addWidget(self.exerciseName)
        left.addLayout(badges)
        left.addLayout(counts)
        picture = QHBoxLayout()
        picture.setSpacing(16)
        picture.addWidget(self.illustration, 1)
        self._picture_row = picture
        left.addLayout(picture, 1)
        left.addWidget(self.cueText)
        left.addWidget(self.safetyReminder)

        right = QVBoxLayout()
        right.addWidget(self.ring, 1)  # all the height there is: the count is read most
        right.addWidget(self.nextUpLabel)

        main = QHBoxLayout()
        main.setSpacing(MAIN_SPACING)
        main.addLayout(left, LEFT_SHARE)
        main.addLayout(right, RIGHT_SHARE)

        # In focus mode the buttons step aside for the picture and the ring, and come
        # back while the mouse moves or the session waits (keys work all the time).
        self.controlsBar = QWidget()
        self.controlsBar.setObjectName("sessionControls")
        controls = QHBoxLayout(self.controlsBar)
        controls.setContentsMargins(0, 0, 0, 0)
        controls.setSpacing(16)
        controls.addWidget(self.howToButton)
        controls.addWidget(self.cautionsButton)
        controls.addStretch(1)
        for button in (self.previousButton, self.playPauseButton, self.nextButton):
            controls.addWidget(button)
        controls.addStretch(1)
        controls.addWidget(self.stopButton)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 20)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addWidget(self.progress)
        layout.addLayout(main, 1)
        layout.addWidget(self.controlsBar)
        self.focus_mode = False
        self._controls_timer = QTimer(self)
        self._controls_timer.setSingleShot(True)
        self._controls_timer.setInterval(CONTROLS_SHOWN_MS)
        self._controls_timer.timeout.connect(self._show_controls_as_needed)
        self.stopButton.clicked.connect(self.stopRequested)
        self.previousButton.clicked.connect(lambda: self._command(SessionDriver.previous))
        self.playPauseButton.clicked.connect(lambda: self._command(SessionDriver.toggle))
        self.nextButton.clicked.connect(lambda: self._command(SessionDriver.next))

    def _command(self, command: Callable[[SessionDriver], None]) -> None:
        if self.driver is not None:
            command(self.driver)

    def _control(self, name: str, tip: str) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space belongs to play/pause
        button.setProperty("round", True)
        button.setFixedSize(72, 72)
        return button

    # --- wiring ---------------------------------------------------------------------

    def attach(self, driver: SessionDriver, exercises: dict[str, ExercisePlan]) -> None:
        """Follow ``driver``; the window retires the previous driver (and its signals)."""
        self.driver, self.exercises = driver, exercises
        self._fading = False
        if self._how_to is not None:
            self._how_to.forget()
        self.howToButton.setChecked(False)
        self.routineTitle.setText(driver.timeline.title)
        driver.segmentStarted.connect(self.show_segment)
        driver.tick.connect(self.refresh)
        driver.frame.connect(self.ring.refresh)  # straight to the ring: frames are many
        driver.stateChanged.connect(self.show_state)
        driver.cueDue.connect(self._announce)
        self.ring.set_source(driver.remaining)
        self.show_segment(driver.segment)
        self.show_state(driver.state)

    def apply_theme(self, chosen: theme.Theme) -> None:
        self.theme = chosen
        self.ring.set_colours(QColor(chosen.track), QColor(chosen.text), QColor(chosen.window))
        self.progress.track, self.progress.fill = QColor(chosen.track), QColor(chosen.accent)
        self.illustration.set_placeholder_colour(QColor(chosen.muted))
        # Style sheets are set here, once per theme: setting one re-polishes the widget.
        self._badge_side = None  # the badge's style follows the theme
        if self.driver is None:
            self._style_side_badge(Sides.LEFT)
        self.breathLabel.setStyleSheet(f"color: {chosen.accent_text}; font-weight: 700;")
        for name, button in [
            ("previous", self.previousButton),
            ("next", self.nextButton),
            ("stop", self.stopButton),
        ]:
            button.setIcon(icons.icon(name, chosen.text))
        self._update_play_icon()
        self.scale_to_height()  # a new style sheet resets the fonts set on widgets
        if self.driver is not None:
            self.show_segment(self.driver.segment)

    # --- showing --------------------------------------------------------------------

    def show_segment(self, segment: Segment) -> None:
        driver = self.driver
        if driver is None:
            return
        self.exerciseName.setText(segment.exercise_name)
        self.safetyReminder.setVisible(segment.index == 0)
        if self.how_to_open:  # skipped on: the panel follows the exercise
            self.howTo.show_exercise(self.exercises.get(segment.exercise_id))
        side = segment.side_words  # "Left side", or what the exercise names it
        self.sideLabel.setText(side)
        self.sideLabel.setVisible(bool(side))
        self._style_side_badge(segment.side)
        self._fit_side_badge()
        colour = self.theme.kind_colour(segment.kind)
        self.repLabel.setText(rep_words(segment))
        self.cueText.setText(segment.cue)
        breath = BREATH_TEXT.get(segment.breath, "")
        self.breathLabel.setText(breath)
        # Getting ready has neither: its row gives its room to the picture.
        self.repLabel.setVisible(bool(self.repLabel.text()))
        self.breathLabel.setVisible(bool(breath))
        self.ring.set_segment(segment.seconds, colour, ring_word(segment))
        # Between whole seconds only the arc moves, and a figure in mid-movement.
        if self._fading:
            driver.frame.disconnect(self.illustration.update)
        self._fading = segment.from_keyframe is not None
        if self._fading:
            driver.frame.connect(self.illustration.update)
        self.illustration.show_keyframe(
            segment.keyframe,
            segment.mirrored,
            segment.from_keyframe,
            lambda: driver.segment_elapsed() / segment.seconds,
            description=f"{segment.exercise_name}: {segment.cue}",
        )
        self.nextUpLabel.setText(self._next_up(segment))
        self.refresh()

    def _fit_side_badge(self) -> None:
        """Words longer than a line take the whole column (two lines, not three); short
        ones keep a badge as wide as they are. The column's width is worked out from the
        view's own (the labels' may still be last size's)."""
        label = self.sideLabel
        margins = label.contentsMargins()
        sides = margins.left() + margins.right()
        words = label.fontMetrics().horizontalAdvance(label.text()) + sides
        layout = self.layout()
        outer = layout.contentsMargins() if layout is not None else margins
        inner = self.width() - outer.left() - outer.right() - MAIN_SPACING
        column = inner * LEFT_SHARE // (LEFT_SHARE + RIGHT_SHARE)
        long = words > column
        self._badges.setStretch(0, 1 if long else 0)
        self._badges.setStretch(1, 0 if long else 1)

    def _style_side_badge(self, side: Sides) -> None:
        """Left and right differ by more than the word: the right side's badge has a
        colour of its own (rust; the left side's is teal)."""
        right = side is Sides.RIGHT
        if self._badge_side is not None and (self._badge_side is Sides.RIGHT) == right:
            return  # a style sheet re-polishes the widget: set only when it changes
        self._badge_side = side
        fill = self.theme.right_fill if right else self.theme.accent_fill
        self.sideLabel.setStyleSheet(
            f"color: {self.theme.on_accent}; background: {fill};"
            "border-radius: 12px; font-weight: 700;"
        )

    def _next_up(self, segment: Segment) -> str:
        timeline = self.driver.timeline if self.driver else None
        if timeline is None:
            return ""
        following = timeline.segments[segment.index + 1 :]
        upcoming = next((s for s in following if s.step != segment.step), None)
        if upcoming is None:
            return "Last exercise"
        span = timeline.steps[upcoming.step]
        return f"Next: {span.exercise_name}, {about(span.seconds)}"

    def refresh(self) -> None:
        driver = self.driver
        if driver is None:
            return
        if self.illustration.moving and driver.state is State.RUNNING:
            self.illustration.update()
        total = driver.timeline.total_seconds
        position = driver.position()
        value = round(1000 * position / total) if total else 1000
        if value != self.progress.value():
            self.progress.show_value(value)
        left = f"{clock(driver.total_remaining())} left"
        if left != self.timeLeft.text():
            self.timeLeft.setText(left)
        # Last: the ring repaints at once, and with it everything marked above, so a
        # second costs one paint and one flush to the screen, not two.
        self.ring.refresh()

    def show_state(self, state: State) -> None:
        self.ring.set_paused(state is State.PAUSED)
        self._update_play_icon()
        self._show_controls_as_needed()

    # --- focus mode -----------------------------------------------------------------

    def set_focus_mode(self, on: bool) -> None:
        """Full screen for following from the floor: the buttons give their room to the
        picture and the ring while the session runs, the type grows with the screen."""
        if on == self.focus_mode:
            return
        self.focus_mode = on
        app = QApplication.instance()
        if app is not None:
            if on:  # a mouse moving anywhere in the window brings the buttons back
                app.installEventFilter(self)
            else:
                app.removeEventFilter(self)
        self._controls_timer.stop()
        self._show_controls_as_needed()
        self.scale_to_height()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        moved = event.type() in (QEvent.Type.MouseMove, QEvent.Type.MouseButtonPress)
        if moved and self.focus_mode and self.isVisible():
            self._controls_timer.start()
            self.controlsBar.setVisible(True)
        return False

    def _show_controls_as_needed(self) -> None:
        running = self.driver is not None and self.driver.state is State.RUNNING
        hide = self.focus_mode and running and not self._controls_timer.isActive()
        self.controlsBar.setVisible(not hide)

    def _update_play_icon(self) -> None:
        running = self.driver is not None and self.driver.state is State.RUNNING
        self.playPauseButton.setIcon(icons.icon("pause" if running else "play", "#FFFFFF"))
        self.playPauseButton.setToolTip(("Pause" if running else "Start") + " (Space)")

    def _announce(self, due: CueDue) -> None:
        """Screen readers hear every spoken cue too."""
        if due.cue.kind is not CueKind.SPEECH:
            return
        self.cueText.setAccessibleDescription(due.cue.text)
        if QAccessible.isActive():
            QAccessible.updateAccessibility(
                QAccessibleAnnouncementEvent(self.cueText, due.cue.text)
            )

    @property
    def howTo(self) -> HowToPanel:
        """Every instruction of the exercise, beside the picture; built when first
        needed, as most sessions never open it."""
        if self._how_to is None:
            from .how_to import HowToPanel

            self._how_to = HowToPanel()
            self._picture_row.addWidget(self._how_to, 1)
        return self._how_to

    @property
    def how_to_open(self) -> bool:
        return self._how_to is not None and self._how_to.isVisible()

    def toggle_how_to(self) -> None:
        """Open or close every instruction of the exercise (pausing while open)."""
        if self.how_to_open:
            self.howTo.close_panel()
        elif self.driver is not None:
            exercise = self.exercises.get(self.driver.segment.exercise_id)
            self.howTo.open(self.driver, exercise)
        self.howToButton.setChecked(self.howTo.isVisible())

    def show_cautions(self) -> None:
        """The exercise's cautions over the ring; the session waits while they show."""
        driver = self.driver
        if driver is None:
            return
        exercise = self.exercises.get(driver.segment.exercise_id)
        if exercise is None:
            return
        from .cautions import CautionsCard

        card = CautionsCard(self, exercise, driver)
        card.show_over(self.ring)
        self._cautions_popup = card

    # --- scaling --------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scale_to_height()

    def scale_to_height(self) -> None:
        """Type and buttons grow with the window, so the view reads well when maximised."""
        height = self.height()
        # Read from the floor 2 m away: at 1280x800 the name, the side and the rep stand
        # at least 36 px tall in capitals, the cue 28 px and "Next" 20 px (a capital is
        # about 0.73 of the font's pixel size).
        _pixel_font(self.exerciseName, max(28, round(height * 0.07)), 700)
        _pixel_font(self.cueText, max(22, round(height * 0.055)), 500)
        _pixel_font(self.breathLabel, max(20, round(height * 0.045)), 700)
        _pixel_font(self.sideLabel, max(22, round(height * 0.07)), 700)
        _pixel_font(self.repLabel, max(22, round(height * 0.07)), 600)
        _pixel_font(self.nextUpLabel, max(17, round(height * 0.039)), 500)
        _pixel_font(self.routineTitle, max(15, round(height * 0.022)), 600)
        # In focus mode the time left is read from the floor too.
        left = 0.034 if self.focus_mode else 0.022
        _pixel_font(self.timeLeft, max(15, round(height * left)), 600)
        # A fixed size both ways: its text changes every second, and a label of fixed
        # size does not make the whole view lay itself out again each time.
        metrics = self.timeLeft.fontMetrics()
        width = metrics.horizontalAdvance("88:88 left") + 8
        self.timeLeft.setFixedSize(width, metrics.height() + 4)
        size = max(56, round(height * 0.09))
        for button in (self.previousButton, self.nextButton, self.stopButton):
            button.setFixedSize(size, size)
            button.setIconSize(button.size() * 0.6)
            button.setStyleSheet(f"border-radius: {size // 2}px;")
        self._fit_side_badge()  # its font (and the view's width) changed
        big = round(size * 1.25)
        self.playPauseButton.setFixedSize(big, big)
        self.playPauseButton.setIconSize(self.playPauseButton.size() * 0.6)
        self.playPauseButton.setStyleSheet(f"border-radius: {big // 2}px;")


class SlimProgress(QProgressBar):
    """The routine's progress as a thin rounded bar, painted directly.

    The styled QProgressBar cost over a millisecond a repaint, once a second.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setTextVisible(False)
        self.setFixedHeight(8)
        self.track = QColor("#E2E5E9")
        self.fill = QColor("#14A38B")

    def show_value(self, value: int) -> None:
        """Like setValue(), but painted with everything else: QProgressBar.setValue()
        repaints at once, a paint and a flush of its own (about a millisecond)."""
        self.setUpdatesEnabled(False)
        self.setValue(value)
        self.setUpdatesEnabled(True)  # schedules an ordinary update

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        rect = QRectF(self.rect())
        radius = rect.height() / 2
        painter.setBrush(self.track)
        painter.drawRoundedRect(rect, radius, radius)
        span = self.maximum() - self.minimum()
        share = (self.value() - self.minimum()) / span if span else 1.0
        if share > 0:
            painter.setBrush(self.fill)
            done = QRectF(
                rect.x(), rect.y(), max(rect.height(), rect.width() * share), rect.height()
            )
            painter.drawRoundedRect(done, radius, radius)
