"""Keep the screen awake during a session (freedesktop ScreenSaver over D-Bus).

Elsewhere, or without a session bus, every call is a quiet no-op.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Q_ARG, QMetaObject, QObject

SERVICE = "org.freedesktop.ScreenSaver"
PATH = "/org/freedesktop/ScreenSaver"


class ScreenSaverInhibitor(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cookie: int | None = None
        self._interface = None
        if sys.platform.startswith("linux"):
            from PySide6.QtDBus import QDBusConnection, QDBusInterface

            bus = QDBusConnection.sessionBus()
            if bus.isConnected():
                interface = QDBusInterface(SERVICE, PATH, SERVICE, bus)
                if interface.isValid():
                    self._interface = interface

    @property
    def active(self) -> bool:
        return self._cookie is not None

    def inhibit(self, reason: str = "A stretching session is running") -> None:
        if self._interface is None or self._cookie is not None:
            return
        reply = self._interface.call("Inhibit", "Backstretch", reason)
        arguments = reply.arguments()
        if arguments and isinstance(arguments[0], int):
            self._cookie = arguments[0]

    def release(self) -> None:
        if self._interface is None or self._cookie is None:
            return
        # The cookie is a D-Bus uint32; a plain call would send a Python int as int32,
        # which the service rejects. The interface's own method knows the type.
        QMetaObject.invokeMethod(self._interface, "UnInhibit", Q_ARG("uint", self._cookie))
        self._cookie = None
