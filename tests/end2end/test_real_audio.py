"""Sound and voice through real backends: PulseAudio (null sink) and speech-dispatcher.

Each case runs the app's audio in a child process with its own sound server and
runtime folder, so nothing reaches (or depends on) the machine's own audio.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sound_timing import Comparison, follow_with_sound

from sound import levels, loud_spans, null_sink_server, recording, stop_speech_dispatcher

CHILD = Path(__file__).parent / "audio_child.py"
SOUND_CHECK = Path(__file__).parent / "sound-check.yaml"


def run_child(
    env: dict[str, str], tmp_path: Path, millis: int, volume: float = 1.0
) -> dict[str, str]:
    full = {
        **os.environ,
        **env,
        "QT_QPA_PLATFORM": "offscreen",
        "BACKSTRETCH_DATA_DIR": str(tmp_path / "data"),
        "PYTHONPATH": str(CHILD.parents[1]),
    }
    try:
        result = subprocess.run(
            [sys.executable, str(CHILD), str(millis), str(volume)],
            env=full,
            capture_output=True,
            text=True,
            timeout=90,
        )
    finally:
        stop_speech_dispatcher(full)
    assert result.returncode == 0, result.stderr[-3000:]
    lines: dict[str, str] = {}
    for line in result.stdout.splitlines():
        key, _, value = line.partition(" ")
        lines[key] = (lines[key] + "\n" + value) if key in lines else value
    return lines


@pytest.mark.slow
def test_beep_chime_and_voice_reach_the_sound_server_and_follow_the_volume(
    tmp_path: Path,
) -> None:
    loudness: dict[float, list[float]] = {}
    for volume in (1.0, 0.5):
        folder = tmp_path / str(volume)
        folder.mkdir()
        with null_sink_server(folder) as env, recording(env, folder / "heard.wav"):
            said = run_child(env, folder, 7000, volume)
        assert said["voice"].startswith("True 'English"), said
        assert "problem" not in said, said["problem"]
        beep, chime, *words = loud_spans(folder / "heard.wav")
        sentence = (words[0][0], words[-1][1])  # with the pauses between its words
        spans = [beep, chime, sentence]
        assert beep[1] - beep[0] < 0.2 and 0.3 < chime[1] - chime[0] < 0.9, spans
        assert sentence[1] - sentence[0] > 2.0, spans  # a sentence, not only a beep
        peaks, loudness[volume] = zip(
            *(levels(folder / "heard.wav", *span) for span in spans), strict=True
        )
        # The voice never clips: its peak stays at -3 dBFS or below at full volume.
        assert max(peaks) <= -3.0, (peaks, spans)
        assert float(said["speech_latency"]) < 0.5
        # The WAVs play without Qt Multimedia's FFmpeg backend, which would cost 18 MiB.
        assert said["ffmpeg_loaded"] == "False"
    beep, chime, voice = loudness[1.0]
    # Beeps and chimes are as loud as the voice, within 3 dB...
    assert abs(beep - voice) <= 3.0 and abs(chime - voice) <= 3.0, loudness
    # ...and half the volume is about 6 dB quieter for all three.
    for full, half in zip(loudness[1.0], loudness[0.5], strict=True):
        assert 4.0 <= full - half <= 8.0, loudness


@pytest.mark.slow
def test_without_a_sound_server_the_app_says_so_and_goes_on(tmp_path: Path) -> None:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {"PULSE_SERVER": "unix:/nonexistent/pulse", "XDG_RUNTIME_DIR": str(runtime)}
    said = run_child(env, tmp_path, 12_000)  # the voice watchdog needs a few seconds
    assert said.get("problem", "").splitlines() == [
        "no sound output could be opened: is a sound server running?",
        "Voice: the voice never finished speaking: is a sound server (PulseAudio or "
        "PipeWire) running? Beeps and chimes go on; restart Backstretch to retry",
    ]


@pytest.mark.slow
def test_without_speech_dispatcher_the_voice_is_off_with_a_notice(tmp_path: Path) -> None:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {
        "SPEECHD_ADDRESS": "unix_socket:/nonexistent/speechd.sock",
        "XDG_RUNTIME_DIR": str(runtime),
    }
    said = run_child(env, tmp_path, 5000)
    assert said["voice"].startswith("False"), said
    assert "Voice:" in said.get("problem", ""), said


@pytest.mark.slow
def test_a_routine_sounds_as_planned(tmp_path: Path) -> None:
    """A minute of every kind of cue, recorded, against ``backstretch plan --json``:
    each phrase within 150 ms of its moment and over before the next, each beep and
    chime within 20 ms, nothing clipped."""
    comparison, planned = follow_with_sound(SOUND_CHECK, tmp_path)
    assert planned == comparison.timeline  # the session ran the plan the CLI prints
    assert_sounds_as_planned(comparison)


def assert_sounds_as_planned(comparison: Comparison) -> None:
    assert not comparison.missed(), comparison.missed()
    assert not comparison.overlaps(), comparison.overlaps()
    assert not comparison.overruns(), comparison.overruns()
    assert comparison.clipped_samples == 0
    speech, sounds = comparison.of_kind(speech=True), comparison.of_kind(speech=False)
    assert len(speech) >= 10 and len(sounds) >= 15
    assert max(abs(h.error or 0) for h in speech) <= 0.150, comparison.table()
    assert max(abs(h.error or 0) for h in sounds) <= 0.020, comparison.table()
    assert max(h.peak_db for h in comparison.heard) <= -3.0, comparison.table()
