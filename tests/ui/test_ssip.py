"""The speech-dispatcher client against a scripted server on a local socket."""

from __future__ import annotations

import socket
import threading
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from backstretch_gui.app import application
from backstretch_gui.services import ssip
from backstretch_gui.services.ssip import SpeechDispatcherVoice, Voice, VoiceChoice, escape_text

AMERICAN = ["English (America)\ten-US\tnone", "English (America)+Annie\ten-US\tAnnie"]
OTHERS = ["Deutsch\tde\tnone", "English (Great Britain)\ten-GB\tnone"]

Answer = Callable[[str, socket.socket], None]


class FakeServer:
    """Answers each command line with ``answers[command word]``; records what it got."""

    def __init__(self, path: Path, voices: list[str]) -> None:
        self.path = path
        listed = [f"249-{voice}\r\n" for voice in voices]
        self.voice_list = "".join([*listed, "249 OK VOICE LIST SENT\r\n"]).encode()
        self.received: list[str] = []
        self.listener = socket.socket(socket.AF_UNIX)
        self.listener.bind(str(path))
        self.listener.listen(1)
        self.client: socket.socket | None = None
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()
        self.silent = False

    def _serve(self) -> None:
        try:
            self._answer()
        except OSError:  # closed by the test
            return

    def _answer(self) -> None:
        client, _ = self.listener.accept()
        self.client = client

        def answer(*lines: str) -> None:
            client.sendall("".join(f"{line}\r\n" for line in lines).encode())

        buffer = b""
        receiving_text = False
        messages = 0
        while True:
            chunk = client.recv(4096)
            if not chunk:
                return
            buffer += chunk
            *lines, buffer = buffer.split(b"\r\n")
            for raw in lines:
                line = raw.decode()
                self.received.append(line)
                if self.silent:
                    continue
                if receiving_text:
                    if line == ".":
                        receiving_text = False
                        messages += 1
                        n = messages
                        answer(
                            f"225-{n}", "225 OK MESSAGE QUEUED", f"701-{n}", "701-9", "701 BEGIN"
                        )
                    continue
                if line == "SPEAK":
                    receiving_text = True
                    answer("230 OK RECEIVING DATA")
                elif line == "LIST SYNTHESIS_VOICES":
                    client.sendall(self.voice_list)
                elif line.startswith("CANCEL"):
                    answer("213 OK CANCELED")
                else:
                    answer("200 OK")

    def send(self, *lines: str) -> None:
        assert self.client is not None, "closed"
        self.client.sendall("".join(f"{line}\r\n" for line in lines).encode())

    def close(self) -> None:
        client, self.client = self.client, None
        if client is not None:
            client.shutdown(socket.SHUT_RDWR)
            client.close()
        self.listener.close()


@pytest.fixture
def server_at(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., FakeServer]]:
    servers: list[FakeServer] = []

    def start(voices: list[str] = AMERICAN + OTHERS) -> FakeServer:
        path = tmp_path / "speechd.sock"
        monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{path}")
        servers.append(FakeServer(path, voices))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("en_US")))


def ready_voice(qtbot: QtBot, preferred: str = "") -> tuple[SpeechDispatcherVoice, list[str], str]:
    application()
    voice = SpeechDispatcherVoice()
    with qtbot.waitSignal(voice.ready, timeout=5000) as ready:
        voice.start(preferred)
    names, chosen = ready.args
    return voice, names, chosen


def settled_voice(qtbot: QtBot, server: FakeServer) -> SpeechDispatcherVoice:
    """A ready voice whose first commands (the voice's choice) are all answered."""
    voice, _, _ = ready_voice(qtbot)
    qtbot.waitUntil(lambda: any("SYNTHESIS_VOICE" in line for line in server.received))
    qtbot.wait(100)  # its answer read: nothing left to send
    return voice


def test_messages_are_sent_as_ssip_wants_them() -> None:
    assert escape_text("Breathe out.") == "Breathe out.\r\n.\r\n"
    assert escape_text(".hidden\nsecond") == "..hidden\r\nsecond\r\n.\r\n"


def test_voices_follow_the_country_then_the_language() -> None:
    listed = [Voice("US", "en-US"), Voice("NYC", "en-US-NYC"), Voice("GB", "en-GB")]
    listed.append(Voice("DE", "de"))
    american = VoiceChoice(QLocale("en_US"), "")
    scottish = VoiceChoice(QLocale("en_IE"), "DE")
    bare = VoiceChoice(QLocale.c(), "")
    for voice in listed:
        for choice in (american, scottish, bare):
            choice.add(voice)
    assert [v.name for v in american.voices()] == ["US", "NYC"]
    assert american.chosen() == Voice("US", "en-US")
    assert [v.name for v in bare.voices()] == ["US", "NYC"]  # "C" speaks American English
    # No Irish voice: every English one; a voice asked for by name wins, and is offered.
    assert [v.name for v in scottish.voices()] == ["DE", "US", "NYC", "GB"]
    assert scottish.chosen() == Voice("DE", "de")


