"""Sounds on Linux through PulseAudio's simple API (PipeWire serves it too).

Qt Multimedia's QSoundEffect plays the same WAVs, but costs a session about 6 MiB:
its libraries, QtNetwork (which PySide's QtMultimedia module imports) and 0.45 MiB
for each sound. libpulse's simple API, which the libpulse0 package that Qt's sound
needed already ships, plays them from one thread of ours. Sounds play one after
another; they are short and come seconds apart. The stream is closed when no sound
has played for a while, so the sound card may sleep.
"""

from __future__ import annotations

import ctypes
import queue
import sys
import threading
import wave
from array import array
from pathlib import Path

from PySide6.QtCore import QObject, Signal

NO_OUTPUT = "no sound output could be opened: is a sound server running?"
LATENCY_SECONDS = 0.06
"""How far ahead sounds are buffered: the sound server then wakes us rarely, and a
sound reaches the speakers about this long after play()."""
IDLE_SECONDS = 60.0
"""The stream is closed after this long without a sound."""
PLAYBACK = 1  # pa_stream_direction_t
S16LE = 3  # pa_sample_format_t
UNSET = 0xFFFFFFFF  # (uint32_t) -1: the server's choice


class _SampleSpec(ctypes.Structure):
    _fields_ = [("format", ctypes.c_int), ("rate", ctypes.c_uint32), ("channels", ctypes.c_uint8)]


class _BufferAttr(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_uint32) for name in ("maxlength", "tlength", "prebuf", "minreq", "fragsize")
    ]


def load_library() -> ctypes.CDLL | None:
    """libpulse-simple with its functions typed, or None where it is missing."""
    try:
        lib = ctypes.CDLL("libpulse-simple.so.0")
    except OSError:
        return None
    pointer, error = ctypes.c_void_p, ctypes.POINTER(ctypes.c_int)
    lib.pa_simple_new.restype = pointer
    lib.pa_simple_new.argtypes = [
        ctypes.c_char_p,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_char_p,
        ctypes.POINTER(_SampleSpec),
        pointer,
        ctypes.POINTER(_BufferAttr),
        error,
    ]
    lib.pa_simple_write.argtypes = [pointer, ctypes.c_char_p, ctypes.c_size_t, error]
    lib.pa_simple_drain.argtypes = [pointer, error]
    lib.pa_simple_free.argtypes = [pointer]
    return lib


def read_wav(path: Path) -> tuple[int, int, bytes]:
    """Rate, channels and 16-bit little-endian samples of a WAV file."""
    with wave.open(str(path), "rb") as wav:
        if wav.getsampwidth() != 2:
            raise ValueError(f"{path.name}: only 16-bit sounds can be played")
        return wav.getframerate(), wav.getnchannels(), wav.readframes(wav.getnframes())


def scaled(samples: bytes, volume: float) -> bytes:
    """The samples at ``volume`` (0 to 1)."""
    if volume >= 1.0:
        return samples
    values = array("h", samples)
    if sys.byteorder == "big":  # WAV samples are little-endian, as is S16LE
        values.byteswap()
    # A generator, not a list: one number alive at a time, so the hundred thousand
    # made here leave no scattered memory behind.
    result = array("h", (round(value * volume) for value in values))
    if sys.byteorder == "big":
        result.byteswap()
    return result.tobytes()


class PulseSoundBank(QObject):
    """The app's sounds, loaded once and played by a thread of their own.

    Signal: problem(str) once, if no sound can be played. ``error`` is set at once
    when a sound file cannot be read."""

    problem = Signal(str)

    def __init__(
        self, library: ctypes.CDLL, sounds: dict[str, Path], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.error = ""
        self._lib = library
        self._samples: dict[str, bytes] = {}
        self._requests: queue.SimpleQueue[tuple[str, str | float] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        specs = set()
        try:
            for name, path in sounds.items():
                rate, channels, self._samples[name] = read_wav(path)
                specs.add((rate, channels))
        except (OSError, EOFError, ValueError, wave.Error) as problem:
            self.error = f"the sounds could not be read ({problem})"
            return
        if len(specs) != 1:
            self.error = "the sounds must share one sample rate and channel count"
            return
        ((self._rate, self._channels),) = specs
        self._thread = threading.Thread(target=self._play_requests, name="sounds", daemon=True)
        self._thread.start()

    def set_volume(self, volume: float) -> None:
        if not self.error:
            self._requests.put(("volume", max(0.0, min(1.0, volume))))

    def play(self, sound: str) -> None:
        if not self.error and sound in self._samples:
            self._requests.put(("play", sound))

    def shutdown(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            self._requests.put(None)
            self._thread.join(2.0)

    # --- the sound thread -----------------------------------------------------------

    def _play_requests(self) -> None:
        stream = self._open()  # at once, so a missing sound server is told before a session
        if stream is None:
            self._report(NO_OUTPUT)
        volume = wanted_volume = 1.0
        ready = dict(self._samples)
        while True:
            if wanted_volume != volume and self._requests.empty():
                # Rescaled as soon as the slider rests, not at the next cue: ~20 ms.
                volume, ready = wanted_volume, self._at_volume(wanted_volume)
                continue
            try:
                request = self._requests.get(timeout=IDLE_SECONDS if stream else None)
            except queue.Empty:
                self._close(stream, drain=True)
                stream = None
                continue
            if request is None:
                break
            kind, value = request
            if kind == "volume":
                wanted_volume = float(value)
                continue
            name = str(value)
            if wanted_volume != volume:
                volume, ready = wanted_volume, self._at_volume(wanted_volume)
            stream = stream or self._open()
            if stream is None:
                self._report(NO_OUTPUT)
                continue
            if not self._write(stream, ready[name]):
                self._close(stream, drain=False)
                stream = None
                self._report(NO_OUTPUT)
        self._close(stream, drain=True)

    def _at_volume(self, volume: float) -> dict[str, bytes]:
        return {name: scaled(samples, volume) for name, samples in self._samples.items()}

    def _open(self) -> int | None:
        spec = _SampleSpec(S16LE, self._rate, self._channels)
        bytes_ahead = int(self._rate * self._channels * 2 * LATENCY_SECONDS)
        attributes = _BufferAttr(UNSET, bytes_ahead, UNSET, UNSET, UNSET)
        error = ctypes.c_int(0)
        stream = self._lib.pa_simple_new(
            None,
            b"Backstretch",
            PLAYBACK,
            None,
            b"Cues",
            ctypes.byref(spec),
            None,
            ctypes.byref(attributes),
            ctypes.byref(error),
        )
        return int(stream) if stream else None

    def _write(self, stream: int, samples: bytes) -> bool:
        error = ctypes.c_int(0)
        written: int = self._lib.pa_simple_write(stream, samples, len(samples), ctypes.byref(error))
        return written == 0

    def _close(self, stream: int | None, drain: bool) -> None:
        if stream is not None:
            if drain:
                self._lib.pa_simple_drain(stream, ctypes.byref(ctypes.c_int(0)))
            self._lib.pa_simple_free(stream)

    def _report(self, message: str) -> None:
        if message != self.error:
            self.error = message  # said once; later sounds are dropped quietly
            self.problem.emit(message)
