"""Everything that lets a session run without touching the laptop, in one place:
sounds and voice for every cue, and MPRIS for media keys and headsets.

Signals:
    problem(str): something is missing (no sound device, no voice, no D-Bus); said once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ..core.preferences import AudioSettings
from ..core.speech_plan import CALIBRATION_WORDS, WARM_UP_WORDS, SpeechPace
from .audio import AudioSink, CuePlayer, SoundBank, Speakers, sound_bank
from .driver import SessionDriver
from .mpris import MprisService
from .speech import Speaker

if TYPE_CHECKING:
    from .pulse_sounds import PulseSoundBank


class Silence:
    """The sink before sound is switched on (and in most tests)."""

    def play(self, sound: str) -> None:
        pass

    def say(self, text: str) -> None:
        pass

    def hush(self) -> None:
        pass


class HandsFree(QObject):
    problem = Signal(str)
    phraseTimed = Signal(str, float, int, float)
    """(voice, rate, characters, seconds) of a phrase said to its end, the pauses at its
    commas and full stops left out."""
    voiceWarm = Signal()
    """The voice has said its silent warm-up phrase (or could not): cues are on time."""

    def __init__(
        self,
        settings: AudioSettings,
        command: Callable[[str], None],
        on_raise: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.cue_player = CuePlayer(Silence(), settings, self)
        self.mpris = MprisService(command, on_raise, self)
        self.sounds: SoundBank | PulseSoundBank | None = None
        self.speaker: Speaker | None = None
        self.pace_known: Callable[[str, float], bool] = lambda _voice, _rate: True
        """Whether the pace of a voice at a rate is known; if not, it is calibrated."""
        self.warm = False
        self._said: set[str] = set()

    def use_sink(self, sink: AudioSink) -> None:
        self.cue_player.sink = sink

    def start_sound(self) -> None:
        """Load the sounds and prepare the voice in the background; call once, early."""
        self.sounds = sound_bank(self)
        self.sounds.problem.connect(self._problem)
        if self.sounds.error:
            self._problem(self.sounds.error)
        self.speaker = Speaker(self)
        self.speaker.problem.connect(lambda message: self._problem(f"Voice: {message}"))
        self.speaker.ready.connect(self._voice_ready)
        self.speaker.problem.connect(lambda _: self._warmed())
        self.speaker.spoken.connect(self._timed)
        self.speaker.silentEnded.connect(self._silent_ended)
        self.speaker.start(self.settings.voice_name)
        self.use_sink(Speakers(self.sounds, self.speaker))
        self.apply(self.settings)

    def when_voice_ready(self, action: Callable[[], None], timeout_ms: int) -> None:
        """Run ``action`` once the voice is ready and warm, has failed, or
        ``timeout_ms`` passed."""
        done = False

        def once(*_: object) -> None:
            nonlocal done
            if not done:
                done = True
                action()

        if self.speaker is None or self.warm or not self.settings.voice:
            QTimer.singleShot(0, once)
            return
        self.voiceWarm.connect(once)
        QTimer.singleShot(timeout_ms, once)

    def _voice_ready(self, _voices: list[str], _voice: str) -> None:
        self.apply(self.settings)
        speaker = self.speaker
        if speaker is None or not speaker.say_silently(WARM_UP_WORDS):
            self._warmed()

    def _silent_ended(self, text: str) -> None:
        if text == WARM_UP_WORDS:
            self._warmed()

    def _warmed(self) -> None:
        if not self.warm:
            self.warm = True
            self.voiceWarm.emit()
            self._calibrate()  # refused if a session started on voiceWarm says a cue

    def _calibrate(self) -> None:
        """Time the voice at its rate, silently, if its pace is not known yet."""
        speaker = self.speaker
        if (
            self.warm
            and speaker is not None
            and speaker.available
            and not self.pace_known(speaker.voice, self.settings.rate)
        ):
            speaker.say_silently(CALIBRATION_WORDS)

    def apply(self, settings: AudioSettings) -> None:
        """New settings take effect at once, also in a running session."""
        self.settings = settings
        self.cue_player.settings = settings
        if self.sounds is not None:
            self.sounds.set_volume(settings.volume)
        if self.speaker is not None:
            self.speaker.configure(settings.voice_name, settings.rate, settings.volume)
            self._calibrate()  # a new voice or rate may not be known yet

    def attach(self, driver: SessionDriver) -> None:
        self.cue_player.cancel_later()  # "Well done" must not cut the new get-ready
        driver.cueDue.connect(self.cue_player.cue_due)
        driver.hushed.connect(self.cue_player.hush)
        driver.resumed.connect(self.cue_player.resumed)
        driver.finished.connect(self.cue_player.finished)
        self.mpris.attach(driver)
        if not self.mpris.available:
            self._problem(
                "Media keys and headset buttons need a D-Bus session bus; "
                "the keyboard and the buttons still work"
            )

    def detach(self) -> None:
        self.mpris.detach()

    def shutdown(self) -> None:
        self.detach()
        if self.sounds is not None:
            self.sounds.shutdown()
        if self.speaker is not None:
            self.speaker.shutdown()

    def _timed(self, text: str, seconds: float) -> None:
        if self.speaker is not None:
            # Its pauses left out (as the rate's pace has them): what is left is the pace.
            pace = SpeechPace.for_rate(self.settings.rate)
            speaking = seconds - pace.pause_seconds(text)
            self.phraseTimed.emit(self.speaker.voice, self.settings.rate, len(text), speaking)

    def _problem(self, message: str) -> None:
        if message not in self._said:  # each problem is said once
            self._said.add(message)
            self.problem.emit(message)
