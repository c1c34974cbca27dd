"""Forwards the page's requests for backend figures, so the page needs one origin only.

Standard library http.client, like the health probe (tray_app/watchdog/probe.py): requests
with urllib3 and charset detection would cost the tray process memory for two calls. A new
connection per call: the page asks every few seconds at most, and the thread pool may call
from several threads at once, which one kept-alive connection could not serve.
"""

from __future__ import annotations

import http.client
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

TIMEOUT_S = 3.0
STATUS_PATH = "/api/v1/system/status"
RESET_PATH = "/api/v1/system/status/reset-cache"


@dataclass(frozen=True)
class ProxyAnswer:
    status_code: int
    body: Any


def _unreachable(why: str) -> ProxyAnswer:
    return ProxyAnswer(503, {"detail": f"backend unreachable: {why}"})


class BackendProxy:
    """Blocking HTTP to the backend; call it from a worker thread, never the event loop.

    http.client reads no proxy settings from the environment: nothing stands between us and
    the backend on this machine.
    """

    def __init__(self, base_url: str, timeout_s: float = TIMEOUT_S) -> None:
        self.base_url = base_url.rstrip("/")
        parts = urlsplit(self.base_url)
        self._host = parts.hostname or "127.0.0.1"
        self._port = parts.port or 80
        self._prefix = parts.path
        self._timeout_s = timeout_s

    def get_status(self) -> ProxyAnswer:
        return self._call("GET", STATUS_PATH)

    def reset_cache(self) -> ProxyAnswer:
        return self._call("POST", RESET_PATH)

    def _call(self, method: str, path: str) -> ProxyAnswer:
        conn = http.client.HTTPConnection(self._host, self._port, timeout=self._timeout_s)
        try:
            conn.request(
                method,
                self._prefix + path,
                body=b"" if method == "POST" else None,
                headers={"Accept": "application/json"},
            )
            response = conn.getresponse()
            code, body = response.status, response.read()
        except TimeoutError:  # socket.timeout is an alias of it since 3.10
            return _unreachable(f"no answer in {self._timeout_s} s")
        except ConnectionRefusedError:
            return _unreachable("connection refused")
        except (OSError, http.client.HTTPException):
            return _unreachable("connection failed")
        finally:
            conn.close()
        try:
            return ProxyAnswer(code, json.loads(body))
        except ValueError:
            return ProxyAnswer(502, {"detail": f"backend answered HTTP {code}"})
