"""Run in a child process by the audio tests: prepare sound and voice, then make noise.

Prints what happened, one ``key value`` line each, for the parent test to read.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer

from backstretch_gui.app import application
from backstretch_gui.core.preferences import AudioSettings
from backstretch_gui.services.hands_free import HandsFree

SAY = "Left side. Knee to chest. Hold for twenty seconds."


def main() -> int:
    app = application()
    problems: list[str] = []
    volume = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    hands_free = HandsFree(AudioSettings(volume=volume), lambda _: None, lambda: None)
    hands_free.problem.connect(problems.append)
    started = time.monotonic()
    hands_free.start_sound()
    speaker = hands_free.speaker
    assert speaker is not None
    spoke_at: list[float] = []
    speaker._worker.speaking.connect(lambda on: on and spoke_at.append(time.monotonic()))

    def beep() -> None:
        print(f"ready_after {time.monotonic() - started:.3f}", flush=True)
        print(f"voice {speaker.available} {speaker.voice!r}", flush=True)
        hands_free.cue_player.sink.play("beep")
        QTimer.singleShot(700, lambda: hands_free.cue_player.sink.play("chime-next"))
        QTimer.singleShot(1700, speak)

    def speak() -> None:
        said_at.append(time.monotonic())
        hands_free.cue_player.sink.say(SAY)

    said_at: list[float] = []
    hands_free.when_voice_ready(beep, 15_000)

    def finish() -> None:
        if spoke_at and said_at:
            print(f"speech_latency {spoke_at[-1] - said_at[0]:.4f}", flush=True)
        with open("/proc/self/maps") as maps:
            ffmpeg = any("libavcodec" in line for line in maps)
        print(f"ffmpeg_loaded {ffmpeg}", flush=True)
        for problem in problems:
            print(f"problem {problem}", flush=True)
        hands_free.shutdown()
        app.quit()

    QTimer.singleShot(int(sys.argv[1]) if len(sys.argv) > 1 else 9000, finish)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
