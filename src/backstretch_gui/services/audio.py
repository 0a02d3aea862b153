"""Sounds and voice for a session: the driver's cues in, sound and speech out.

Which cue becomes which sound is decided by the core (``core.cues``); this module
only plays. Everything that can be missing (a sound device, a speech engine) is
reported once, quietly, through ``problem``, and the session goes on.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    Qt,
    QTimer,
    QtMsgType,
    QUrl,
    Signal,
    qInstallMessageHandler,
)

from ..core import resources
from ..core.cues import SOUND_FOR_CHIME, Play, Speak, action_for, where_words
from ..core.preferences import AudioSettings
from ..core.session import CueDue
from ..core.timeline import Cue, Segment
from .speech import Speaker

if TYPE_CHECKING:
    from .pulse_sounds import PulseSoundBank  # imported where used: Linux only

SOUND_NAMES = ("beep", *SOUND_FOR_CHIME.values())
NO_BACKEND_NOTE = "No QtMultimedia backends found"
SOUND_LATENCY_MS = "60"
"""How far ahead sounds are buffered on PulseAudio (and PipeWire's PulseAudio
server). Qt asks for very little, which wakes its audio thread about a hundred times
a second while a sound plays: 9 ms of CPU per second of sound here, about half that
with this. A sound then reaches the speakers 50 ms after play() instead of 21 ms
(the sound server's own figures), still too soon after its second to be heard late."""
MessageHandler = Callable[[QtMsgType, QMessageLogContext, str], None]


def choose_no_media_backend() -> None:
    """Let Qt Multimedia run without its media backend; QSoundEffect does not need one.

    The backend (FFmpeg in PySide's wheels) serves players, recorders and cameras and
    costs 18 MiB of memory here; QSoundEffect plays WAV files through the audio
    devices, which Qt Multimedia offers on its own. Qt picks its backend once, the
    first time anything asks for it, so that first time it finds no plugin folders.
    Call before anything else in Qt Multimedia and before other threads load plugins.
    """
    from PySide6.QtMultimedia import QMediaDevices

    app = QCoreApplication.instance()
    if app is None:
        return
    folders = app.libraryPaths()
    handlers: list[MessageHandler | None] = []

    def quiet(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if NO_BACKEND_NOTE in message:
            return
        previous = handlers[0] if handlers else None
        if previous is not None:
            previous(kind, context, message)
        else:
            print(message, file=sys.stderr)

    handlers.append(qInstallMessageHandler(quiet))
    try:
        app.setLibraryPaths([])
        QMediaDevices.defaultAudioOutput()  # Qt chooses now, and finds no backend
    finally:
        app.setLibraryPaths(folders)
        qInstallMessageHandler(handlers[0])


class AudioSink(Protocol):
    """Where cues end up: the real speakers, or a recorder in tests."""

    def play(self, sound: str) -> None: ...

    def say(self, text: str) -> None: ...

    def hush(self) -> None:
        """Stop what is being said now: it has gone stale."""


class SoundBank(QObject):
    """The app's sounds, loaded once. Signal: problem(str) if they cannot play."""

    problem = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.effects: dict[str, object] = {}
        self._reported = False
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError as error:  # no libpulse0, or no PySide6-Addons
            self.error = f"sounds are not available ({error})"
            return
        choose_no_media_backend()
        os.environ.setdefault("PULSE_LATENCY_MSEC", SOUND_LATENCY_MS)  # the user's own wins
        self.error = ""
        for name in SOUND_NAMES:
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(resources.sound_path(name))))
            effect.statusChanged.connect(lambda effect=effect: self._check(effect))
            self.effects[name] = effect

    def _check(self, effect: object) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        assert isinstance(effect, QSoundEffect)
        if effect.status() == QSoundEffect.Status.Error and not self._reported:
            self._reported = True
            self.error = "no sound output could be opened: is a sound server running?"
            self.problem.emit(self.error)

    def set_volume(self, volume: float) -> None:
        for effect in self.effects.values():
            effect.setVolume(volume)  # type: ignore[attr-defined]

    def play(self, sound: str) -> None:
        effect = self.effects.get(sound)
        if effect is not None and not self.error:
            effect.play()  # type: ignore[attr-defined]

    def shutdown(self) -> None:
        """Nothing to stop: Qt's audio thread ends with the app."""


def sound_bank(parent: QObject | None = None) -> SoundBank | PulseSoundBank:
    """The sounds through libpulse on Linux, where it is there; elsewhere QSoundEffect."""
    if sys.platform.startswith("linux"):
        from .pulse_sounds import PulseSoundBank, load_library

        library = load_library()
        if library is not None:
            sounds = {name: resources.sound_path(name) for name in SOUND_NAMES}
            return PulseSoundBank(library, sounds, parent)
    return SoundBank(parent)


class Speakers:
    """The real sink: sounds through the sound bank, words through the speech engine."""

    def __init__(self, sounds: SoundBank | PulseSoundBank, speaker: Speaker) -> None:
        self.sounds, self.speaker = sounds, speaker

    def play(self, sound: str) -> None:
        self.sounds.play(sound)

    def say(self, text: str) -> None:
        self.speaker.say(text)

    def hush(self) -> None:
        self.speaker.hush()


class CuePlayer(QObject):
    """Turns the driver's cues into sound, as the settings say."""

    def __init__(self, sink: AudioSink, settings: AudioSettings, parent: QObject | None = None):
        super().__init__(parent)
        self.sink = sink
        self.settings = settings
        self._later: list[QTimer] = []
        """The finish cues still to come (the words after the chime)."""

    def cue_due(self, due: CueDue) -> None:
        self.perform(due.cue, due.late)

    def hush(self) -> None:
        """Paused, skipped, back or stopped: the voice stops at once."""
        self.cancel_later()
        self.sink.hush()

    def resumed(self, segment: Segment) -> None:
        """Running again after a pause: say where the session is."""
        if self.settings.voice:
            self.sink.say(where_words(segment))

    def finished(self, cues: tuple[Cue, ...]) -> None:
        """The routine is done: its finish cues, each at its moment (the session's
        clock has stopped, so a timer keeps them apart)."""
        self.cancel_later()
        for cue in cues:
            if cue.at <= 0:
                self.perform(cue, 0.0)
                continue
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse one is 70 ms late
            timer.timeout.connect(lambda cue=cue: self.perform(cue, 0.0))
            timer.start(round(cue.at * 1000))
            self._later.append(timer)

    def cancel_later(self) -> None:
        """A new session (Again) or a hush: the finish words still to come are not said."""
        for timer in self._later:
            timer.stop()
            timer.deleteLater()
        self._later.clear()

    def perform(self, cue: Cue, late: float) -> None:
        action = action_for(cue, late, self.settings)
        if isinstance(action, Play):
            self.sink.play(action.sound)
        elif isinstance(action, Speak):
            self.sink.say(action.text)
