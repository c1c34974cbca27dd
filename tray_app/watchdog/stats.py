"""Periodic system statistics for the guardian's log: CPU, RAM, disk, backend RSS."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import psutil

_MB = 1024 * 1024


def sample(disk_path: Path, backend_rss_bytes: int | None) -> dict[str, Any]:
    """One reading. CPU percent is since the previous call (psutil primes on the first)."""
    memory = psutil.virtual_memory()
    figures: dict[str, Any] = {
        "cpu_percent": psutil.cpu_percent(interval=None),
        "memory_percent": memory.percent,
        "memory_available_bytes": memory.available,
        "backend_rss_bytes": backend_rss_bytes,
    }
    path = disk_path
    while not path.exists() and path != path.parent:
        path = path.parent  # the data dir may not exist yet: measure the volume it will be on
    with contextlib.suppress(OSError):
        disk = psutil.disk_usage(str(path))
        figures["disk_percent"] = disk.percent
        figures["disk_free_bytes"] = disk.free
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
