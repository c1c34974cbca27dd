"""Periodic system statistics for the guardian's log: CPU, RAM, disk, backend RSS."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tray_app.watchdog import sampler

_MB = 1024 * 1024

# The statistics line's own CPU baseline (see sampler.CpuMeter). Built here but first read
# at the supervisor's first statistics call, which only primes it: nothing runs at import.
_STATS_CPU = sampler.CpuMeter()


def sample(
    disk_path: Path, backend_rss_bytes: int | None, cpu: sampler.CpuMeter | None = None
) -> dict[str, Any]:
    """One reading. CPU percent is since this meter's previous call (0.0 on the first)."""
    memory = sampler.memory()
    figures: dict[str, Any] = {
        "cpu_percent": (cpu or _STATS_CPU).percent(),
        "memory_percent": memory.percent,
        "memory_available_bytes": memory.available_bytes,
        "backend_rss_bytes": backend_rss_bytes,
    }
    disk = sampler.disk(disk_path)
    if disk is not None:
        figures["disk_percent"] = disk.percent
        figures["disk_free_bytes"] = disk.free_bytes
    return figures


def describe(figures: dict[str, Any]) -> str:
    parts = [
        f"cpu {figures['cpu_percent']:.1f}%",
        f"ram {figures['memory_percent']:.1f}% "
        f"({figures['memory_available_bytes'] / _MB:.0f} MB free)",
    ]
    if "disk_percent" in figures:
        parts.append(
            f"disk {figures['disk_percent']:.1f}% ({figures['disk_free_bytes'] / _MB:.0f} MB free)"
        )
    rss = figures.get("backend_rss_bytes")
    parts.append(f"backend rss {rss / _MB:.1f} MB" if rss else "backend not running")
    return ", ".join(parts)
