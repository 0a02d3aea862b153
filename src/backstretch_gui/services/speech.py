"""The voice: speech-dispatcher over SSIP on Linux and the BSDs (``ssip``), elsewhere
QTextToSpeech, kept off the GUI thread; both watched.

Creating QTextToSpeech's engine lists its voices and can block for over a second, so
that engine lives in its own thread, created when the app starts. A newer phrase
replaces one still being spoken, so speech never stacks up behind the timer. A
watchdog notices an engine that says it is speaking but never finishes (as
speech-dispatcher does without a sound server) and turns the voice off with a notice.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QObject, QThread, QTimer, Signal, Slot

from .voice_language import english_fallback

if TYPE_CHECKING:
    from .ssip import SpeechDispatcherVoice

WATCHDOG_MS_PER_CHARACTER = 120
WATCHDOG_MIN_MS = 6000
"""Longest a phrase may take before the voice is declared stuck."""
PREFERRED_ENGINES = ("speechd", "flite", "macos", "darwin", "winrt", "sapi", "android")


def speech_dispatcher_system() -> bool:
    """Linux and the BSDs, where speech-dispatcher is the desktop's speech service."""
    return os.name == "posix" and sys.platform != "darwin"


class SpeechWorker(QObject):
    """Lives in the speech thread; every slot runs there."""

    ready = Signal(list, str)  # voice names, the chosen voice
    failed = Signal(str)
    speaking = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.engine: Any = None

    @Slot(str)
    def start(self, preferred_voice: str) -> None:
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as error:  # no libpulse0, or no PySide6-Addons
            self.failed.emit(f"speech is not available ({error})")
            return
        engines = QTextToSpeech.availableEngines()
        chosen = next((e for e in PREFERRED_ENGINES if e in engines), None)
        if chosen is None:
            self.failed.emit("no speech engine is installed (on Debian: speech-dispatcher)")
            return
        engine = QTextToSpeech(chosen)
        if engine.state() == QTextToSpeech.State.Error:
            self.failed.emit(f"the speech engine failed to start: {engine.errorString()}")
            return
        if english_fallback(QLocale.system()):
            engine.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
            plain = self._plain_english(engine.availableVoices())
            if plain is not None:
                engine.setVoice(plain)
        engine.stateChanged.connect(
            lambda state: self.speaking.emit(state == QTextToSpeech.State.Speaking)
        )
        engine.errorOccurred.connect(lambda _reason, message: self.failed.emit(message))
        self.engine = engine
        voices = engine.availableVoices()
        names = [voice.name() for voice in voices]
        if preferred_voice in names:
            engine.setVoice(voices[names.index(preferred_voice)])
        self.ready.emit(names, engine.voice().name())

    @staticmethod
    def _plain_english(voices: list[Any]) -> Any:
        """A widely understood English voice (American, then British), if there is one."""
        for wanted in ("America", "en_US", "Great Britain", "en_GB"):
            for voice in voices:
                if wanted in voice.name() or voice.locale().name() == wanted:
                    return voice
        return None

    @Slot(str)
    def say(self, text: str) -> None:
        if self.engine is not None:
            self.engine.stop()  # a newer cue replaces a stale one
            self.engine.say(text)

    @Slot(str, float, float)
    def configure(self, voice_name: str, rate: float, volume: float) -> None:
        engine = self.engine
        if engine is None:
            return
        engine.setRate(max(-1.0, min(1.0, rate)))
        engine.setVolume(max(0.0, min(1.0, volume)))
        if voice_name and voice_name != engine.voice().name():
            for voice in engine.availableVoices():
                if voice.name() == voice_name:
                    engine.setVoice(voice)
                    break

    @Slot()
    def stop(self) -> None:
        if self.engine is not None:
            self.engine.stop()


