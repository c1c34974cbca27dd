"""One tray app per user: a later launch asks the running one to show its status window.

The channel is a QLocalServer (a named pipe on Windows, a Unix socket elsewhere) named after
the user, so two users on one machine each get their own guardian.
"""

from __future__ import annotations

import getpass
import hashlib
import os

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

SHOW_STATUS = b"show-status\n"
_CONNECT_MS = 1000
INSTANCE_ENV = "ERP_GUARDIAN_INSTANCE"  # an extra name part: lets tests run beside a real app


def instance_name() -> str:
    """erp-guardian-<hash of the user name[, the override]>: safe as a pipe or socket name."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry and no USER variable
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    key = f"{user}:{os.environ.get(INSTANCE_ENV, '')}"
    return "erp-guardian-" + hashlib.sha256(key.encode()).hexdigest()[:16]


class SingleInstance(QObject):
    """Tells whether another instance runs; once primary, reports its requests as signals."""

    show_requested = Signal()

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or instance_name()
        self._server: QLocalServer | None = None

    def notify_running(self) -> bool:
        """True if another instance answered (and was asked to show its status window)."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(_CONNECT_MS):
            return False
        socket.write(SHOW_STATUS)
        socket.flush()
        socket.waitForBytesWritten(_CONNECT_MS)
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(_CONNECT_MS)
        return True

    def listen(self) -> bool:
        """Become the primary instance. False if the name could not be taken."""
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            if server.serverError() != QAbstractSocket.SocketError.AddressInUseError:
                return False
            # A socket file left by a crashed instance (notify_running() found nobody).
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                return False
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    @Slot()
    def _on_connection(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._on_ready(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._on_ready(socket)

    def _on_ready(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            if bytes(socket.readLine().data()) == SHOW_STATUS:
                self.show_requested.emit()
