"""psutil figures about the machine and this process.

CPU percentages are measured between two readings; `prime()` takes the first one at the first
request, so that later readings measure since then and never block. A metric that fails is reported
as null plus an error line, the others still come through.
"""

from __future__ import annotations

import os
import platform
import socket
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import psutil

from erp_guardian_status.cpu_sampler import CpuSampler
from erp_guardian_status.schemas.status import (
    DiskInfo,
    MemoryInfo,
    ProcessInfo,
    SwapInfo,
    SystemInfo,
)

T = TypeVar("T")

# CPU percentages over less than this are mostly noise (a handful of scheduler ticks).
MIN_CPU_WINDOW_S = 0.5


def _guarded(name: str, read: Callable[[], T], errors: list[str]) -> T | None:
    """Run one metric reader; a failure becomes an error line instead of failing them all."""
    try:
        return read()
    except (OSError, psutil.Error, RuntimeError) as error:
        errors.append(f"{name}: {type(error).__name__}: {error}")
        return None


class SystemCollector:
    """Reads system and process figures; one instance per app (it keeps the CPU baselines)."""

    def __init__(self, disk_path: Path, app_version: str) -> None:
        self._disk_path = disk_path
        self._app_version = app_version
        self._process = psutil.Process(os.getpid())
        self._cpu = CpuSampler()
        self._primed_at: float | None = None

    def prime(self) -> None:
        """First CPU readings, so that the next ones measure since now (they return 0.0)."""
        self._cpu.prime()
        self._process.cpu_percent(interval=None)
        self._primed_at = time.monotonic()

    def _settle_first_window(self) -> None:
        """Only the first computation right after start-up can come too soon after prime()
        (a page polling a just-started app); it waits the rest of a short window once,
        in the worker thread, instead of reporting 0 %."""
        if self._primed_at is None:
            return
        remaining = MIN_CPU_WINDOW_S - (time.monotonic() - self._primed_at)
        self._primed_at = None
        if remaining > 0:
            time.sleep(remaining)

    def system(self, errors: list[str]) -> SystemInfo:
        self._settle_first_window()
        cpu = self._cpu.read()
        vm = psutil.virtual_memory()
        return SystemInfo(
            hostname=socket.gethostname(),
            os=f"{platform.system()} {platform.release()}",
            platform=sys.platform,
            boot_time=datetime.fromtimestamp(psutil.boot_time(), UTC),
            cpu_percent=cpu.percent,
            cpu_per_core=cpu.per_core,
            cpu_count=psutil.cpu_count() or 1,
            load_average=self._load_average(),
            memory=MemoryInfo(
                total_bytes=vm.total,
                available_bytes=vm.available,
                used_bytes=vm.used,
                percent=vm.percent,
            ),
            swap=_guarded("system.swap", self._swap, errors),
            disk=_guarded("system.disk", self._disk, errors),
        )

    def process(self, errors: list[str]) -> ProcessInfo:
        proc = self._process
        with proc.oneshot():
            created = proc.create_time()
            return ProcessInfo(
                pid=proc.pid,
                started_at=datetime.fromtimestamp(created, UTC),
                uptime_s=round(max(0.0, time.time() - created), 3),
                rss_bytes=proc.memory_info().rss,
                cpu_percent=proc.cpu_percent(interval=None),
                threads=proc.num_threads(),
                open_files=_guarded("process.open_files", lambda: len(proc.open_files()), errors),
                python_version=platform.python_version(),
                app_version=self._app_version,
            )

    @staticmethod
    def _load_average() -> list[float] | None:
        # os.getloadavg, not psutil's: on Windows psutil emulates it with a background thread.
        if not hasattr(os, "getloadavg"):
            return None
        return [round(value, 2) for value in os.getloadavg()]

    @staticmethod
    def _swap() -> SwapInfo:
        swap = psutil.swap_memory()
        return SwapInfo(total_bytes=swap.total, used_bytes=swap.used, percent=swap.percent)

    def _disk(self) -> DiskInfo:
        usage = psutil.disk_usage(str(self._disk_path))
        return DiskInfo(
            path=str(self._disk_path),
            total_bytes=usage.total,
            used_bytes=usage.used,
            free_bytes=usage.free,
            percent=usage.percent,
        )
