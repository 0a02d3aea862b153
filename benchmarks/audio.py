"""Benchmarks of sound and voice: start latency, and the CPU they cost between cues.

Runs against a private PulseAudio server with a null sink (as the tests do):

    python benchmarks/audio.py          (make bench runs it too)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from sound import null_sink_server  # noqa: E402

CHILD = r"""
import statistics, sys, time
from PySide6.QtCore import QTimer
from backstretch_gui.app import application
from backstretch_gui.core.preferences import AudioSettings
from backstretch_gui.services.hands_free import HandsFree

app = application()
hands_free = HandsFree(AudioSettings(), lambda _: None, lambda: None)
hands_free.start_sound()
speaker, sounds = hands_free.speaker, hands_free.sounds
speech, beeps = [], []
asked = {}
speaker._worker.speaking.connect(
    lambda on: on and "say" in asked and speech.append(time.monotonic() - asked.pop("say"))
)
if hasattr(sounds, "effects"):  # QSoundEffect: until it says it plays
    beep = sounds.effects["beep"]
    def on_playing():
        if beep.isPlaying() and "play" in asked:
            beeps.append(time.monotonic() - asked.pop("play"))
    beep.playingChanged.connect(on_playing)
else:  # libpulse: until the sound thread hands the samples to the sound server
    write = sounds._write
    def timed_write(stream, samples):
        if "play" in asked:
            beeps.append(time.monotonic() - asked.pop("play"))
        return write(stream, samples)
    sounds._write = timed_write
rounds = iter(range(10))

def one_round():
    if next(rounds, None) is None:
        return idle()
    asked["play"] = time.monotonic()
    sounds.play("beep")
    QTimer.singleShot(400, say)

def say():
    asked["say"] = time.monotonic()
    speaker.say("Hold for twenty seconds.")
    QTimer.singleShot(2600, one_round)

def idle():
    start_cpu, start = time.process_time(), time.monotonic()
    def done():
        cpu = (time.process_time() - start_cpu) / (time.monotonic() - start) * 100
        print(f"speech_ms {statistics.median(speech) * 1000:.1f}")
        print(f"beep_ms {statistics.median(beeps) * 1000:.1f}")
        print(f"idle_cpu {cpu:.3f}")
        hands_free.shutdown()
        app.quit()
    QTimer.singleShot(20_000, done)

hands_free.when_voice_ready(one_round, 15_000)
app.exec()
"""


def main() -> int:
    with tempfile.TemporaryDirectory() as folder, null_sink_server(Path(folder)) as pulse:
        env = {**os.environ, **pulse, "QT_QPA_PLATFORM": "offscreen"}
        env["PYTHONPATH"] = str(ROOT / "src")
        env["BACKSTRETCH_DATA_DIR"] = folder
        result = subprocess.run(
            [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=300
        )
    values = dict(line.split(" ", 1) for line in result.stdout.splitlines())
    if not values:
        print(result.stderr[-2000:])
        return 1
    print("| what | median |")
    print("|---|---|")
    print(f"| speech start: say() until speech-dispatcher queued it | {values['speech_ms']} ms |")
    print(f"| cue to sound: play() until the sound starts out | {values['beep_ms']} ms |")
    print(f"| CPU with sound and voice ready, between cues (20 s) | {values['idle_cpu']} % |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
