"""A private PulseAudio server with a null sink, and a recorder on its monitor."""

from __future__ import annotations

import array
import contextlib
import os
import shutil
import signal
import subprocess
import time
import wave
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def null_sink_server(folder: Path) -> Iterator[dict[str, str]]:
    """Yield the environment that points programs at a new PulseAudio server."""
    if shutil.which("pulseaudio") is None or shutil.which("parecord") is None:
        pytest.skip("PulseAudio is missing (Debian packages pulseaudio, pulseaudio-utils)")
    socket = folder / "pulse-native"
    runtime = folder / "runtime"
    runtime.mkdir(mode=0o700)
    env = {"XDG_RUNTIME_DIR": str(runtime), "PULSE_SERVER": f"unix:{socket}", "HOME": str(folder)}
    server = subprocess.Popen(
        [
            "pulseaudio",
            "--daemonize=no",
            "--exit-idle-time=-1",
            "--disable-shm=yes",
            "-n",
            "--load=module-null-sink sink_name=test",
            f"--load=module-native-protocol-unix auth-anonymous=1 socket={socket}",
        ],
        env={"PATH": "/usr/bin:/bin", **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not socket.exists() and time.monotonic() < deadline and server.poll() is None:
        time.sleep(0.05)
    if not socket.exists():
        server.kill()
        pytest.skip("PulseAudio did not start here")
    try:
        yield env
    finally:
        server.terminate()
        server.wait(timeout=10)


@contextmanager
def recording(env: dict[str, str], path: Path) -> Iterator[None]:
    recorder = subprocess.Popen(
        ["parecord", "--device=test.monitor", "--file-format=wav", "--channels=1", str(path)],
        env={"PATH": "/usr/bin:/bin", **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(0.3)
    try:
        yield
    finally:
        recorder.terminate()
        recorder.wait(timeout=10)


def loud_spans(
    path: Path, threshold: float = 0.02, window: float = 0.05
) -> list[tuple[float, float]]:
    """(start, end) seconds of the stretches louder than ``threshold`` (0..1 RMS)."""
    with wave.open(str(path)) as audio:
        rate, width = audio.getframerate(), audio.getsampwidth()
        assert width == 2
        samples = array.array("h", audio.readframes(audio.getnframes()))
    step = int(rate * window)
    spans: list[tuple[float, float]] = []
    for start in range(0, len(samples), step):
        chunk = samples[start : start + step]
        if not chunk:
            break
        rms = (sum(s * s for s in chunk) / len(chunk)) ** 0.5 / 32768
        at = start / rate
        if rms > threshold:
            if spans and at - spans[-1][1] <= window * 2:
                spans[-1] = (spans[-1][0], at + window)
            else:
                spans.append((at, at + window))
    return spans


def levels(path: Path, start: float, end: float) -> tuple[float, float]:
    """(peak, loudness) in dBFS between ``start`` and ``end`` seconds: the loudness is
    the RMS of the samples that are not near-silence (the pauses between words)."""
    import math

    with wave.open(str(path)) as audio:
        rate = audio.getframerate()
        samples = array.array("h", audio.readframes(audio.getnframes()))
    part = samples[int(start * rate) : int(end * rate)]
    sounding = [s for s in part if abs(s) > 300] or [1]
    peak = max(abs(s) for s in part) / 32768 if part else 1 / 32768
    rms = (sum(s * s for s in sounding) / len(sounding)) ** 0.5 / 32768
    return 20 * math.log10(max(peak, 1e-6)), 20 * math.log10(max(rms, 1e-6))


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
