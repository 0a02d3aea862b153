"""Run in a child process by the routine-sound check: follow a whole routine with real
sound and voice, as ``backstretch ROUTINE --start`` does, and write what was planned and
what was played to a JSON file.

    python routine_audio_child.py ROUTINE OUT.json [--calibrated]

With ``--calibrated`` it waits for the voice's silent calibration and plans with the
pace measured, as a session opened from the picker after the first start does.

The safety notice counts as said today, so the session's plan is the one
``backstretch plan ROUTINE --json`` prints (at the default rate, the voice's pace
not measured yet).
"""

from __future__ import annotations

import datetime
import json
import sys
import time

import msgspec
from PySide6.QtCore import QTimer

from backstretch_gui.app import VOICE_WAIT_MS, application, create_window
from backstretch_gui.services.settings import Settings


class LoggingSink:
    """The real sink, noting when each sound and phrase was handed on (monotonic)."""

    def __init__(self, sink: object, log: list[tuple[float, str, str]]) -> None:
        self.sink, self.log = sink, log

    def play(self, sound: str) -> None:
        self.log.append((time.monotonic(), "sound", sound))
        self.sink.play(sound)  # type: ignore[attr-defined]

    def say(self, text: str) -> None:
        self.log.append((time.monotonic(), "speech", text))
        self.sink.say(text)  # type: ignore[attr-defined]

    def hush(self) -> None:
        self.sink.hush()  # type: ignore[attr-defined]


def main() -> int:
    routine, out = sys.argv[1], sys.argv[2]
    app = application()
    Settings().safety_notice_said(datetime.date.today().isoformat())
    window = create_window([routine])
    controller = window.controller
    hands_free = controller.hands_free
    hands_free.start_sound()
    log: list[tuple[float, str, str]] = []
    hands_free.use_sink(LoggingSink(hands_free.cue_player.sink, log))
    driver = controller.driver
    assert driver is not None
    result: dict[str, object] = {}

    def start() -> None:
        if "started" in result:
            return
        result["started"] = time.monotonic()
        controller.start_planned_for_the_voice()  # as `backstretch ROUTINE --start`
        result["timeline"] = json.loads(msgspec.json.encode(driver.timeline))

    def finished(_cues: object) -> None:
        QTimer.singleShot(5000, done)  # the finish chime rings out, "Well done" is said

    def done() -> None:
        speaker = hands_free.speaker
        result["voice"] = speaker.voice if speaker else ""
        result["log"] = log
        with open(out, "w") as file:
            json.dump(result, file)
        controller.shutdown()
        app.quit()

    driver.finished.connect(finished)
    if "--calibrated" in sys.argv:  # the calibration's pace is kept, then start
        hands_free.phraseTimed.connect(lambda *_: QTimer.singleShot(500, start))
    else:
        hands_free.when_voice_ready(start, VOICE_WAIT_MS)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
