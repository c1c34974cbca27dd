"""Fault injection for watchdog tests; mounted only when ERP_GUARDIAN_FAULTS=1."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Query

from backend.app.services.faults import FaultState, exit_now

log = logging.getLogger(__name__)

# Time for the answer to leave the socket before the process ends.
EXIT_DELAY_S = 0.2


def build_fault_router(faults: FaultState) -> APIRouter:
    """The fault routes under /api/v1/faults; `faults` is the state they change."""
    router = APIRouter(prefix="/api/v1/faults", tags=["faults"])

    @router.post("/block")
    async def block_event_loop(
        seconds: Annotated[float, Query(gt=0, le=600)],
    ) -> dict[str, Any]:
        """Block the event loop for `seconds` (time.sleep in async code: a real hang)."""
        log.warning("fault: blocking the event loop for %.1f s", seconds)
        time.sleep(seconds)  # blocking on purpose: the point of this fault
        return {"blocked_s": seconds}

    @router.post("/slow-health")
    async def slow_health(ms: Annotated[int, Query(ge=0, le=600_000)]) -> dict[str, Any]:
        """Make every later /health take `ms` milliseconds longer (0 clears)."""
        log.warning("fault: /health delayed by %d ms", ms)
        faults.set_slow_health(ms)
        return {"slow_health_ms": ms}

    @router.post("/exit")
    async def exit_process(
        background: BackgroundTasks, code: Annotated[int, Query(ge=0, le=255)]
    ) -> dict[str, Any]:
        """Answer, then end the process with exit code `code` (no graceful shutdown)."""
        log.warning("fault: exiting with code %d", code)
        background.add_task(_exit_soon, code)
        return {"exit_code": code, "in_s": EXIT_DELAY_S}

    return router


async def _exit_soon(code: int) -> None:
    asyncio.get_running_loop().call_later(EXIT_DELAY_S, exit_now, code)
