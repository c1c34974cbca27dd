"""Worker-thread pools that keep blocking work off the event loop, one pool per purpose."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, TypeVarTuple, Unpack

import anyio.to_thread
from anyio import CapacityLimiter

T = TypeVar("T")
Ts = TypeVarTuple("Ts")

# Status waiters park on the cache's single computation; /health must not queue behind them.
STATUS_THREADS = 8
HEALTH_THREADS = 4


def make_limiters() -> tuple[CapacityLimiter, CapacityLimiter]:
    """(status, health) limiters; create them inside the running event loop."""
    return CapacityLimiter(STATUS_THREADS), CapacityLimiter(HEALTH_THREADS)


async def run_limited(limiter: CapacityLimiter, func: Callable[[Unpack[Ts]], T], *args: *Ts) -> T:
    """Run a blocking call in a worker thread, at most `limiter` of them at once."""
    return await anyio.to_thread.run_sync(func, *args, limiter=limiter)
