"""The TTL cache alone: one computation for concurrent callers, resets, failures."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from erp_guardian_status.ttl_cache import TTLCache


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class CountingCompute:
    """Returns 1, 2, 3, ...; can be held inside the computation until released."""

    def __init__(self) -> None:
        self.calls = 0
        self.entered = threading.Event()
        self.release = threading.Event()
        self.release.set()

    def __call__(self) -> int:
        self.calls += 1
        self.entered.set()
        assert self.release.wait(timeout=10)
        return self.calls


def test_concurrent_callers_on_an_empty_cache_share_one_computation() -> None:
    compute = CountingCompute()
    compute.release.clear()
    cache = TTLCache(compute, ttl_s=60)
    with ThreadPoolExecutor(max_workers=20) as pool:
        results = [pool.submit(cache.get) for _ in range(20)]
        assert compute.entered.wait(timeout=10)
        assert cache.peek() is None  # peek never waits for the computation
        compute.release.set()
        values = [future.result(timeout=10).value for future in results]
    assert values == [1] * 20
    assert compute.calls == 1
    last = cache.get()
    assert (last.misses, last.hits) == (1, 20)


def test_value_is_reused_within_the_ttl_and_recomputed_after() -> None:
    clock = FakeClock()
    compute = CountingCompute()
    cache = TTLCache(compute, ttl_s=2, clock=clock)
    assert cache.get().value == 1
    clock.now += 1.5
    hit = cache.get()
    assert hit.value == 1
    assert hit.age_s == pytest.approx(1.5)
    clock.now += 1
    assert cache.get().value == 2


def test_max_age_overrides_the_ttl() -> None:
    clock = FakeClock()
    cache = TTLCache(CountingCompute(), ttl_s=2, clock=clock)
    cache.get()
    clock.now += 5
    assert cache.get(max_age_s=10).value == 1
    assert cache.get(max_age_s=0).value == 2


def test_reset_during_a_computation_discards_its_result() -> None:
    compute = CountingCompute()
    compute.release.clear()
    cache = TTLCache(compute, ttl_s=60)
    with ThreadPoolExecutor(max_workers=1) as pool:
        early = pool.submit(cache.get)
        assert compute.entered.wait(timeout=10)
        cache.reset()
        compute.release.set()
        assert early.result(timeout=10).value == 1
    assert cache.peek() is None  # figures from before the reset are not kept
    assert cache.get().value == 2


def test_a_failed_computation_is_not_cached() -> None:
    outcomes: list[int | Exception] = [RuntimeError("database is locked"), 42]

    def compute() -> int:
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    cache = TTLCache(compute, ttl_s=60)
    with pytest.raises(RuntimeError, match="locked"):
        cache.get()
    assert cache.get().value == 42
