"""The application controller: what happens between the parts, in one place.

It opens routines (by id, or a file from elsewhere), builds and retires the session
driver, decides how a stop goes, keeps the screen awake while a session runs, and owns
the sound, voice and media keys. Views get it and listen to its signals; they never
build their own access to the core (as Dangerzone's ``DangerzoneGui``).

Signals:
    sessionOpened(SessionDriver): a routine is open, ready (or started).
    sessionEnded(SessionReport): the session finished or was stopped.
    sessionClosed(): the session is gone (back to the routines).
    listingChanged(Listing): the routines were read again.
    fileBroke(str): a listed routine's file can no longer be read; the path.
    cannotOpen(str): a routine could not be opened; the message, in plain words.
    routineSaved(str): a routine file was written (by the editor); its path.
    notice(str): a quiet notice for the window's notice area.
    raiseRequested(): the desktop's media controls asked to show the window.
"""

from __future__ import annotations

import datetime
import enum
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ..core import listing
from ..core.files import names_a_file
from .settings import Settings

# The window is built with the controller before its first frame; the session core
# (and `dataclasses` with it) is imported with the first session, not before.
if TYPE_CHECKING:
    from ..core.listing_rows import Listing
    from ..core.pacing import ArcPace
    from ..core.plan import ExercisePlan, RoutinePlan
    from ..core.session import State
    from ..core.speech_plan import SpeechPace
    from .driver import SessionDriver
    from .folder_watch import FolderWatch
    from .hands_free import HandsFree
    from .inhibit import ScreenSaverInhibitor

Clock = Callable[[], float]

ASK_BEFORE_STOP_AFTER = 60.0
"""A stop asks first once a session has run longer than this (seconds)."""
RELEASE_SCREEN_AFTER_PAUSE_MS = 120_000
"""A paused session lets the screen saver in after this long."""


class StopPolicy(enum.Enum):
    """What a stop request should do now."""

    LEAVE = "leave"
    """Nothing runs (not started, finished or stopped): back to the routines."""
    ASK = "ask"
    """A session past its first minute: ask the person first."""
    STOP = "stop"
    """Stop at once and show what was done."""


