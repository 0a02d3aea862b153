"""The voice on Linux and the BSDs: speech-dispatcher, spoken to directly over SSIP.

QTextToSpeech's speech-dispatcher engine lists every voice of every output module
when it starts (13,363 with Debian's espeak-ng) and keeps them all: 4.5 MiB of a
session's memory, and 1.5 s of a thread's time. The Speech Synthesis Interface
Protocol is a few lines of text over a local socket, so this client speaks it itself,
in the GUI thread without ever waiting on the socket, keeps only the names of the
voices in the user's language, and starts the server when it is not running, as
speech-dispatcher's own library does.
"""

from __future__ import annotations

import contextlib
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QProcess, QSocketNotifier, QTimer, Signal

from ..core.paths import home_folder
from .voice_language import english_fallback

REPLY_TIMEOUT_MS = 10_000
"""A server that takes longer than this to answer is declared stuck."""
CONNECT_RETRIES = 5
CONNECT_RETRY_MS = 200
NOT_INSTALLED = "no speech engine is installed (on Debian: speech-dispatcher)"
CLOSED = "speech-dispatcher closed the connection"

Reply = Callable[[int, list[str]], None]


@dataclass
class _Command:
    line: str
    on_reply: Reply | None = None
    """Called with the reply's code and its last line."""
    on_line: Callable[[str], None] | None = None
    """Called with each of a long reply's other lines as it arrives, so a list of
    thousands of voices is never held whole."""
    data: str | None = None
    """For SPEAK: the text, sent once the server is ready to receive it."""
    sent_data: bool = field(default=False)


@dataclass(frozen=True)
class Voice:
    name: str
    language: str  # as speech-dispatcher spells it: en-US, en-GB-SCOTLAND, de


def default_socket_path() -> Path:
    """Where speech-dispatcher listens by default (libspeechd's own rule)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR") or os.environ.get("XDG_CACHE_HOME")
    base = Path(runtime) if runtime else home_folder() / ".cache"
    return base / "speech-dispatcher" / "speechd.sock"


def server_address() -> tuple[str | tuple[str, int], bool]:
    """The server's address from ``SPEECHD_ADDRESS`` or the default, and whether the
    server may be started when nobody answers there (only at the default address)."""
    given = os.environ.get("SPEECHD_ADDRESS", "").strip()
    if not given:
        return str(default_socket_path()), True
    method, _, rest = given.partition(":")
    if method == "inet_socket":
        host, _, port = rest.rpartition(":")
        return (host or "127.0.0.1", int(port) if port.isdigit() else 6560), False
    return rest or str(default_socket_path()), False


def parse_voice(line: str) -> Voice:
    """A voice from a line of ``LIST SYNTHESIS_VOICES``: ``name<TAB>language<TAB>variant``."""
    name, _, rest = line.partition("\t")
    return Voice(name, rest.partition("\t")[0])


class VoiceChoice:
    """Sorts listed voices, one at a time, into those for the user's language and
    country and those for their language only, and notices the one asked for by name.
    A bare machine's "C" locale gets American English."""

    def __init__(self, locale: QLocale, wanted_name: str) -> None:
        name = "en_US" if english_fallback(locale) else locale.name()
        self.language, _, self.country = name.lower().partition("_")
        self.wanted_name = wanted_name
        self.wanted: Voice | None = None
        self.same_country: list[Voice] = []
        self.same_language: list[Voice] = []

    def add(self, voice: Voice) -> None:
        if voice.name == self.wanted_name:
            self.wanted = voice
        tags = voice.language.lower().split("-")
        if tags[0] == self.language:
            same_country = tags[1:2] == [self.country]
            (self.same_country if same_country else self.same_language).append(voice)

    def voices(self) -> list[Voice]:
        """The voices to offer: the user's country's, or else their language's."""
        offered = self.same_country or self.same_language
        if self.wanted is not None and self.wanted not in offered:
            offered = [self.wanted, *offered]
        return offered

    def chosen(self) -> Voice | None:
        return self.wanted or next(iter(self.voices()), None)


def ssip_volume(volume: float) -> int:
    """The voice's level (-100..100) for a volume setting of 0..1. Full volume is 10
    below speech-dispatcher's neutral 0: recorded from a PulseAudio sink, espeak-ng
    peaks at about -3 dBFS at 0 and clips (0 dBFS) at 100; at -10 it peaks at -4 to
    -5 dBFS, about -20 dBFS RMS, near the chimes' -18."""
    return round(max(0.0, min(1.0, volume)) * 90) - 100