class Speaker(QObject):
    """The GUI-thread face of the voice. Signals: ready(list, str), problem(str)."""

    ready = Signal(list, str)
    problem = Signal(str)
    spoken = Signal(str, float)
    """A phrase was said to its end, and how many seconds that took (cut-off ones are
    not reported): the pace the schedule is planned with is learnt from these."""
    silentEnded = Signal(str)
    """A phrase said at volume 0 ended, whole or cut off; its text."""
    _start = Signal(str)
    _say = Signal(str)
    _configure = Signal(str, float, float)
    _stop = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.available = False
        self.voices: list[str] = []
        self.voice = ""
        self.is_speaking = False
        self._phrase: tuple[str, float] | None = None
        """The phrase being said and when it started (monotonic), while it may end whole."""
        self._settings: tuple[str, float, float] = ("", 0.0, 1.0)
        """The voice, rate and volume the settings ask for."""
        self._silent = ""
        """The phrase being said at volume 0 (the warm-up or the calibration), if any."""
        self._automatic = ""
        """The voice "Automatic" stands for (the engine's choice for the language)."""
        self._thread: QThread | None = None
        self._worker: SpeechWorker | SpeechDispatcherVoice
        if speech_dispatcher_system():
            from .ssip import SpeechDispatcherVoice

            self._worker = SpeechDispatcherVoice(self)  # never blocks: no thread needed
        else:
            self._thread = QThread(self)
            self._thread.setObjectName("speech")
            self._worker = SpeechWorker()
            self._worker.moveToThread(self._thread)
            self._thread.finished.connect(self._worker.deleteLater)
        self._start.connect(self._worker.start)
        self._say.connect(self._worker.say)
        self._configure.connect(self._worker.configure)
        self._stop.connect(self._worker.stop)
        self._worker.ready.connect(self._on_ready)
        self._worker.failed.connect(self._on_failed)
        self._worker.speaking.connect(self._on_speaking)
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._stuck)

    def start(self, voice_name: str = "") -> None:
        """Prepare the engine in the background; ``ready`` or ``problem`` follows."""
        self._settings = (voice_name, *self._settings[1:])
        if self._thread is not None:
            self._thread.start()
        self._start.emit(voice_name)

    def say(self, text: str) -> None:
        if not self.available:
            return
        cut = self._silent
        if cut:  # a cue cuts the silent phrase: the volume comes back first
            self._silent = ""
            self._configure.emit(*self._settings)
        self._speak(text)
        if cut:  # only now: what listens may not start another silent phrase first
            self.silentEnded.emit(cut)

    def say_silently(self, text: str) -> bool:
        """Say ``text`` at volume 0, to load the engine's voice or to time its pace
        (``spoken`` reports it); False while something is being said."""
        asked = self._watchdog.isActive()  # a phrase was asked for and has not ended
        if not self.available or self.is_speaking or asked or self._silent:
            return False
        voice, rate, _ = self._settings
        self._silent = text
        self._configure.emit(voice, rate, 0.0)
        self._speak(text)
        return True

    def _speak(self, text: str) -> None:
        self._say.emit(text)
        # Timed only from silence: a phrase said over another cuts it off, and neither
        # then tells how fast the voice speaks.
        self._phrase = None if self.is_speaking else (text, time.monotonic())
        limit = max(WATCHDOG_MIN_MS, WATCHDOG_MS_PER_CHARACTER * len(text))
        self._watchdog.start(limit)

    def configure(self, voice_name: str, rate: float, volume: float) -> None:
        if (voice_name, rate) != self._settings[:2]:
            # A phrase begun with another voice or rate tells nothing of this one's pace.
            self._phrase = None
            if self._silent:
                self._stop.emit()
        self._settings = (voice_name, rate, volume)
        if voice_name in self.voices:  # the voice in use, whose pace is planned with
            self.voice = voice_name
        elif not voice_name and self._automatic:
            self.voice = self._automatic
        self._configure.emit(voice_name, rate, 0.0 if self._silent else volume)

    def _loud_again(self) -> None:
        text, self._silent = self._silent, ""
        self._configure.emit(*self._settings)
        self.silentEnded.emit(text)

    def hush(self) -> None:
        """Stop speaking now (paused, skipped, stopped); the voice stays ready."""
        if self.available:
            self._phrase = None
            self._watchdog.stop()
            self._stop.emit()
            if self._silent:
                self._loud_again()

    def shutdown(self) -> None:
        self._watchdog.stop()
        if not isinstance(self._worker, SpeechWorker):
            self._worker.shutdown()
        elif self._thread is not None and self._thread.isRunning():
            self._stop.emit()
            self._thread.quit()
            self._thread.wait(3000)

    def _on_ready(self, voices: list[str], voice: str) -> None:
        self.available, self.voices, self.voice = True, voices, voice
        if not self._settings[0]:  # started on "Automatic": this is its voice
            self._automatic = voice
        self.ready.emit(voices, voice)

    def _on_failed(self, message: str) -> None:
        self.available = False
        self._watchdog.stop()
        self.problem.emit(message)

    def _on_speaking(self, speaking: bool) -> None:
        was_speaking, self.is_speaking = self.is_speaking, speaking
        if not speaking:
            self._watchdog.stop()
            phrase, self._phrase = self._phrase, None
            if phrase is not None and was_speaking:
                self.spoken.emit(phrase[0], time.monotonic() - phrase[1])
            if self._silent:  # last: what follows it (the calibration) starts a phrase
                self._loud_again()

    def _stuck(self) -> None:
        if self._silent:  # a silent phrase that never began or ended: loud again
            self._loud_again()
        if self.is_speaking:
            self.available = False
            self._stop.emit()
            self.problem.emit(
                "the voice never finished speaking: is a sound server (PulseAudio or "
                "PipeWire) running? Beeps and chimes go on; restart Backstretch to retry"
            )
