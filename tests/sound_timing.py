"""A recording of a whole session held against its plan: when each sound and phrase
was planned, when it was heard, and whether one ran into the next.

The recording is read as 5 ms frames. A sound *starts* where a sounding frame follows
at least 30 ms of silence (the null sink is digitally silent between cues), so a phrase
still running when the next cue is due leaves no start to find, and shows as missed.
"""

from __future__ import annotations

import array
import bisect
import math
import wave
from dataclasses import dataclass, field
from pathlib import Path

from backstretch_gui.core.speech_plan import GAP_SECONDS

FRAME = 0.005  # about: a whole number of samples
QUIET_RUN = 6  # frames of silence before a start: 30 ms
SOUNDING = 100  # sample peak (of 32768) above which a frame sounds: -50 dBFS
SEARCH_BEFORE, SEARCH_AFTER = 0.3, 0.6
SOUNDS = Path(__file__).resolve().parents[1] / "assets" / "sounds"


@dataclass
class Heard:
    kind: str  # "speech", or the sound's name
    text: str
    planned: float  # seconds from the session's start
    handed: float  # when the app handed it on, seconds from the session's start
    length: float = 0.0  # how long it should sound: a phrase's planned duration
    start: float | None = None  # when it was heard, on the plan's clock
    end: float | None = None  # the last sounding frame before the next start
    peak_db: float = -120.0
    loudness_db: float = -120.0

    @property
    def error(self) -> float | None:
        return None if self.start is None else self.start - self.planned


@dataclass
class Comparison:
    timeline: dict = field(default_factory=dict)
    heard: list[Heard] = field(default_factory=list)
    clipped_samples: int = 0
    clock_scale: float = 1.0
    """Recording seconds per planned second."""

    def table(self) -> str:
        """One line a cue: planned, heard (ms late), heard length, levels, what."""
        lines = []
        for h in self.heard:
            late = "missed" if h.error is None else f"{h.error * 1000:+5.0f} ms"
            heard = 0.0 if h.start is None or h.end is None else h.end - h.start
            lines.append(
                f"{h.planned:7.2f} s {late:>9}  {heard:5.2f}/{h.length:5.2f} s"
                f"  {h.peak_db:6.1f} {h.loudness_db:6.1f} dBFS  {h.kind}: {h.text[:50]}"
            )
        return "\n".join(lines)

    def of_kind(self, speech: bool) -> list[Heard]:
        return [h for h in self.heard if (h.kind == "speech") == speech]

    def missed(self) -> list[Heard]:
        return [h for h in self.heard if h.start is None]

    def overlaps(self) -> list[tuple[Heard, Heard]]:
        """Pairs where a phrase or sound was still sounding when the next was planned
        to start."""
        pairs = zip(self.heard, self.heard[1:], strict=False)
        return [(a, b) for a, b in pairs if a.end is not None and a.end > b.planned]

    def overruns(self) -> list[Heard]:
        """What sounded longer than it should (something else ran on under it): a
        sound past its file's length, a phrase past its planned length by more than
        the gap the plan keeps after it."""
        return [
            h
            for h in self.heard
            if h.start is not None
            and h.end is not None
            and h.end - h.start > h.length + (GAP_SECONDS if h.kind == "speech" else 0.05)
        ]


def planned_cues(timeline: dict, log: list[list], started: float) -> list[Heard]:
    """Every cue of the timeline the app handed on (to the sound bank or the voice),
    in order: what, when planned, and when handed on."""
    plan: list[tuple[float, bool, float]] = []
    for segment in timeline["segments"]:
        for cue in segment["cues"]:
            speech = cue["kind"] == "speech"
            plan.append((segment["start"] + cue["at"], speech, cue["duration"]))
    for cue in timeline["finish_cues"]:
        speech = cue["kind"] == "speech"
        plan.append((timeline["total_seconds"] + cue["at"], speech, cue["duration"]))
    lengths = sound_lengths()
    heard: list[Heard] = []
    entries = [(at - started, what, text) for at, what, text in log]
    for at, speech, duration in sorted(plan):
        alike = [e for e in entries if (e[1] == "speech") == speech and abs(e[0] - at) < 0.5]
        if not alike:  # never handed on: missed, however the recording sounds
            heard.append(Heard("speech" if speech else "sound", "", at, math.nan, duration))
            continue
        handed, what, text = min(alike, key=lambda e: abs(e[0] - at))
        entries.remove((handed, what, text))
        length = duration if speech else lengths[text]
        heard.append(Heard("speech" if speech else text, text, at, handed, length))
    return heard


