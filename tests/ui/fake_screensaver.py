"""A stand-in for the desktop's org.freedesktop.ScreenSaver service, for tests.

Run on a private session bus; it logs every call to stdout, one line each.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection


@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class ScreenSaver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.next_cookie = 41

    @Slot(str, str, result="uint")
    def Inhibit(self, application: str, reason: str) -> int:
        self.next_cookie += 1
        print(f"inhibit {application} {self.next_cookie}", flush=True)
        return self.next_cookie

    @Slot("uint")
    def UnInhibit(self, cookie: int) -> None:
        print(f"uninhibit {cookie}", flush=True)


def main() -> int:
    app = QCoreApplication(sys.argv)
    bus = QDBusConnection.sessionBus()
    service = ScreenSaver()
    options = QDBusConnection.RegisterOption.ExportAllSlots
    if not bus.registerObject("/org/freedesktop/ScreenSaver", service, options):
        return 1
    if not bus.registerService("org.freedesktop.ScreenSaver"):
        return 1
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
