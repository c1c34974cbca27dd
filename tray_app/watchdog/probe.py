"""The health check: one HTTP GET with a timeout, classified into a typed result.

Standard library http.client on one kept-alive connection: the check runs every second for
the life of the guardian, and requests with urllib3, ssl and charset detection would add some
8 MB to a process whose idle memory is a target (see bench/recovery.py).
"""

from __future__ import annotations

import http.client
import json
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from tray_app.watchdog.model import Reason

_MAX_BODY = 64 * 1024
_DEGRADED_WORDS = frozenset({"degraded", "warn", "warning"})
# A kept-alive connection the server has closed meanwhile (a restarted backend) fails this way
# on first use; one retry on a fresh connection tells that apart from a real failure.
_STALE_CONNECTION = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)


@dataclass(frozen=True)
class CheckResult:
    """What one check saw. `alive` means the backend answered with success."""

    alive: bool
    degraded: bool
    latency_ms: float
    reason: Reason
    detail: str
    status: str | None = None  # the body's "status" field, when it had one


class HealthProbe:
    """GETs the health URL on a kept-alive connection; never raises for network trouble."""

    def __init__(self, url: str, clock: Callable[[], float] = time.perf_counter) -> None:
        self.url = url
        parts = urlsplit(url)
        self._https = parts.scheme == "https"
        self._host = parts.hostname or "127.0.0.1"
        self._port = parts.port or (443 if self._https else 80)
        self._target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        self._clock = clock
        self._conn: http.client.HTTPConnection | None = None

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def check(self, timeout_s: float) -> CheckResult:
        started = self._clock()
        try:
            code, body = self._get(timeout_s, reuse=True)
        except _STALE_CONNECTION:
            self.close()
            try:
                code, body = self._get(timeout_s, reuse=False)
            except Exception as error:  # classified below, like the first attempt's errors
                return self._fail(started, error, timeout_s)
        except Exception as error:
            return self._fail(started, error, timeout_s)
        latency_ms = (self._clock() - started) * 1000
        if not 200 <= code < 400:
            return CheckResult(False, False, latency_ms, Reason.HTTP_STATUS, f"HTTP {code}")
        return _classify_body(body, latency_ms)

    def _get(self, timeout_s: float, reuse: bool) -> tuple[int, bytes]:
        conn = self._connection(timeout_s) if reuse else self._new_connection(timeout_s)
        conn.request("GET", self._target, headers={"Accept": "application/json"})
        response = conn.getresponse()
        body = response.read(_MAX_BODY)
        if not response.isclosed():
            self.close()  # a body over the cap is left unread: this connection cannot be reused
        elif response.will_close:
            self.close()
        return response.status, body

    def _connection(self, timeout_s: float) -> http.client.HTTPConnection:
        if self._conn is None:
            return self._new_connection(timeout_s)
        self._conn.timeout = timeout_s
        if self._conn.sock is not None:
            self._conn.sock.settimeout(timeout_s)
        return self._conn

    def _new_connection(self, timeout_s: float) -> http.client.HTTPConnection:
        self.close()
        if self._https:
            self._conn = http.client.HTTPSConnection(self._host, self._port, timeout=timeout_s)
        else:
            self._conn = http.client.HTTPConnection(self._host, self._port, timeout=timeout_s)
        return self._conn

    def _fail(self, started: float, error: Exception, timeout_s: float) -> CheckResult:
        # A failed connection may be half-open; start the next check on a fresh one.
        self.close()
        latency_ms = (self._clock() - started) * 1000
        reason, detail = _classify_error(error, timeout_s)
        return CheckResult(False, False, latency_ms, reason, detail)


def _classify_error(error: Exception, timeout_s: float) -> tuple[Reason, str]:
    if isinstance(error, TimeoutError | socket.timeout):
        return Reason.TIMEOUT, f"no answer within {timeout_s:g} s"
    if isinstance(error, ConnectionRefusedError):
        return Reason.CONNECTION_REFUSED, "connection refused"
    if isinstance(error, http.client.HTTPException):
        return Reason.BAD_RESPONSE, f"not an HTTP answer: {type(error).__name__}"
    if isinstance(error, OSError):
        return Reason.CONNECTION_ERROR, _short(error)
    return Reason.BAD_RESPONSE, _short(error)


def _classify_body(body: bytes, latency_ms: float) -> CheckResult:
    """A 2xx answer is alive; a JSON status like "degraded" makes it degraded."""
    try:
        data = json.loads(body)
    except ValueError:
        # Any HTTP service can be guarded; many answer plain text such as "OK".
        return CheckResult(True, False, latency_ms, Reason.CHECK_PASSED, "answered (not JSON)")
    status = data.get("status") if isinstance(data, dict) else None
    if isinstance(status, str) and status.lower() in _DEGRADED_WORDS:
        return CheckResult(
            True, True, latency_ms, Reason.DEPENDENCY, _degraded_detail(data), status=status
        )
    return CheckResult(
        True,
        False,
        latency_ms,
        Reason.CHECK_PASSED,
        f"answers in {latency_ms:.0f} ms",
        status=status if isinstance(status, str) else None,
    )


def _degraded_detail(data: dict[str, object]) -> str:
    checks = data.get("checks")
    if isinstance(checks, dict):
        failing = [
            f"{name}: {check.get('detail', 'failing')}"
            for name, check in checks.items()
            if isinstance(check, dict) and not check.get("ok", True)
        ]
        if failing:
            return "degraded (" + "; ".join(failing) + ")"
    return "degraded"


def _short(error: Exception) -> str:
    text = str(error)
    return text if len(text) <= 200 else text[:197] + "..."
