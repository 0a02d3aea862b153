"""Media keys, headset buttons and the desktop's sound menu, through MPRIS on D-Bus.

While a session exists the app is ``org.mpris.MediaPlayer2.backstretch`` on the
session bus: Play/Pause, Next and Previous drive the session, and the metadata
shows the exercise, the side, the cue and the minutes left in the routine. Without
a session bus (or off Linux) every call is a quiet no-op.

The metadata changes with the segment and once a minute, not every second: each
change wakes every listener on the desktop (the shell's sound menu, say), and a
player's progress within the segment is what Position and ``mpris:length`` are for.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import ClassInfo, Property, QObject, Slot

from ..core.session import State
from .driver import SessionDriver

SERVICE = "org.mpris.MediaPlayer2.backstretch"
PATH = "/org/mpris/MediaPlayer2"
ROOT_INTERFACE = "org.mpris.MediaPlayer2"
PLAYER_INTERFACE = "org.mpris.MediaPlayer2.Player"
STATUS = {State.RUNNING: "Playing", State.PAUSED: "Paused", State.READY: "Paused"}

try:  # QtDBus is in PySide6-Essentials, but a build may leave it out
    from PySide6.QtDBus import (
        QDBusAbstractAdaptor,
        QDBusConnection,
        QDBusMessage,
        QDBusObjectPath,
    )
except ImportError:  # pragma: no cover - depends on the PySide6 build
    QDBusAbstractAdaptor = QObject  # type: ignore[misc,assignment]
    QDBusConnection = None  # type: ignore[assignment,misc]


@ClassInfo({"D-Bus Interface": ROOT_INTERFACE})
class RootAdaptor(QDBusAbstractAdaptor):
    def __init__(self, service: MprisService) -> None:
        super().__init__(service.holder)
        self.service = service

    @Slot()
    def Raise(self) -> None:  # the names are MPRIS's
        self.service.on_raise()

    @Slot()
    def Quit(self) -> None:
        pass

    Identity = Property(str, lambda self: "Backstretch")
    DesktopEntry = Property(str, lambda self: "backstretch")
    CanQuit = Property(bool, lambda self: False)
    CanRaise = Property(bool, lambda self: True)
    HasTrackList = Property(bool, lambda self: False)
    SupportedUriSchemes = Property("QStringList", lambda self: [])
    SupportedMimeTypes = Property("QStringList", lambda self: [])


@ClassInfo({"D-Bus Interface": PLAYER_INTERFACE})
class PlayerAdaptor(QDBusAbstractAdaptor):
    def __init__(self, service: MprisService) -> None:
        super().__init__(service.holder)
        self.service = service

    @Slot()
    def PlayPause(self) -> None:  # the names are MPRIS's
        self.service.command("toggle")

    @Slot()
    def Play(self) -> None:
        driver = self.service.driver
        if driver is not None and driver.state is not State.RUNNING:
            self.service.command("toggle")

    @Slot()
    def Pause(self) -> None:
        driver = self.service.driver
        if driver is not None and driver.state is State.RUNNING:
            self.service.command("toggle")

    @Slot()
    def Stop(self) -> None:
        self.service.command("stop")

    @Slot()
    def Next(self) -> None:
        self.service.command("next")

    @Slot()
    def Previous(self) -> None:
        self.service.command("previous")

    PlaybackStatus = Property(str, lambda self: self.service.playback_status())
    Metadata = Property("QVariantMap", lambda self: self.service.metadata())
    Position = Property("qlonglong", lambda self: self.service.position())
    Rate = Property(float, lambda self: 1.0)
    MinimumRate = Property(float, lambda self: 1.0)
    MaximumRate = Property(float, lambda self: 1.0)
    CanGoNext = Property(bool, lambda self: self.service.driver is not None)
    CanGoPrevious = Property(bool, lambda self: self.service.driver is not None)
    CanPlay = Property(bool, lambda self: self.service.driver is not None)
    CanPause = Property(bool, lambda self: self.service.driver is not None)
    CanSeek = Property(bool, lambda self: False)
    CanControl = Property(bool, lambda self: True)


class MprisService(QObject):
    """Registers while a session is attached; ``command(name)`` is called for controls."""

    def __init__(
        self,
        command: Callable[[str], None],
        on_raise: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.command = command
        self.on_raise = on_raise
        self.driver: SessionDriver | None = None
        self.registered = False
        self._last_shown = ""
        self.holder = QObject(self)
        self._bus = None
        if QDBusConnection is not None and sys.platform.startswith("linux"):
            bus = QDBusConnection.sessionBus()
            if bus.isConnected():
                self._bus = bus
                RootAdaptor(self)
                PlayerAdaptor(self)

    @property
    def available(self) -> bool:
        return self._bus is not None

    def attach(self, driver: SessionDriver) -> None:
        self.driver = driver
        driver.segmentStarted.connect(lambda _segment: self._changed("Metadata"))
        driver.stateChanged.connect(lambda _state: self._changed("PlaybackStatus"))
        driver.tick.connect(self._tick)
        if self._bus is not None and not self.registered:
            options = QDBusConnection.RegisterOption.ExportAdaptors
            self.registered = self._bus.registerObject(PATH, self.holder, options)
            self.registered = self.registered and self._bus.registerService(SERVICE)
        self._changed("Metadata", "PlaybackStatus")

    def detach(self) -> None:
        self.driver = None
        if self._bus is not None and self.registered:
            self._bus.unregisterService(SERVICE)
            self._bus.unregisterObject(PATH)
            self.registered = False

    # --- what the desktop sees ------------------------------------------------------

    def playback_status(self) -> str:
        driver = self.driver
        return STATUS.get(driver.state, "Stopped") if driver else "Stopped"

    def metadata(self) -> dict[str, Any]:
        driver = self.driver
        if driver is None:
            return {}
        segment = driver.segment
        side = f" ({segment.side_words.lower()})" if segment.side_words else ""
        return {
            "mpris:trackid": QDBusObjectPath(f"/org/backstretch/segment/{segment.index}"),
            "mpris:length": round(segment.seconds * 1_000_000),
            "xesam:title": f"{segment.exercise_name}{side}",
            "xesam:artist": [f"{segment.cue} · {self._minutes_left()}"],
            "xesam:album": driver.timeline.title,
        }

    def position(self) -> int:
        driver = self.driver
        return round(driver.segment_elapsed() * 1_000_000) if driver else 0

    def _minutes_left(self) -> str:
        seconds = self.driver.total_remaining() if self.driver else 0.0
        return f"{math.ceil(seconds / 60)} min left"

    def _tick(self) -> None:
        shown = self._minutes_left()
        if shown != self._last_shown:  # a minute went by: tell the sound menu
            self._last_shown = shown
            self._changed("Metadata")

    def _changed(self, *names: str) -> None:
        if self._bus is None or not self.registered:
            return
        values = {"Metadata": self.metadata, "PlaybackStatus": self.playback_status}
        changed = {name: values[name]() for name in names}
        signal = QDBusMessage.createSignal(
            PATH, "org.freedesktop.DBus.Properties", "PropertiesChanged"
        )
        # Position is never signalled, only read (the spec says so); naming it as
        # invalidated also makes the list a D-Bus string array, as clients expect.
        signal.setArguments([PLAYER_INTERFACE, changed, ["Position"]])
        self._bus.send(signal)
