"""The host app's own health checks: plain callables that say ok or degraded, and why."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from erp_guardian_status.database import describe_error, ms_since
from erp_guardian_status.schemas.health import CheckResult


@dataclass(frozen=True)
class CheckOutcome:
    """What a health check returns: `CheckOutcome(ok=False, detail="printer queue full")`."""

    ok: bool
    detail: str = "ok"


HealthCheck = Callable[[], CheckOutcome]
"""Sync and quick: it runs in a worker thread on every /health request."""


def run_check(check: HealthCheck) -> CheckResult:
    """Run one host check; a raising or ill-typed check is degraded with the reason, never an
    error of the health route (a bug in a check must not look like a dead app)."""
    started = time.perf_counter()
    try:
        outcome = check()
    except Exception as error:
        return CheckResult(ok=False, detail=describe_error(error), latency_ms=ms_since(started))
    if not isinstance(outcome, CheckOutcome):
        detail = f"the check returned {type(outcome).__name__}, not a CheckOutcome"
        return CheckResult(ok=False, detail=detail, latency_ms=ms_since(started))
    return CheckResult(ok=outcome.ok, detail=outcome.detail, latency_ms=ms_since(started))
