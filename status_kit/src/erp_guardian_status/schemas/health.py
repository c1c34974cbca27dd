"""Response model of GET /health."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field


class HealthStatus(StrEnum):
    OK = "ok"
    DEGRADED = "degraded"  # alive, but a dependency fails: a restart would not help


class CheckResult(BaseModel):
    ok: bool
    detail: str = Field(description='"ok" or what failed, e.g. "database is locked"')
    latency_ms: float


class HealthResponse(BaseModel):
    status: HealthStatus
    version: str
    uptime_s: float
    checks: dict[str, CheckResult] = Field(
        description="One entry per dependency: database, then the host app's own checks"
    )