def sound_lengths() -> dict[str, float]:
    """How long each of the app's sounds sounds (its silent tail left out), by name."""
    lengths = {}
    for path in SOUNDS.glob("*.wav"):
        peaks, _, frame, _ = frames(path)
        _, ends = starts_and_ends([0] * QUIET_RUN + peaks)
        lengths[path.stem] = (ends[-1] - QUIET_RUN + 1) * frame
    return lengths


def frames(path: Path) -> tuple[list[int], list[float], float, int]:
    """The peak and the mean square of every 5 ms frame, the frame's length in
    seconds (whole samples), and the number of clipped samples."""
    with wave.open(str(path)) as audio:
        rate = audio.getframerate()
        assert audio.getsampwidth() == 2 and audio.getnchannels() == 1
        samples = array.array("h", audio.readframes(audio.getnframes()))
    step = int(rate * FRAME)
    parts = [samples[i : i + step] for i in range(0, len(samples) - step + 1, step)]
    peaks = [max(max(part), -min(part)) for part in parts]
    powers = [sum(s * s for s in part) / step for part in parts]
    clipped = samples.count(32767) + samples.count(-32768)
    return peaks, powers, step / rate, clipped


def starts_and_ends(peaks: list[int]) -> tuple[list[int], list[int]]:
    sounding = [peak > SOUNDING for peak in peaks]
    starts, ends = [], []
    for i, on in enumerate(sounding):
        if on and not any(sounding[max(0, i - QUIET_RUN) : i]) and i >= QUIET_RUN:
            starts.append(i)
        if on and not any(sounding[i + 1 : i + 1 + QUIET_RUN]):
            ends.append(i)
    return starts, ends


def compare(path: Path, timeline: dict, log: list[list], started: float) -> Comparison:
    """Hold the recording at ``path`` against the plan. The recording's clock is set by
    the beeps and chimes: the line through their planned and heard times (the sound
    server's sample clock and the system's monotonic clock differ by a few hundred
    parts per million, 20 ms in a minute)."""
    peaks, powers, frame, clipped = frames(path)
    starts, ends = starts_and_ends(peaks)
    heard = planned_cues(timeline, log, started)
    scale, offset = _recording_clock(
        [h.planned for h in heard if h.kind != "speech"], starts, frame
    )
    found: list[tuple[Heard, int]] = []
    for item in heard:
        if math.isnan(item.handed):
            continue
        at = item.planned * scale + offset
        near = _nearest(starts, frame, at, SEARCH_BEFORE, SEARCH_AFTER)
        if near is not None and all(near != other for _, other in found):
            item.start = (near * frame - offset) / scale
            found.append((item, near))
    for (item, first), (_, following) in zip(found, [*found[1:], (None, len(peaks))], strict=True):
        last = max((end for end in ends if first <= end < following), default=first)
        item.end = ((last + 1) * frame - offset) / scale
        item.peak_db, item.loudness_db = _levels(peaks, powers, first, last)
    return Comparison(timeline, heard, clipped, scale)


