"""The health check: one HTTP GET with a timeout, classified into a typed result."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass

import requests

from tray_app.watchdog.model import Reason

_MAX_BODY = 64 * 1024
_DEGRADED_WORDS = frozenset({"degraded", "warn", "warning"})


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
    """GETs the health URL with a kept-alive session; never raises for network trouble."""

    def __init__(self, url: str, clock: Callable[[], float] = time.perf_counter) -> None:
        self.url = url
        self._clock = clock
        self._session = requests.Session()
        self._session.trust_env = False  # a proxy from the environment must not see localhost

    def close(self) -> None:
        self._session.close()

    def check(self, timeout_s: float) -> CheckResult:
        started = self._clock()
        try:
            with self._session.get(self.url, timeout=timeout_s, stream=True) as response:
                body = response.raw.read(_MAX_BODY, decode_content=True)
                code = response.status_code
        except requests.Timeout:
            return self._fail(started, Reason.TIMEOUT, f"no answer within {timeout_s:g} s")
        except requests.ConnectionError as error:
            if _is_refused(error):
                return self._fail(started, Reason.CONNECTION_REFUSED, "connection refused")
            return self._fail(started, Reason.CONNECTION_ERROR, _short(error))
        except (requests.RequestException, OSError) as error:
            return self._fail(started, Reason.BAD_RESPONSE, _short(error))
        latency_ms = (self._clock() - started) * 1000
        if not 200 <= code < 400:
            return CheckResult(False, False, latency_ms, Reason.HTTP_STATUS, f"HTTP {code}")
        return _classify_body(body, latency_ms)

    def _fail(self, started: float, reason: Reason, detail: str) -> CheckResult:
        # A failed connection may be half-open; start the next check on a fresh one.
        self._session.close()
        return CheckResult(False, False, (self._clock() - started) * 1000, reason, detail)


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


def _is_refused(error: Exception) -> bool:
    text = repr(error)
    return "Connection refused" in text or "ConnectionRefusedError" in text or "10061" in text


def _short(error: Exception) -> str:
    text = str(error)
    return text if len(text) <= 200 else text[:197] + "..."
