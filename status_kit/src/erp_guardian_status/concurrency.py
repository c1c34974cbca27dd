"""Worker-thread limits that keep blocking work off the event loop, one limit per purpose.

The limits are the kit's own (the host's default thread pool is left alone) and are created
at the first request: anyio needs a running event loop to make them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar, TypeVarTuple, Unpack

import anyio.to_thread
from anyio import CapacityLimiter

T = TypeVar("T")
Ts = TypeVarTuple("Ts")

# Status waiters park on the cache's single computation; /health must not queue behind them.
STATUS_THREADS = 8
HEALTH_THREADS = 4


@dataclass(frozen=True)
class Limiters:
    status: CapacityLimiter
    health: CapacityLimiter


class LazyLimiters:
    """Makes the limiters on first use, inside the running event loop."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._limiters: Limiters | None = None

    def get(self) -> Limiters:
        with self._lock:
            if self._limiters is None:
                self._limiters = Limiters(
                    status=CapacityLimiter(STATUS_THREADS), health=CapacityLimiter(HEALTH_THREADS)
                )
            return self._limiters


async def run_limited(limiter: CapacityLimiter, func: Callable[[Unpack[Ts]], T], *args: *Ts) -> T:
    """Run a blocking call in a worker thread, at most `limiter` of them at once."""
    return await anyio.to_thread.run_sync(func, *args, limiter=limiter)
