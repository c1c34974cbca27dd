"""Liveness: uptime and a cheap database check, nothing heavy."""

from __future__ import annotations

import time
from collections.abc import Callable

from backend.app.schemas.health import CheckResult, HealthResponse, HealthStatus
from backend.app.services.database import Database


class HealthService:
    """Builds the /health answer; `check()` blocks for at most about `db_timeout_s`."""

    def __init__(
        self,
        database: Database,
        db_timeout_s: float,
        version: str,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._database = database
        self._db_timeout_s = db_timeout_s
        self._version = version
        self._clock = clock
        self._started = clock()

    def check(self) -> HealthResponse:
        ping = self._database.ping(self._db_timeout_s)
        checks = {
            "database": CheckResult(ok=ping.ok, detail=ping.detail, latency_ms=ping.latency_ms)
        }
        healthy = all(check.ok for check in checks.values())
        return HealthResponse(
            status=HealthStatus.OK if healthy else HealthStatus.DEGRADED,
            version=self._version,
            uptime_s=round(self._clock() - self._started, 3),
            checks=checks,
        )
