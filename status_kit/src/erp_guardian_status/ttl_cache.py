"""A thread-safe time-to-live cache of one computed value, with a single refresh in flight.

Callers on a stale or empty cache share one computation: the first becomes the owner and
computes outside the lock, the others wait on its Future. The lock only guards bookkeeping,
so `peek` never waits for a computation and can be called from the event loop.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class _Entry(Generic[T]):
    value: T
    computed_mono: float
    computed_at: datetime  # wall clock, UTC, for display only
    compute_ms: float


@dataclass(frozen=True)
class CacheResult(Generic[T]):
    """A value with what the response says about its freshness."""

    value: T
    computed_at: datetime
    age_s: float
    ttl_s: float
    hits: int
    misses: int
    compute_ms: float


class TTLCache(Generic[T]):
    """Caches `compute()` for `ttl_s` seconds; `reset()` forgets the value."""

    def __init__(
        self,
        compute: Callable[[], T],
        ttl_s: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._compute = compute
        self._ttl_s = ttl_s
        self._clock = clock
        self._lock = threading.Lock()
        self._entry: _Entry[T] | None = None
        self._in_flight: Future[_Entry[T]] | None = None
        self._generation = 0  # bumped by reset(): a computation started before is not stored
        self._hits = 0
        self._misses = 0

    @property
    def ttl_s(self) -> float:
        return self._ttl_s

    def peek(self, max_age_s: float | None = None) -> CacheResult[T] | None:
        """The cached value if fresh enough (a hit), else None. Never waits."""
        with self._lock:
            return self._fresh_hit(max_age_s)

    def get(self, max_age_s: float | None = None) -> CacheResult[T]:
        """A fresh enough value, computing it (once for all concurrent callers) if needed."""
        with self._lock:
            hit = self._fresh_hit(max_age_s)
            if hit is not None:
                return hit
            if self._in_flight is not None:
                # Someone is computing already: share the result, it counts as a hit.
                future = self._in_flight
                self._hits += 1
                owner = False
            else:
                future = Future()
                self._in_flight = future
                self._misses += 1
                generation = self._generation
                owner = True
        if owner:
            self._run_computation(future, generation)
        return self._result(future.result())

    def reset(self) -> None:
        """Forget the value; the next get() computes anew."""
        with self._lock:
            self._entry = None
            self._in_flight = None
            self._generation += 1

    def _run_computation(self, future: Future[_Entry[T]], generation: int) -> None:
        started = self._clock()
        try:
            value = self._compute()
        except BaseException as error:
            with self._lock:
                if self._in_flight is future:
                    self._in_flight = None
            future.set_exception(error)
            raise
        finished = self._clock()
        entry = _Entry(
            value=value,
            computed_mono=finished,
            computed_at=datetime.now(UTC),
            compute_ms=(finished - started) * 1000,
        )
        with self._lock:
            if self._generation == generation:
                self._entry = entry
            if self._in_flight is future:
                self._in_flight = None
        future.set_result(entry)

    def _fresh_hit(self, max_age_s: float | None) -> CacheResult[T] | None:
        # Called with the lock held.
        entry = self._entry
        if entry is None:
            return None
        limit = self._ttl_s if max_age_s is None else max_age_s
        if self._clock() - entry.computed_mono > limit:
            return None
        self._hits += 1
        return self._result_locked(entry)

    def _result(self, entry: _Entry[T]) -> CacheResult[T]:
        with self._lock:
            return self._result_locked(entry)

    def _result_locked(self, entry: _Entry[T]) -> CacheResult[T]:
        return CacheResult(
            value=entry.value,
            computed_at=entry.computed_at,
            age_s=max(0.0, self._clock() - entry.computed_mono),
            ttl_s=self._ttl_s,
            hits=self._hits,
            misses=self._misses,
            compute_ms=entry.compute_ms,
        )
