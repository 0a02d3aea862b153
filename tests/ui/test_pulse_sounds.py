"""Sounds through libpulse: what can be checked without a sound server (the real
sound is heard in test_real_audio.py)."""

from __future__ import annotations

import ctypes
import wave
from array import array
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from backstretch_gui.app import application
from backstretch_gui.core import resources
from backstretch_gui.services import audio, pulse_sounds
from backstretch_gui.services.pulse_sounds import PulseSoundBank, scaled


def write_wav(path: Path, rate: int = 44100, width: int = 2) -> Path:
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(width)
        wav.setframerate(rate)
        wav.writeframes(b"\0" * width * 100)
    return path


def library() -> ctypes.CDLL:
    found = pulse_sounds.load_library()
    assert found is not None, "libpulse0 is missing (scripts/system-deps installs it)"
    return found


def test_volume_scales_every_sample() -> None:
    samples = array("h", [1000, -1000, 3, 32767]).tobytes()
    assert array("h", scaled(samples, 0.5)).tolist() == [500, -500, 2, 16384]
    assert scaled(samples, 1.0) == samples


def test_the_bundled_sounds_share_one_format() -> None:
    bank = PulseSoundBank(
        library(), {name: resources.sound_path(name) for name in audio.SOUND_NAMES}
    )
    try:
        assert bank.error in ("", pulse_sounds.NO_OUTPUT)  # NO_OUTPUT: no sound server here
    finally:
        bank.shutdown()


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"beep": "missing.wav"}, "the sounds could not be read"),
        ({"beep": "eight-bit.wav"}, "only 16-bit sounds can be played"),
        ({"beep": "44k.wav", "chime": "48k.wav"}, "share one sample rate"),
    ],
)
def test_unplayable_sound_files_are_reported_not_played(
    tmp_path: Path, files: dict[str, str], message: str
) -> None:
    write_wav(tmp_path / "eight-bit.wav", width=1)
    write_wav(tmp_path / "44k.wav")
    write_wav(tmp_path / "48k.wav", rate=48000)
    bank = PulseSoundBank(library(), {name: tmp_path / file for name, file in files.items()})
    assert message in bank.error
    bank.play("beep")  # quietly nothing
    bank.shutdown()


def test_without_libpulse_the_sounds_go_through_qt(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    application()
    made: list[object] = []
    monkeypatch.setattr(audio, "SoundBank", lambda parent=None: made.append(parent) or "qt")
    monkeypatch.setattr(pulse_sounds, "load_library", lambda: None)
    assert audio.sound_bank() == "qt" and made == [None]
    monkeypatch.undo()
    bank = audio.sound_bank()
    assert isinstance(bank, PulseSoundBank)  # libpulse0 is installed here
    bank.shutdown()
