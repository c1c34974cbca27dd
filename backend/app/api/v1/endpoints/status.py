"""GET /api/v1/system/status and the cache reset."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from backend.app.api.deps import ServicesDep
from backend.app.concurrency import run_limited
from backend.app.schemas.status import ResetCacheResponse, SystemStatus

router = APIRouter(prefix="/system", tags=["system"])

MaxAge = Annotated[
    float | None,
    Query(
        ge=0,
        le=3600,
        description="Accept cached figures up to this many seconds old instead of the TTL",
    ),
]


@router.get("/status", response_model=SystemStatus)
async def system_status(
    request: Request, services: ServicesDep, max_age: MaxAge = None
) -> SystemStatus:
    """System, process and database figures, cached for the configured TTL."""
    cached = services.status.cached(max_age)
    if cached is not None:
        return cached
    # Computing reads psutil and SQLite: never on the event loop.
    return await run_limited(request.app.state.status_limiter, services.status.get, max_age)


@router.api_route("/status/reset-cache", methods=["GET", "POST"], response_model=ResetCacheResponse)
async def reset_status_cache(services: ServicesDep) -> ResetCacheResponse:
    """Forget the cached figures: the next status request computes them anew."""
    services.status.reset()
    return ResetCacheResponse(reset=True, message="status cache cleared")