def test_the_client_lists_sets_and_speaks(
    qtbot: QtBot, server_at: Callable[..., FakeServer], english: None
) -> None:
    server = server_at()
    voice, names, chosen = ready_voice(qtbot)
    assert names == ["English (America)", "English (America)+Annie"]
    assert chosen == "English (America)"
    with qtbot.waitSignal(voice.speaking, check_params_cb=lambda on: on, timeout=3000):
        voice.say("Hold.\n.5 more")
    with qtbot.waitSignal(voice.speaking, check_params_cb=lambda on: not on, timeout=3000):
        server.send("702-1", "702-9", "702 END")
    assert server.received[:4] == [
        "SET self CLIENT_NAME " + server.received[0].rsplit(" ", 1)[1],
        "SET self NOTIFICATION all on",
        "SET self SSML_MODE off",
        "LIST SYNTHESIS_VOICES",
    ]
    assert server.received[0].endswith(":backstretch:cues")
    assert "SET self SYNTHESIS_VOICE English (America)" in server.received
    assert server.received[-4:] == ["SPEAK", "Hold.", "..5 more", "."]
    voice.configure("English (America)+Annie", 0.5, 1.0)
    qtbot.waitUntil(lambda: "SET self SYNTHESIS_VOICE English (America)+Annie" in server.received)
    assert "SET self RATE 50" in server.received and "SET self VOLUME -10" in server.received
    voice.configure("", 0.0, 1.0)  # back to "Automatic"
    qtbot.waitUntil(lambda: server.received[-1] == "SET self SYNTHESIS_VOICE English (America)")
    voice.shutdown()


def test_a_routine_s_text_is_spoken_as_text_not_markup(
    qtbot: QtBot, server_at: Callable[..., FakeServer], english: None
) -> None:
    server = server_at()
    voice, _, _ = ready_voice(qtbot)
    voice.say('Knee <img src="/dev/zero"> <b>hug</b> &amp;')
    qtbot.waitUntil(lambda: server.received[-1:] == ["."])
    assert server.received[-3:-1] == ["SPEAK", 'Knee <img src="/dev/zero"> <b>hug</b> &amp;']
    # Only in text mode does the server escape "<" and "&" before the synthesiser.
    assert "SET self SSML_MODE off" in server.received[: server.received.index("SPEAK")]
    voice.shutdown()


def test_a_newer_phrase_cuts_off_the_one_being_spoken(
    qtbot: QtBot, server_at: Callable[..., FakeServer], english: None
) -> None:
    server = server_at()
    voice, _, _ = ready_voice(qtbot)
    with qtbot.waitSignal(voice.speaking, timeout=3000):
        voice.say("Left side.")
    changes: list[bool] = []
    voice.speaking.connect(changes.append)
    voice.say("Right side.")
    qtbot.waitUntil(lambda: server.received[-2:] == ["Right side.", "."])
    assert server.received[-4:-2] == ["CANCEL self", "SPEAK"]
    server.send("703-1", "703-9", "703 CANCELED")  # the first phrase, cut off
    qtbot.wait(200)
    assert changes == []  # still speaking: the newer phrase goes on
    with qtbot.waitSignal(voice.speaking, check_params_cb=lambda on: not on, timeout=3000):
        server.send("702-2", "702-9", "702 END")
    voice.shutdown()


def test_phrases_said_in_a_burst_leave_only_the_latest_waiting(
    qtbot: QtBot, server_at: Callable[..., FakeServer], english: None
) -> None:
    server = server_at()
    voice = settled_voice(qtbot, server)
    for text in ("One.", "Two.", "Three."):
        voice.say(text)
    qtbot.waitUntil(lambda: server.received[-2:] == ["Three.", "."])
    assert "One." in server.received and "Two." not in server.received
    voice.shutdown()


def test_a_chosen_voice_of_another_language_is_kept(
    qtbot: QtBot, server_at: Callable[..., FakeServer], english: None
) -> None:
    server_at()
    voice, names, chosen = ready_voice(qtbot, preferred="Deutsch")
    assert chosen == "Deutsch" and names[0] == "Deutsch"
    voice.shutdown()


def test_a_long_voice_list_is_never_held_whole(
    qtbot: QtBot, server_at: Callable[..., FakeServer], english: None
) -> None:
    """speech-dispatcher with espeak-ng lists 13,363 voices; holding them all left a
    session 4 MiB larger, as Python never gave the scattered memory back."""
    many = [f"Language {n}+Variant {n}\txx-{n % 90}\tVariant {n}" for n in range(20_000)]
    server_at(many + AMERICAN)
    tracemalloc.start()
    try:
        voice, names, _ = ready_voice(qtbot)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert names == ["English (America)", "English (America)+Annie"]
    assert peak < 1_000_000, peak  # 0.3 MB; holding the list took 2.1 MB
    voice.shutdown()


def test_a_server_that_goes_away_turns_the_voice_off(
    qtbot: QtBot, server_at: Callable[..., FakeServer], english: None
) -> None:
    server = server_at()
    voice = settled_voice(qtbot, server)
    with qtbot.waitSignal(voice.failed, timeout=3000) as failed:
        server.close()
    assert failed.args == [ssip.CLOSED]


def test_a_server_that_stops_answering_turns_the_voice_off(
    qtbot: QtBot,
    server_at: Callable[..., FakeServer],
    english: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ssip, "REPLY_TIMEOUT_MS", 300)
    server = server_at()
    voice, _, _ = ready_voice(qtbot)
    server.silent = True
    with qtbot.waitSignal(voice.failed, timeout=3000) as failed:
        voice.say("Breathe in.")
    assert failed.args == ["speech-dispatcher does not answer"]


def test_no_server_at_a_given_address_is_reported_not_started(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{tmp_path / 'none.sock'}")
    monkeypatch.setenv("PATH", str(tmp_path))  # and no speech-dispatcher to start
    application()
    voice = SpeechDispatcherVoice()
    with qtbot.waitSignal(voice.failed, timeout=3000) as failed:
        voice.start("")
    assert failed.args[0].startswith("speech-dispatcher is not running")


def test_without_speech_dispatcher_installed_the_message_says_what_to_install(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SPEECHD_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    monkeypatch.setenv("PATH", str(tmp_path))
    application()
    voice = SpeechDispatcherVoice()
    with qtbot.waitSignal(voice.failed, timeout=3000) as failed:
        voice.start("")
    assert failed.args == [ssip.NOT_INSTALLED]
