"""Sound and voice through real backends: PulseAudio (null sink) and speech-dispatcher.

Each case runs the app's audio in a child process with its own sound server and
runtime folder, so nothing reaches (or depends on) the machine's own audio.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sound import levels, loud_spans, null_sink_server, recording

CHILD = Path(__file__).parent / "audio_child.py"


def stop_speech_dispatcher(env: dict[str, str]) -> None:
    """Stop the speech-dispatcher the child started, if any: without a sound server its
    voice never finishes, and the server would wait for it long after the test."""
    runtime = env.get("XDG_RUNTIME_DIR")
    pid_file = (
        Path(runtime or "/nonexistent") / "speech-dispatcher" / "pid" / "speech-dispatcher.pid"
    )
    with contextlib.suppress(OSError, ValueError):
        pid = int(pid_file.read_text().split()[0])
        os.kill(pid, signal.SIGTERM)
        for _ in range(30):  # it waits for its stuck voice module a while
            time.sleep(0.1)
            os.kill(pid, 0)  # raises once it is gone
        os.kill(pid, signal.SIGKILL)


def run_child(env: dict[str, str], tmp_path: Path, millis: int) -> dict[str, str]:
    full = {
        **os.environ,
        **env,
        "QT_QPA_PLATFORM": "offscreen",
        "BACKSTRETCH_DATA_DIR": str(tmp_path / "data"),
        "PYTHONPATH": str(CHILD.parents[1]),
    }
    try:
        result = subprocess.run(
            [sys.executable, str(CHILD), str(millis)],
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
def test_beep_and_voice_reach_the_sound_server(tmp_path: Path) -> None:
    with null_sink_server(tmp_path) as env, recording(env, tmp_path / "heard.wav"):
        said = run_child(env, tmp_path, 7000)
    assert said["voice"].startswith("True 'English"), said
    assert "problem" not in said, said["problem"]
    spans = loud_spans(tmp_path / "heard.wav")
    assert len(spans) >= 2, spans
    longest = max(end - start for start, end in spans)
    assert longest > 0.8, spans  # a sentence, not only a beep
    # At full volume the voice never clips: its peak stays at -3 dBFS or below.
    peaks = [levels(tmp_path / "heard.wav", *span)[0] for span in spans]
    assert max(peaks) <= -3.0, (peaks, spans)
    assert float(said["speech_latency"]) < 0.5
    # The WAVs play without Qt Multimedia's FFmpeg backend, which would cost 18 MiB.
    assert said["ffmpeg_loaded"] == "False"


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