def escape_text(text: str) -> str:
    """A message as SSIP wants it: CR LF line ends, leading dots doubled, a dot line."""
    lines = [("." + line if line.startswith(".") else line) for line in text.splitlines()]
    return "\r\n".join([*lines, "."]) + "\r\n"


class SpeechDispatcherVoice(QObject):
    """Signals: ready(list, str) the voice names and the chosen one; failed(str);
    speaking(bool) when a phrase starts and ends (or is cut off)."""

    ready = Signal(list, str)
    failed = Signal(str)
    speaking = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._socket: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._incoming = b""
        self._reply_lines: list[str] = []
        self._event_lines: list[str] = []
        self._queue: list[_Command] = []
        self._waiting: _Command | None = None
        self._speaking = False
        self._latest_message = ""
        """The id of the last phrase sent: only its end ends the speaking."""
        self._preferred = ""
        self._voices: list[Voice] = []
        self._listing: VoiceChoice | None = None
        self._automatic: Voice | None = None
        self._current: Voice | None = None
        self._retries = CONNECT_RETRIES
        self._spawned = False
        self._address, self._may_spawn = server_address()
        self._reply_timer = QTimer(self)
        self._reply_timer.setSingleShot(True)
        self._reply_timer.timeout.connect(lambda: self._fail("speech-dispatcher does not answer"))

    # --- the interface the Speaker uses ---------------------------------------------

    def start(self, preferred_voice: str) -> None:
        """Connect in the next turn of the event loop: ``ready`` or ``failed`` follow
        later, never inside this call, as with an engine in a thread."""
        self._preferred = preferred_voice
        QTimer.singleShot(0, self._connect)

    def say(self, text: str) -> None:
        if self._socket is None:
            return
        # A newer cue replaces a stale one: an older phrase not sent yet is dropped,
        # one being spoken (or on its way) is cancelled.
        self._queue = [command for command in self._queue if command.data is None]
        in_flight = self._waiting is not None and self._waiting.data is not None
        if self._speaking or in_flight:
            self._send(_Command("CANCEL self"))
        self._send(_Command("SPEAK", data=escape_text(text)))

    def configure(self, voice_name: str, rate: float, volume: float) -> None:
        if self._socket is None:
            return
        self._send(_Command(f"SET self RATE {round(max(-1.0, min(1.0, rate)) * 100)}"))
        self._send(_Command(f"SET self VOLUME {ssip_volume(volume)}"))
        if voice_name:
            voice = next((v for v in self._voices if v.name == voice_name), None)
        else:
            voice = self._automatic  # "Automatic": the first voice for the user's language
        if voice is not None and voice != self._current:
            self._choose(voice)

    def stop(self) -> None:
        if self._socket is not None:
            self._send(_Command("CANCEL self"))

    def shutdown(self) -> None:
        if self._socket is not None:
            with contextlib.suppress(OSError):
                self._socket.send(b"QUIT\r\n")
        self._close()

    # --- connecting -----------------------------------------------------------------

    def _connect(self) -> None:
        family = socket.AF_INET if isinstance(self._address, tuple) else socket.AF_UNIX
        connection = socket.socket(family, socket.SOCK_STREAM)
        try:
            connection.settimeout(1.0)  # a local connect answers at once or not at all
            connection.connect(self._address)
        except OSError as error:
            connection.close()
            self._not_connected(error)
            return
        connection.setblocking(False)
        self._socket = connection
        self._notifier = QSocketNotifier(connection.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._readable)
        user = os.environ.get("USER", "user").replace(":", "_") or "user"
        self._send(_Command(f"SET self CLIENT_NAME {user}:backstretch:cues"))
        self._send(_Command("SET self NOTIFICATION all on"))
        # Cues quote routine files, which may hold "<" or "&": the server escapes
        # them only in text mode. It is its default, but a client may not assume so.
        self._send(_Command("SET self SSML_MODE off"))
        self._listing = VoiceChoice(QLocale.system(), self._preferred)
        listing = self._listing
        self._send(
            _Command(
                "LIST SYNTHESIS_VOICES",
                self._voices_listed,
                on_line=lambda line: listing.add(parse_voice(line)),
            )
        )

    def _not_connected(self, error: OSError) -> None:
        if self._may_spawn and not self._spawned:
            self._spawned = True
            self._spawn()
        elif self._spawned and self._retries > 0:
            self._retries -= 1  # the server may still be creating its socket
            QTimer.singleShot(CONNECT_RETRY_MS, self._connect)
        else:
            self._fail(f"speech-dispatcher is not running ({error.strerror or error})")

    def _spawn(self) -> None:
        process = QProcess(self)
        process.setProgram("speech-dispatcher")
        process.setArguments(
            ["--spawn", "--communication-method", "unix_socket", "--socket-path", self._address]
            if isinstance(self._address, str)
            else ["--spawn"]
        )
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)

        def finished(code: int, _status: QProcess.ExitStatus) -> None:
            said = bytes(process.readAll().data()).decode(errors="replace").strip()
            process.deleteLater()
            if code == 0:
                self._connect()
            else:
                last = said.splitlines()[-1] if said else f"exit code {code}"
                self._fail(f"speech-dispatcher would not start: {last}")

        def error(problem: QProcess.ProcessError) -> None:
            if problem == QProcess.ProcessError.FailedToStart:
                process.deleteLater()
                self._fail(NOT_INSTALLED)

        process.finished.connect(finished)
        process.errorOccurred.connect(error)
        process.start()

    # --- talking --------------------------------------------------------------------

    def _send(self, command: _Command) -> None:
        self._queue.append(command)
        if self._waiting is None:
            self._send_next()

    def _send_next(self) -> None:
        if self._waiting is not None or not self._queue:
            return
        self._waiting = self._queue.pop(0)
        self._write(self._waiting.line + "\r\n")

    def _write(self, text: str) -> None:
        if self._socket is None:
            return
        try:
            self._socket.sendall(text.encode())
        except (BrokenPipeError, ConnectionResetError):
            self._fail(CLOSED)
            return
        except OSError as error:  # a full buffer on a local socket: the server is stuck
            self._fail(f"speech-dispatcher stopped listening ({error})")
            return
        self._reply_timer.start(REPLY_TIMEOUT_MS)

    def _readable(self) -> None:
        if self._socket is None:
            return
        try:
            chunk = self._socket.recv(65536)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        if not chunk:
            self._fail(CLOSED)
            return
        self._incoming += chunk
        *lines, self._incoming = self._incoming.split(b"\r\n")
        for line in lines:
            self._line(line.decode(errors="replace"))

    def _line(self, line: str) -> None:
        code, last, text = line[:3], line[3:4] == " ", line[4:]
        if code.startswith("7"):  # an event, between or even inside replies
            self._event_lines.append(text)
            if last:
                message = self._event_lines[0] if len(self._event_lines) > 1 else ""
                self._event(int(code) if code.isdigit() else 0, message)
                self._event_lines = []
            return
        if not last:
            streamed = self._waiting.on_line if self._waiting is not None else None
            if streamed is not None:
                streamed(text)
            else:
                self._reply_lines.append(text)
            return
        lines, self._reply_lines = [*self._reply_lines, text], []
        self._reply(int(code) if code.isdigit() else 0, lines)

    def _reply(self, code: int, lines: list[str]) -> None:
        command = self._waiting
        if command is None:
            return
        if command.data is not None and not command.sent_data and code == 230:
            command.sent_data = True  # the server is ready for the text
            self._write(command.data)
            return
        self._reply_timer.stop()
        self._waiting = None
        if command.on_reply is not None:
            command.on_reply(code, lines)
        if command.data is not None and code == 225:
            self._latest_message = lines[0] if len(lines) > 1 else ""
            if not self._speaking:
                self._speaking = True  # queued: without sound, BEGIN may never come
                self.speaking.emit(True)
        self._send_next()

    def _event(self, code: int, message: str) -> None:
        if code == 701 and not self._speaking:
            self._speaking = True
            self.speaking.emit(True)
        elif code in (702, 703) and self._speaking and message == self._latest_message:
            self._speaking = False  # the latest phrase ended or was cut off
            self.speaking.emit(False)

    # --- voices ---------------------------------------------------------------------

    def _voices_listed(self, code: int, _lines: list[str]) -> None:
        listing, self._listing = self._listing, None
        if code != 249 or listing is None:
            self._fail(f"speech-dispatcher could not list its voices ({code})")
            return
        self._voices = listing.voices()
        self._automatic = next(iter(listing.same_country or listing.same_language), None)
        chosen = listing.chosen()
        if chosen is None:
            self._fail("speech-dispatcher has no voice for this language")
            return
        self._choose(chosen)
        self.ready.emit([v.name for v in self._voices], chosen.name)

    def _choose(self, voice: Voice) -> None:
        self._current = voice
        self._send(_Command(f"SET self LANGUAGE {voice.language}"))
        self._send(_Command(f"SET self SYNTHESIS_VOICE {voice.name}"))

    # --- endings --------------------------------------------------------------------

    def _fail(self, message: str) -> None:
        self._close()
        self.failed.emit(message)

    def _close(self) -> None:
        self._reply_timer.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._socket is not None:
            self._socket.close()
            self._socket = None
        self._queue.clear()
        self._waiting = None
        if self._speaking:
            self._speaking = False
            self.speaking.emit(False)
