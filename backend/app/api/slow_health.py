"""The slow-health fault: /health answers later, without blocking the event loop.

An ASGI layer in front of the app (only when faults are enabled): the status kit that serves
/health knows nothing of faults, as it would in any other ERP.
"""

from __future__ import annotations

import asyncio

from starlette.types import ASGIApp, Receive, Scope, Send

from backend.app.services.faults import FaultState

HEALTH_PATH = "/health"


class SlowHealthMiddleware:
    """Delays each /health request by the fault's current `slow_health_ms`."""

    def __init__(self, app: ASGIApp, faults: FaultState) -> None:
        self.app = app
        self.faults = faults

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == HEALTH_PATH:
            delay_ms = self.faults.slow_health_ms
            if delay_ms:
                await asyncio.sleep(delay_ms / 1000)
        await self.app(scope, receive, send)
