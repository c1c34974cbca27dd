"""Memory and CPU time of the backend process, read with psutil when metrics are gathered."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import psutil


@dataclass(frozen=True)
class ProcessFigures:
    rss_bytes: int
    cpu_seconds: float  # user + system since the process started


class BackendProcessReader:
    """Keeps one psutil.Process per PID: psutil then notices a reused PID by its start time.

    The process itself, as the engine's memory readings count it (not its children)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # scrapes and the textfile tick read at the same time
        self._process: psutil.Process | None = None

    def read(self, pid: int | None) -> ProcessFigures | None:
        if pid is None:
            return None
        with self._lock:
            try:
                if self._process is None or self._process.pid != pid:
                    self._process = psutil.Process(pid)
                process = self._process
                with process.oneshot():
                    rss = int(process.memory_info().rss)
                    times = process.cpu_times()
            except psutil.Error:
                self._process = None
                return None
        return ProcessFigures(rss_bytes=rss, cpu_seconds=float(times.user + times.system))
