"""A small closed-loop HTTP load generator: N threads, each with its own kept-alive session.

Used by the load test (short) and by bench/load.py (the full minute). Every answer is counted
by status code; a request that fails without an answer counts as an error with its reason.
"""

from __future__ import annotations

import statistics
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

import requests


@dataclass
class LoadResult:
    """What the clients saw over the run."""

    duration_s: float
    connections: int
    statuses: Counter[int] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    latencies_ms: list[float] = field(default_factory=list)

    @property
    def requests(self) -> int:
        return sum(self.statuses.values()) + sum(self.errors.values())

    @property
    def non_2xx(self) -> int:
        bad = sum(n for code, n in self.statuses.items() if not 200 <= code < 300)
        return bad + sum(self.errors.values())

    @property
    def per_second(self) -> float:
        return self.requests / self.duration_s if self.duration_s else 0.0

    def percentile_ms(self, share: float) -> float:
        if not self.latencies_ms:
            return 0.0
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))]

    def describe(self) -> str:
        median = statistics.median(self.latencies_ms) if self.latencies_ms else 0.0
        return (
            f"{self.requests} requests in {self.duration_s:.1f} s on {self.connections} "
            f"connections ({self.per_second:.0f}/s); non-2xx or failed: {self.non_2xx}; "
            f"latency median {median:.1f} ms, p99 {self.percentile_ms(0.99):.1f} ms, "
            f"max {max(self.latencies_ms, default=0.0):.1f} ms; statuses {dict(self.statuses)}"
            + (f"; errors {dict(self.errors)}" if self.errors else "")
        )


def run_load(url: str, connections: int, duration_s: float, timeout_s: float = 10.0) -> LoadResult:
    """GET `url` from `connections` threads in a closed loop for `duration_s` seconds."""
    result = LoadResult(duration_s=duration_s, connections=connections)
    lock = threading.Lock()
    start = threading.Barrier(connections + 1)
    deadline: list[float] = []

    def client() -> None:
        session = requests.Session()
        session.trust_env = False
        statuses: Counter[int] = Counter()
        errors: Counter[str] = Counter()
        latencies: list[float] = []
        start.wait()
        try:
            while time.monotonic() < deadline[0]:
                sent = time.perf_counter()
                try:
                    response = session.get(url, timeout=timeout_s)
                    statuses[response.status_code] += 1
                except requests.RequestException as error:
                    errors[type(error).__name__] += 1
                latencies.append((time.perf_counter() - sent) * 1000)
        finally:
            session.close()
            with lock:
                result.statuses.update(statuses)
                result.errors.update(errors)
                result.latencies_ms.extend(latencies)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(connections)]
    for thread in threads:
        thread.start()
    deadline.append(time.monotonic() + duration_s)
    began = time.monotonic()
    start.wait()
    for thread in threads:
        thread.join(duration_s + timeout_s + 5)
    result.duration_s = time.monotonic() - began
    return result