def _recording_clock(sounds: list[float], starts: list[int], frame: float) -> tuple[float, float]:
    """(scale, offset) that map the plan's seconds to the recording's: set by the first
    half minute's beeps and chimes, then followed sound by sound (the line is fitted
    again with each one found within 50 ms of where it is expected)."""
    offset = _best_offset([at for at in sounds if at < sounds[0] + 30], starts, frame)
    scale, pairs = 1.0, []
    for at in sounds:
        near = _nearest(starts, frame, at * scale + offset, 0.05, 0.05)
        if near is not None:
            pairs.append((at, near * frame))
            if len(pairs) >= 2 and pairs[-1][0] - pairs[0][0] > 5:
                scale, offset = _line(pairs)
    return scale, offset


def _line(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    """Least squares: heard = planned * scale + offset."""
    n = len(pairs)
    mean_x = sum(x for x, _ in pairs) / n
    mean_y = sum(y for _, y in pairs) / n
    spread = sum((x - mean_x) ** 2 for x, _ in pairs)
    scale = sum((x - mean_x) * (y - mean_y) for x, y in pairs) / spread if spread else 1.0
    return scale, mean_y - scale * mean_x


def _best_offset(sounds: list[float], starts: list[int], frame: float) -> float:
    """The recording's time of the session's start: the offset that puts the most
    planned sounds within 30 ms of a start heard."""
    heard = [s * frame for s in starts]

    def score(offset: float) -> int:
        return sum(
            1
            for at in sounds
            if (i := bisect.bisect_left(heard, at + offset - 0.03)) < len(heard)
            and heard[i] <= at + offset + 0.03
        )

    candidates = [start - sounds[0] for start in heard] if sounds else [0.0]
    return max(candidates, key=score)


def _nearest(starts: list[int], frame: float, at: float, before: float, after: float) -> int | None:
    """The start (a frame) nearest to ``at`` seconds, within the window around it."""
    inside = [s for s in starts if at - before <= s * frame <= at + after]
    return min(inside, key=lambda s: abs(s * frame - at)) if inside else None


def _levels(peaks: list[int], powers: list[float], first: int, last: int):
    """Peak, and loudness: the RMS of the frames within 30 dB of the peak (the pauses
    between words and a chime's fading tail left out), in dBFS."""
    peak = max(peaks[first : last + 1]) or 1
    floor = (peak / 32) ** 2 / 2  # a sine 30 dB below the peak
    loud = [power for power in powers[first : last + 1] if power > floor] or [1.0]
    rms = math.sqrt(sum(loud) / len(loud))
    return 20 * math.log10(peak / 32768), 20 * math.log10(max(rms, 1) / 32768)


def follow_with_sound(
    routine: Path | str, folder: Path, calibrated: bool = False
) -> tuple[Comparison, dict]:
    """Follow ``routine`` with real sound and voice through a private PulseAudio null
    sink, recorded; returns the comparison and ``backstretch plan --json``'s plan."""
    import json
    import os
    import subprocess
    import sys

    from sound import null_sink_server, recording, stop_speech_dispatcher

    root = Path(__file__).resolve().parents[1]
    cli = [sys.executable, "-m", "backstretch_gui", "plan", str(routine), "--json"]
    env = {**os.environ, "PYTHONPATH": str(root / "src"), "QT_QPA_PLATFORM": "offscreen"}
    planned = json.loads(subprocess.run(cli, env=env, capture_output=True, check=True).stdout)
    with null_sink_server(folder) as pulse:
        full = {**env, **pulse, "BACKSTRETCH_DATA_DIR": str(folder / "data")}
        out, wav = folder / "session.json", folder / "heard.wav"
        child = Path(__file__).parent / "end2end" / "routine_audio_child.py"
        seconds = planned["total_seconds"] + 60
        try:
            with recording(pulse, wav):
                done = subprocess.run(
                    [sys.executable, str(child), str(routine), str(out)]
                    + (["--calibrated"] if calibrated else []),
                    env=full,
                    capture_output=True,
                    text=True,
                    timeout=seconds,
                )
        finally:
            stop_speech_dispatcher(full)
    assert done.returncode == 0, done.stderr[-3000:]
    session = json.loads(out.read_text())
    comparison = compare(wav, session["timeline"], session["log"], session["started"])
    return comparison, planned
