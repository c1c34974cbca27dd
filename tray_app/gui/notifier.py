"""Shows notifications as tray messages; tests spy on its `shown` signal (offscreen shows none)."""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from tray_app.gui.notifications import Notification

_SHOW_MS = 10_000
_CRITICAL_SHOW_MS = 30_000


class Notifier(QObject):
    """A small wrapper around QSystemTrayIcon.showMessage that remembers what it showed."""

    shown = Signal(object)  # Notification

    def __init__(self, tray: QSystemTrayIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tray = tray
        self.history: deque[Notification] = deque(maxlen=50)

    def notify(self, notification: Notification) -> None:
        icon = (
            QSystemTrayIcon.MessageIcon.Critical
            if notification.critical
            else QSystemTrayIcon.MessageIcon.Information
        )
        timeout = _CRITICAL_SHOW_MS if notification.critical else _SHOW_MS
        self._tray.showMessage(notification.title, notification.body, icon, timeout)
        self.history.append(notification)
        self.shown.emit(notification)
