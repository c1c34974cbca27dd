"""Asynchronous calls to the backend's status API with QNetworkAccessManager.

Nothing here blocks: replies arrive as signals, a transfer timeout ends a request to a hung
backend, and at most one status request is in flight, so a slow backend cannot pile them up.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal, Slot
from PySide6.QtNetwork import QNetworkAccessManager, QNetworkProxy, QNetworkReply, QNetworkRequest

from tray_app.config import GuardianConfig
from tray_app.watchdog import address

STATUS_PATH = "/api/v1/system/status"
RESET_PATH = "/api/v1/system/status/reset-cache"
TIMEOUT_MS = 3000


def backend_base_url(config: GuardianConfig) -> str:
    return address.backend_base_url(config.host, config.port)


class BackendStatusClient(QObject):
    status_received = Signal(dict)
    status_failed = Signal(str)
    cache_reset = Signal(bool, str)  # ok, message

    def __init__(self, base_url: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.base_url = base_url
        self._nam = QNetworkAccessManager(self)
        self._nam.setProxy(QNetworkProxy(QNetworkProxy.ProxyType.NoProxy))  # always local
        self._status_reply: QNetworkReply | None = None

    def _request(self, path: str) -> QNetworkRequest:
        request = QNetworkRequest(QUrl(self.base_url + path))
        request.setTransferTimeout(TIMEOUT_MS)
        request.setRawHeader(b"Accept", b"application/json")
        return request

    @Slot()
    def fetch(self) -> None:
        if self._status_reply is not None:
            return
        reply = self._nam.get(self._request(STATUS_PATH))
        self._status_reply = reply
        reply.finished.connect(lambda: self._on_status(reply))

    @Slot()
    def reset_cache(self) -> None:
        reply = self._nam.post(self._request(RESET_PATH), b"")
        reply.finished.connect(lambda: self._on_reset(reply))

    def _on_status(self, reply: QNetworkReply) -> None:
        self._status_reply = None
        data, error = _read_json(reply)
        if data is None:
            self.status_failed.emit(error)
        else:
            self.status_received.emit(data)

    def _on_reset(self, reply: QNetworkReply) -> None:
        data, error = _read_json(reply)
        if data is None:
            self.cache_reset.emit(False, error)
        else:
            self.cache_reset.emit(True, str(data.get("message", "")))


def _read_json(reply: QNetworkReply) -> tuple[dict[str, Any] | None, str]:
    """The JSON object of a finished reply, or None and why not."""
    reply.deleteLater()
    if reply.error() != QNetworkReply.NetworkError.NoError:
        return None, reply.errorString()
    try:
        data = json.loads(bytes(reply.readAll().data()))
    except ValueError:
        return None, "the backend sent no valid JSON"
    if not isinstance(data, dict):
        return None, "the backend sent an unexpected answer"
    return data, ""
