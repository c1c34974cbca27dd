"""Liveness: uptime, a cheap database check and the host's own checks, nothing heavy."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping

from erp_guardian_status.checks import HealthCheck, run_check
from erp_guardian_status.database import ReadOnlyDatabase
from erp_guardian_status.schemas.health import CheckResult, HealthResponse, HealthStatus


class HealthService:
    """Builds the /health answer; `check()` blocks for about `db_timeout_s` plus the time the
    host's checks take."""

    def __init__(
        self,
        database: ReadOnlyDatabase,
        db_timeout_s: float,
        version: str,
        extra_checks: Mapping[str, HealthCheck],
        started_mono: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._database = database
        self._db_timeout_s = db_timeout_s
        self._version = version
        self._extra_checks = extra_checks
        self._started_mono = started_mono
        self._clock = clock

    def check(self) -> HealthResponse:
        ping = self._database.ping(self._db_timeout_s)
        checks = {
            "database": CheckResult(ok=ping.ok, detail=ping.detail, latency_ms=ping.latency_ms)
        }
        for name, extra_check in self._extra_checks.items():
            checks[name] = run_check(extra_check)
        healthy = all(check.ok for check in checks.values())
        return HealthResponse(
            status=HealthStatus.OK if healthy else HealthStatus.DEGRADED,
            version=self._version,
            uptime_s=round(self._clock() - self._started_mono, 3),
            checks=checks,
        )
