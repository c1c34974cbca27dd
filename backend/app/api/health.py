"""GET /health: liveness, cheap, answers while the event loop lives."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Request

from backend.app.api.deps import ServicesDep
from backend.app.concurrency import run_limited
from backend.app.schemas.health import HealthResponse

router = APIRouter(tags=["health"])


@router.get("/health", response_model=HealthResponse)
async def health(request: Request, services: ServicesDep) -> HealthResponse:
    """Liveness plus a database check; `degraded` (HTTP 200) when the database fails."""
    delay_ms = services.faults.slow_health_ms
    if delay_ms:
        await asyncio.sleep(delay_ms / 1000)
    # The check may wait on a locked database: a worker thread of its own limiter, so that
    # a queue of status computations never delays it.
    return await run_limited(request.app.state.health_limiter, services.health.check)
