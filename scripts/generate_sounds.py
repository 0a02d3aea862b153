"""Synthesise the app's sounds as WAV files: soft sine tones with gentle envelopes.

    python scripts/generate_sounds.py           write assets/sounds/*.wav
    python scripts/generate_sounds.py --check   exit 1 if a committed file differs

Made from sine waves here, so they carry no one else's licence.
"""

from __future__ import annotations

import io
import math
import struct
import sys
import wave
from pathlib import Path

RATE = 44_100
OUT = Path(__file__).resolve().parents[1] / "assets" / "sounds"

Note = tuple[float, float, float]
"""(frequency in Hz, start in seconds, length in seconds)"""

SOUNDS: dict[str, tuple[list[Note], float]] = {
    # A short, soft tick for the last three seconds of a hold or rest.
    "beep": ([(880.0, 0.0, 0.12)], 0.35),
    # Two rising notes: a new exercise.
    "chime-next": ([(659.25, 0.0, 0.35), (987.77, 0.16, 0.5)], 0.45),
    # Two notes up and back: switch sides.
    "chime-switch": ([(783.99, 0.0, 0.3), (1046.5, 0.14, 0.3), (783.99, 0.28, 0.45)], 0.45),
    # A rising major arpeggio: the routine is done.
    "finish": (
        [(523.25, 0.0, 0.6), (659.25, 0.15, 0.6), (783.99, 0.3, 0.7), (1046.5, 0.45, 0.9)],
        0.35,
    ),
}


def render(notes: list[Note], volume: float) -> bytes:
    length = max(start + duration for _, start, duration in notes) + 0.05
    samples = [0.0] * int(length * RATE)
    for frequency, start, duration in notes:
        first = int(start * RATE)
        count = int(duration * RATE)
        for index in range(count):
            t = index / RATE
            attack = min(1.0, t / 0.008)  # no click at the start
            decay = math.exp(-4.5 * t / duration)  # a bell-like fade
            tone = math.sin(2 * math.pi * frequency * t) + 0.25 * math.sin(
                4 * math.pi * frequency * t
            )
            samples[first + index] += attack * decay * tone
    peak = max(abs(s) for s in samples) or 1.0
    scale = volume * 32767 / peak
    return b"".join(struct.pack("<h", round(s * scale)) for s in samples)


def wav_bytes(notes: list[Note], volume: float) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(render(notes, volume))
    return buffer.getvalue()


def main(argv: list[str]) -> int:
    check = argv == ["--check"]
    stale = []
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (notes, volume) in SOUNDS.items():
        path = OUT / f"{name}.wav"
        data = wav_bytes(notes, volume)
        if check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(path.name)
        elif not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
            print(path)
    if stale:
        print("stale sounds: " + ", ".join(stale) + " (run scripts/generate_sounds.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
