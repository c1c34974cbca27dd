"""System CPU usage between two readings that this object keeps itself.

Not `psutil.cpu_percent(interval=None)`: since psutil 5.9.6 it keeps its previous reading per
calling thread, so the first call in each worker thread measures nothing (0.0), and any other
caller in the host app's process would move our baseline. Busy time is counted as psutil does.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import psutil

# Time not spent working; on Linux "guest" time is already inside "user" and "nice".
IDLE_FIELDS = ("idle", "iowait")
COUNTED_TWICE_FIELDS = ("guest", "guest_nice")


@dataclass(frozen=True)
class CpuReading:
    percent: float
    per_core: list[float]


def busy_percent(before: dict[str, float], after: dict[str, float]) -> float:
    # Some counters can step backwards (psutil issues 392, 645, 1210): such a delta counts 0.
    deltas = {name: max(0.0, after[name] - before.get(name, 0.0)) for name in after}
    total = sum(deltas.values()) - sum(deltas.get(name, 0.0) for name in COUNTED_TWICE_FIELDS)
    busy = total - sum(deltas.get(name, 0.0) for name in IDLE_FIELDS)
    if total <= 0:
        return 0.0
    return round(min(100.0, max(0.0, busy / total * 100)), 1)


class CpuSampler:
    """`read()` gives the usage since the previous `read()` or `prime()`, from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._total: dict[str, float] | None = None
        self._per_core: list[dict[str, float]] | None = None

    def prime(self) -> None:
        with self._lock:
            self._total, self._per_core = _sample()

    def read(self) -> CpuReading:
        """0.0 for a first reading without a prime (no time has passed to measure)."""
        with self._lock:
            total, per_core = _sample()
            before_total = self._total or total
            before_cores = self._per_core or per_core
            if len(before_cores) != len(per_core):  # a CPU went on- or offline
                before_cores = per_core
            self._total, self._per_core = total, per_core
        return CpuReading(
            percent=busy_percent(before_total, total),
            per_core=[busy_percent(b, a) for b, a in zip(before_cores, per_core, strict=True)],
        )


def _sample() -> tuple[dict[str, float], list[dict[str, float]]]:
    total = psutil.cpu_times()._asdict()
    per_core = [times._asdict() for times in psutil.cpu_times(percpu=True)]
    return total, per_core
