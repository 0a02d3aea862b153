"""A whole routine followed with real sound and voice, recorded from a private
PulseAudio null sink and held against ``backstretch plan --json``:

    python benchmarks/routine_sound.py [ROUTINE] [--calibrated]   (default: desk-break)

``--calibrated`` waits for the voice's silent calibration and plans with its pace (the
plan then differs from the CLI's, which uses the rate's estimate).

It takes as long as the routine (the recording is kept for a second look). Prints
when each cue was heard against its plan, and the figures docs/performance.md records.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from sound_timing import follow_with_sound  # noqa: E402


def summary(millis: list[float]) -> str:
    return f"median {statistics.median(millis):.0f} ms, max {max(millis):.0f} ms"


def main() -> int:
    names = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    routine = names[0] if names else "desk-break"
    folder = Path(tempfile.mkdtemp(prefix="backstretch-sound-"))
    comparison, planned = follow_with_sound(routine, folder, "--calibrated" in sys.argv)
    print(comparison.table())
    print(f"\nrecording and session log kept in {folder}")
    speech, sounds = comparison.of_kind(speech=True), comparison.of_kind(speech=False)
    speech_ms = [abs(h.error) * 1000 for h in speech if h.error is not None]
    sound_ms = [abs(h.error) * 1000 for h in sounds if h.error is not None]
    handed_ms = [abs(h.handed - h.planned) * 1000 for h in comparison.heard if h.text]
    voice = statistics.median(h.loudness_db for h in speech if h.start is not None)
    peak = max(h.peak_db for h in speech)
    print()
    print(f"routine {routine}: {len(speech)} phrases, {len(sounds)} beeps and chimes")
    print(f"plan as `backstretch plan --json`: {planned == comparison.timeline}")
    print(f"missed {len(comparison.missed())}, overlapping {len(comparison.overlaps())}")
    print(f"running on {len(comparison.overruns())}, clipped {comparison.clipped_samples}")
    print(f"phrase start vs plan: {summary(speech_ms)}")
    print(f"beep/chime start vs plan: {summary(sound_ms)}")
    print(f"handed to sound/voice vs plan: {summary(handed_ms)}")
    print(f"recording clock vs plan: {(comparison.clock_scale - 1) * 1e6:+.0f} ppm")
    print(f"voice: peak {peak:.1f} dBFS, loudness {voice:.1f} dBFS")
    for name in ("beep", "chime-next", "chime-switch", "finish"):
        levels = [h.loudness_db for h in sounds if h.kind == name and h.start is not None]
        if levels:
            level = statistics.median(levels)
            print(f"{name}: loudness {level:.1f} dBFS ({level - voice:+.1f} dB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
