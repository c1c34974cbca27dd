"""The psutil readings of the machine, shared by the statistics line and the early warning.

Each consumer owns a `CpuMeter`: psutil's `cpu_percent(interval=None)` keeps one baseline per
process, so two callers on different schedules (statistics every 60 s, early warning every
5 s) would each see only the CPU since the other's last call.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

CpuTimesSource = Callable[[], Any]
"""Returns a psutil `scputimes`-like object: float fields user, system, idle, ..."""


@dataclass(frozen=True)
class _CpuTotals:
    total_s: float
    busy_s: float


def _totals(times: Any) -> _CpuTotals:
    """Total and busy seconds, counted as psutil's own cpu_percent counts them."""
    fields: dict[str, float] = times._asdict()
    total = sum(fields.values())
    # Linux counts guest time inside user and nice as well: do not count it twice.
    total -= fields.get("guest", 0.0) + fields.get("guest_nice", 0.0)
    idle = fields.get("idle", 0.0) + fields.get("iowait", 0.0)
    return _CpuTotals(total_s=total, busy_s=total - idle)


class CpuMeter:
    """CPU busy percent of the whole machine since this meter's own previous reading.

    Not thread-safe: one meter per consumer, used from one thread.
    """

    def __init__(self, cpu_times: CpuTimesSource | None = None) -> None:
        self._cpu_times = cpu_times
        self._last: _CpuTotals | None = None

    def _read(self) -> _CpuTotals:
        # psutil looked up at call time, not bound at definition: tests may replace it.
        return _totals(self._cpu_times() if self._cpu_times else psutil.cpu_times())

    def prime(self) -> None:
        """Take the baseline now, so the first `percent()` covers a real interval."""
        self._last = self._read()

    def percent(self) -> float:
        """Busy share since the previous call (or `prime`); 0.0 on the very first call."""
        now = self._read()
        last, self._last = self._last, now
        if last is None:
            return 0.0
        total_delta = now.total_s - last.total_s
        if total_delta <= 0:
            return 0.0  # called twice within one clock tick of the kernel's counters
        busy_delta = now.busy_s - last.busy_s
        return round(min(max(busy_delta / total_delta * 100, 0.0), 100.0), 1)


@dataclass(frozen=True)
class MemoryFigures:
    percent: float
    available_bytes: int


@dataclass(frozen=True)
class DiskFigures:
    percent: float
    free_bytes: int


def memory() -> MemoryFigures:
    figures = psutil.virtual_memory()
    return MemoryFigures(percent=float(figures.percent), available_bytes=int(figures.available))


def existing_parent(path: Path) -> Path:
    """The path itself or its nearest existing parent: a data folder that does not exist yet
    is measured on the volume it will be on."""
    path = path.absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def disk(path: Path) -> DiskFigures | None:
    """Usage of the volume that holds path; None when the OS will not say."""
    try:
        usage = psutil.disk_usage(str(existing_parent(path)))
    except OSError:
        return None
    return DiskFigures(percent=float(usage.percent), free_bytes=int(usage.free))


def volume_of(path: Path) -> str:
    """The mount point (or drive) that holds path, for messages such as 'free disk on C:\\'."""
    path = existing_parent(path)
    if path.anchor and path.anchor != "/":
        return path.anchor  # a Windows drive
    while not os.path.ismount(path) and path != path.parent:
        path = path.parent
    return str(path)
