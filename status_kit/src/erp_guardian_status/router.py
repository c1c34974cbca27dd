"""The routes: thin handlers that call the kit's services and return response models."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query, Request

from erp_guardian_status.checks import HealthCheck
from erp_guardian_status.concurrency import run_limited
from erp_guardian_status.kit import StatusKit
from erp_guardian_status.options import StatusOptions
from erp_guardian_status.schemas.health import HealthResponse
from erp_guardian_status.schemas.status import ResetCacheResponse, SystemStatus

MaxAge = Annotated[
    float | None,
    Query(
        ge=0,
        le=3600,
        description="Accept cached figures up to this many seconds old instead of the TTL",
    ),
]

UNKNOWN_VERSION = "unknown"


def status_router(
    database: str | os.PathLike[str],
    *,
    ttl_s: float = 2.0,
    prefix: str = "/api/v1",
    health_path: str | None = "/health",
    checks: Mapping[str, HealthCheck] | None = None,
    version: str | None = None,
    integrity_ttl_s: float = 60.0,
    health_db_timeout_s: float = 0.1,
    stats_db_timeout_s: float = 0.5,
) -> APIRouter:
    """The status API for the SQLite file `database`, to pass to `app.include_router`.

    Status routes live under `prefix` (`{prefix}/system/status`); /health stays at
    `health_path` whatever the prefix (None leaves it out). `checks` maps names to the app's
    own health checks. `version` defaults to the FastAPI app's own `version`.
    Raises ValueError for invalid options.
    """
    options = StatusOptions(
        database=Path(database).absolute(),
        ttl_s=ttl_s,
        prefix=prefix,
        health_path=health_path,
        checks=checks or {},
        version=version,
        integrity_ttl_s=integrity_ttl_s,
        health_db_timeout_s=health_db_timeout_s,
        stats_db_timeout_s=stats_db_timeout_s,
    )
    return build_router(StatusKit(options))


def build_router(kit: StatusKit) -> APIRouter:
    """The routes of one kit (state lives in the kit, none in the host app)."""

    def app_version(request: Request) -> str:
        return str(getattr(request.app, "version", None) or UNKNOWN_VERSION)

    async def health(request: Request) -> HealthResponse:
        """Liveness plus a database check; `degraded` (HTTP 200) when the database fails."""
        services = kit.services(app_version(request))
        # The check may wait on a locked database: a worker thread of its own limiter, so that
        # a queue of status computations never delays it.
        return await run_limited(kit.limiters.get().health, services.health.check)

    async def system_status(request: Request, max_age: MaxAge = None) -> SystemStatus:
        """System, process and database figures, cached for the configured TTL."""
        services = kit.services(app_version(request))
        cached = services.status.cached(max_age)
        if cached is not None:
            return cached
        # Computing reads psutil and SQLite: never on the event loop.
        return await run_limited(kit.limiters.get().status, services.status.get, max_age)

    async def reset_status_cache() -> ResetCacheResponse:
        """Forget the cached figures: the next status request computes them anew."""
        kit.reset()
        return ResetCacheResponse(reset=True, message="status cache cleared")

    router = APIRouter()
    if kit.options.health_path is not None:
        router.add_api_route(
            kit.options.health_path, health, response_model=HealthResponse, tags=["health"]
        )
    status_path = f"{kit.options.prefix}/system/status"
    router.add_api_route(status_path, system_status, response_model=SystemStatus, tags=["system"])
    # One route per method, so that each has an operation id of its own in the OpenAPI schema.
    for method in ("GET", "POST"):
        router.add_api_route(
            f"{status_path}/reset-cache",
            reset_status_cache,
            methods=[method],
            response_model=ResetCacheResponse,
            tags=["system"],
        )
    return router