class AppController(QObject):
    sessionOpened = Signal(object)
    sessionEnded = Signal(object)
    sessionClosed = Signal()
    listingChanged = Signal(object)
    fileBroke = Signal(str)
    cannotOpen = Signal(str)
    routineSaved = Signal(str)
    notice = Signal(str)
    raiseRequested = Signal()

    def __init__(
        self,
        settings: Settings,
        clock: Clock = time.monotonic,
        sources: tuple[Path, listing.Folders] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.clock = clock
        """The monotonic clock sessions run on (tests and screenshots pass a fake one)."""
        self.sources = sources
        """The catalog and routine folders; None for the bundled and the user's."""
        self.listing: Listing | None = None
        self.driver: SessionDriver | None = None
        self.routine = ""
        """The id or path of the open routine ("Again" opens it anew)."""
        self._plan: RoutinePlan | None = None
        """The open routine's plan, kept to retime it."""
        self._safety_first = False
        """The open session was compiled to say the safety notice (kept to retime it)."""
        self.fixed_pace: SpeechPace | None = None
        """A speaking pace to plan with instead of the measured or estimated one."""
        self._phrases: dict[tuple[str, float], list[tuple[int, float]]] = {}
        """(characters, seconds) of phrases said to their end, by voice and rate."""
        self._watch: FolderWatch | None = None
        self._inhibitor: ScreenSaverInhibitor | None = None
        self._hands_free: HandsFree | None = None
        self._arc_pace: ArcPace | None = None
        self._release_timer = QTimer(self)
        self._release_timer.setSingleShot(True)
        self._release_timer.setInterval(RELEASE_SCREEN_AFTER_PAUSE_MS)
        self._release_timer.timeout.connect(self.release_screen)

    @property
    def arc_pace(self) -> ArcPace:
        """The ring's arc length in device pixels: the ring keeps it up to date, every
        session driver is built with it and paces its frames by it."""
        if self._arc_pace is None:
            from ..core.pacing import ArcPace

            self._arc_pace = ArcPace()
        return self._arc_pace

    # --- routines -------------------------------------------------------------------

    def read_listing(self) -> Listing:
        """The routines, bundled and the user's (through the listing cache)."""
        catalog, folders = self.sources or listing.default_sources()
        self.listing = listing.routine_listing(catalog, folders)
        self.listingChanged.emit(self.listing)
        return self.listing

    def watch_routines(self) -> None:
        """Read the list again when the user's routine files change (by any program)."""
        from .folder_watch import FolderWatch

        if self._watch is None:
            _, folders = self.sources or listing.default_sources()
            user = [folder for folder, origin in folders if origin == "user"]
            if user:
                self._watch = FolderWatch(user[0], self)
                self._watch.changed.connect(self.read_listing)

    def open(self, id_or_path: str, start: bool = False) -> bool:
        """Open a routine (listed id, or a file), ready or started; False, with
        ``cannotOpen`` (and ``fileBroke`` for a listed file that broke), if not."""
        from ..core.problems import InvalidFileError

        catalog, folders = self.sources or listing.default_sources()
        plan = listing.routine_plan(id_or_path, catalog, folders)
        try:
            if plan is None and names_a_file(id_or_path):
                plan = _plan_of_file(Path(id_or_path), catalog)
        except InvalidFileError as error:
            self.cannotOpen.emit("This routine can't be opened:\n\n" + str(error))
            return False
        if plan is None:
            listed = self.listing.find(id_or_path) if self.listing is not None else None
            if listed is not None:  # its file broke after the list was read
                self.read_listing()
                self.fileBroke.emit(listed.file)
                self.cannotOpen.emit(
                    "This routine's file has changed and can no longer be read. "
                    "The list of routines shows what is wrong with it."
                )
            else:
                self.cannotOpen.emit(f"There is no routine called “{id_or_path}”.")
            return False
        self._begin(id_or_path, plan)
        if start:
            self.start()
        return True

    def try_plan(self, plan: RoutinePlan) -> None:
        """Run a routine that is not in the library yet (the editor's draft), started."""
        self._begin("", plan)
        self.start()

    @property
    def exercises(self) -> dict[str, ExercisePlan]:
        """The open routine's exercises (their names and cautions), by id."""
        return self._plan.exercises if self._plan is not None else {}

    def again(self) -> bool:
        """The routine just done (or stopped), from the start."""
        return self.open(self.routine, start=True)

    # --- the session ----------------------------------------------------------------

    def start(self) -> None:
        if self.driver is not None:
            self.driver.start()

    def start_planned_for_the_voice(self) -> None:
        """Start once the voice is ready (``--start``): the routine was planned before
        the voice was known, so it is planned again with that voice's pace first."""
        self._replan_if_ready()
        self.start()

    def stop_policy(self) -> StopPolicy:
        from ..core.session import State

        driver = self.driver
        if driver is None or driver.state in (State.FINISHED, State.STOPPED):
            return StopPolicy.LEAVE
        elapsed = driver.active_elapsed()
        if elapsed > ASK_BEFORE_STOP_AFTER:
            return StopPolicy.ASK
        if elapsed == 0 and driver.state is State.READY:
            return StopPolicy.LEAVE
        return StopPolicy.STOP

    def request_stop(self, ask: Callable[[], bool]) -> StopPolicy:
        """Esc or the stop button: stops, after ``ask`` says yes where the policy asks
        (a session that was running and is paused by the question runs on if not).
        LEAVE says there is nothing to stop: the window goes back to the routines."""
        policy = self.stop_policy()
        driver = self.driver
        if policy is StopPolicy.ASK and driver is not None:
            from ..core.session import State

            was_running = driver.state is State.RUNNING
            if was_running:
                driver.pause()  # time and the voice wait for the answer
            if not ask():
                if was_running and driver.state is State.PAUSED:
                    driver.resume()
                return policy
        if policy is not StopPolicy.LEAVE:
            self.stop()
        return policy

    def stop(self) -> None:
        """Stop the session now; ``sessionEnded`` carries what was done."""
        if self.driver is not None:
            self.driver.stop()
            self.release_screen()
            self.sessionEnded.emit(self.driver.report())

    def close_session(self) -> None:
        """Retire the session (back to the routines, or the window closes)."""
        if self._hands_free is not None:
            self._hands_free.detach()
        if self.driver is not None:
            self.driver.shutdown()
            self.driver.deleteLater()
            self.driver = None
            self.sessionClosed.emit()
        self.release_screen()

    def retime(self) -> None:
        """New get-ready or between-exercise times reach a session that is running."""
        if self.driver is not None and self._plan is not None:
            from ..core.timeline import compile_plan

            timing = self.settings.timing()
            timeline = compile_plan(
                self._plan, timing, safety_first=self._safety_first, pace=self._pace()
            )
            self.driver.retime(timeline)

    def remote(self, command: str) -> None:
        """A control from outside the window (media keys, a headset, the sound menu),
        by its MPRIS name."""
        from ..core.session import State

        driver = self.driver
        if driver is None or driver.state in (State.FINISHED, State.STOPPED):
            return
        commands: dict[str, Callable[[], None]] = {
            "toggle": driver.toggle,
            "pause": driver.pause,
            "resume": driver.resume,
            "next": driver.next,
            "previous": driver.previous,
            "restart_step": driver.restart_step,
            "stop": self.stop,
        }
        if command in commands:
            commands[command]()

    def command(self, command: Callable[[SessionDriver], None]) -> None:
        """A session command from the window's keys: ``SessionDriver.next`` and the
        like, while a session runs or waits."""
        from ..core.session import State

        driver = self.driver
        if driver is not None and driver.state not in (State.FINISHED, State.STOPPED):
            command(driver)

    @property
    def hands_free(self) -> HandsFree:
        """Sounds, voice and media keys; built with the first session."""
        if self._hands_free is None:
            from .hands_free import HandsFree

            self._hands_free = HandsFree(
                self.settings.audio(), self.remote, self.raiseRequested.emit, self
            )
            self._hands_free.problem.connect(self.notice)
            self._hands_free.phraseTimed.connect(self._phrase_timed)
            self._hands_free.pace_known = lambda voice, rate: (
                self.settings.voice_pace(voice, rate) is not None
            )
        return self._hands_free

    def shutdown(self) -> None:
        """The application is closing: the session, sound and voice end."""
        self.close_session()
        if self._hands_free is not None:
            self._hands_free.shutdown()

    # --- internals ------------------------------------------------------------------

    def _begin(self, id_or_path: str, plan: RoutinePlan) -> None:
        from ..core.timeline import compile_plan
        from .driver import SessionDriver

        self.close_session()
        self.routine = id_or_path
        self._plan = plan
        # The voice says the safety notice in the first session of each day.
        today = datetime.date.today().isoformat()
        said = self.settings.safety_notice_said_on(today)
        self._safety_first = self.settings.audio().voice and not said
        timeline = compile_plan(
            plan, self.settings.timing(), safety_first=self._safety_first, pace=self._pace()
        )
        if timeline.says_safety_notice:
            self.settings.safety_notice_said(today)
        driver = SessionDriver(timeline, self.clock, self, arc=self.arc_pace)
        self.driver = driver
        driver.stateChanged.connect(self._state_changed)
        driver.finished.connect(lambda _: self._finished())
        self.hands_free.attach(driver)
        self.sessionOpened.emit(driver)

    def _pace(self) -> SpeechPace:
        """How fast the voice speaks, which sets how long each get-ready must be: as
        measured for this voice and rate, or else as the rate gives it."""
        from ..core.speech_plan import SpeechPace

        if self.fixed_pace is not None:
            return self.fixed_pace
        rate = self.settings.audio().rate
        speaker = self._hands_free.speaker if self._hands_free is not None else None
        measured = self.settings.voice_pace(speaker.voice, rate) if speaker else None
        estimate = SpeechPace.for_rate(rate)
        return estimate.at(measured) if measured else estimate

    def _phrase_timed(self, voice: str, rate: float, chars: int, seconds: float) -> None:
        """Learn the voice's pace from what it said; remembered per voice and rate."""
        from ..core.speech_plan import MIN_SAMPLES, SpeechPace

        samples = self._phrases.setdefault((voice, rate), [])
        samples.append((chars, seconds))
        del samples[:-40]  # the latest phrases: a voice or engine may change
        known = self.settings.voice_pace(voice, rate) is not None
        # Until a pace is known, one long phrase (the silent calibration) sets it;
        # after that the lower quartile of several refines it.
        pace = SpeechPace.measured(samples, enough=MIN_SAMPLES if known else 1)
        if pace is not None and voice:
            self.settings.save_voice_pace(voice, rate, pace.chars_per_second)
            if not known:
                self._replan_if_ready()

    def _replan_if_ready(self) -> None:
        """A routine open but not started is planned again with the pace now known."""
        from ..core.session import State

        if self.driver is not None and self.driver.state is State.READY:
            self.retime()

    def _finished(self) -> None:
        if self.driver is not None:
            self.release_screen()
            self.sessionEnded.emit(self.driver.report())

    def _state_changed(self, state: State) -> None:
        from ..core.session import State

        if state is State.RUNNING:
            self._release_timer.stop()
            self._inhibit_screen()
        elif state is State.PAUSED:
            self._release_timer.start()
        else:
            self.release_screen()

    def _inhibit_screen(self) -> None:
        if self._inhibitor is None:
            from .inhibit import ScreenSaverInhibitor

            self._inhibitor = ScreenSaverInhibitor(self)
        self._inhibitor.inhibit()

    def release_screen(self) -> None:
        """Let the screen saver in again (a long pause, or the session's end)."""
        self._release_timer.stop()
        if self._inhibitor is not None:
            self._inhibitor.release()

    @property
    def keeps_screen_awake(self) -> bool:
        return self._inhibitor is not None and self._inhibitor.active


def _plan_of_file(path: Path, catalog: Path) -> RoutinePlan:
    """A routine file outside the library, read and checked against the catalog."""
    from ..core.library import load_catalog, load_routine
    from ..core.plan import plan_routine

    loaded = load_catalog(catalog)
    routine = load_routine(path, loaded)
    return plan_routine(routine, {exercise.id: exercise for exercise in loaded.exercises})
