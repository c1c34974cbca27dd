"""Forwards the page's requests for backend figures, so the page needs one origin only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import requests

TIMEOUT_S = 3.0
STATUS_PATH = "/api/v1/system/status"
RESET_PATH = "/api/v1/system/status/reset-cache"


@dataclass(frozen=True)
class ProxyAnswer:
    status_code: int
    body: Any


class BackendProxy:
    """Blocking HTTP to the backend; call it from a worker thread, never the event loop."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")
        self._session = requests.Session()
        self._session.trust_env = False  # no environment proxy between us and localhost

    def get_status(self) -> ProxyAnswer:
        return self._call("GET", STATUS_PATH)

    def reset_cache(self) -> ProxyAnswer:
        return self._call("POST", RESET_PATH)

    def _call(self, method: str, path: str) -> ProxyAnswer:
        try:
            response = self._session.request(method, self.base_url + path, timeout=TIMEOUT_S)
        except requests.Timeout:
            return ProxyAnswer(503, {"detail": f"backend unreachable: no answer in {TIMEOUT_S} s"})
        except requests.ConnectionError as error:
            refused = "refused" in repr(error).lower()
            why = "connection refused" if refused else "connection failed"
            return ProxyAnswer(503, {"detail": f"backend unreachable: {why}"})
        try:
            body = response.json()
        except ValueError:
            return ProxyAnswer(502, {"detail": f"backend answered HTTP {response.status_code}"})
        return ProxyAnswer(response.status_code, body)

    def close(self) -> None:
        self._session.close()
