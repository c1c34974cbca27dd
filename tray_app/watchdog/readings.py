"""Gathers the figures the early-warning rules judge: psutil, file sizes, and what the
supervisor tells it (check latencies, restarts, error lines in the backend's output)."""

from __future__ import annotations

import math
import re
import threading
from collections import deque
from pathlib import Path

from tray_app.config import GuardianConfig
from tray_app.watchdog import sampler
from tray_app.watchdog.backup_watch import BackupWatch
from tray_app.watchdog.early_warning import Reading
from tray_app.watchdog.sampler import volume_of
from tray_app.watchdog.tree_cpu import TreeCpuMeter

_DAY_S = 86400.0
_LATENCY_SAMPLES = 60
_RECENT_CHECKS = 10
_P95_CHECKS = 30
_LATENCY_FLOOR_MS = 10.0  # a 2 ms baseline doubling to 4 ms is jitter, not trouble
_STEADY_CORRELATION = 0.9


def error_line_pattern(patterns: list[str]) -> re.Pattern[str] | None:
    """One regex for all of the config's error patterns, in any case; None for none."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _free_bytes(path: Path) -> int | None:
    figures = sampler.disk(path)
    return None if figures is None else figures.free_bytes


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]


def steady_slope_per_hour(samples: list[tuple[float, float]]) -> float | None:
    """Least-squares slope (units per hour) when the points lie close to a line, else None."""
    n = len(samples)
    if n < 5:
        return None
    mean_t = sum(t for t, _ in samples) / n
    mean_v = sum(v for _, v in samples) / n
    cov = sum((t - mean_t) * (v - mean_v) for t, v in samples)
    var_t = sum((t - mean_t) ** 2 for t, _ in samples)
    var_v = sum((v - mean_v) ** 2 for _, v in samples)
    if var_t == 0 or var_v == 0:
        return 0.0
    if cov / math.sqrt(var_t * var_v) < _STEADY_CORRELATION:
        return None  # ups and downs, not a steady climb
    return cov / var_t * 3600


class ReadingCollector:
    """One per supervisor. note_output is called on the output thread, the rest on the loop."""

    def __init__(
        self,
        config: GuardianConfig,
        cpu: sampler.CpuMeter | None = None,
        backups: BackupWatch | None = None,
    ) -> None:
        self._config = config
        self._backups = backups or BackupWatch()
        self._error_line = error_line_pattern(config.error_patterns)
        self._cpu = cpu or sampler.CpuMeter()
        self._cpu.prime()  # the first look then covers a real interval
        self._tree_cpu = TreeCpuMeter()
        self._degraded_since: float | None = None
        self._rss: deque[tuple[float, float]] = deque()
        self._latencies: deque[float] = deque(maxlen=_LATENCY_SAMPLES)
        self._restarts: deque[float] = deque()
        self._errors: deque[float] = deque(maxlen=100_000)
        self._errors_lock = threading.Lock()

    @property
    def config(self) -> GuardianConfig:
        return self._config

    @config.setter
    def config(self, config: GuardianConfig) -> None:
        self._config = config
        self._error_line = error_line_pattern(config.error_patterns)

    def note_health(self, degraded: bool, now: float) -> None:
        """What /health said: a run of "degraded" answers is timed from its first one."""
        if not degraded:
            self._degraded_since = None
        elif self._degraded_since is None:
            self._degraded_since = now

    def note_latency(self, latency_ms: float) -> None:
        self._latencies.append(latency_ms)

    def note_restart(self, now: float) -> None:
        self._restarts.append(now)

    def note_output(self, line: bytes, now: float) -> None:
        pattern = self._error_line  # one read: the loop thread may replace it meanwhile
        if pattern is not None and pattern.search(line.decode("utf-8", "replace")):
            with self._errors_lock:
                self._errors.append(now)

    def forget_backend(self) -> None:
        """A new process: its memory trend and its degraded run start again."""
        self._rss.clear()
        self._degraded_since = None

    def read(self, now: float, backend_rss: int | None, backend_pid: int | None = None) -> Reading:
        config = self.config
        if backend_rss is not None:
            self._rss.append((now, backend_rss / 1024**2))
        while self._rss and now - self._rss[0][0] > config.rss_growth_window:
            self._rss.popleft()
        while self._restarts and now - self._restarts[0] > _DAY_S:
            self._restarts.popleft()
        with self._errors_lock:
            while self._errors and now - self._errors[0] > 60:
                self._errors.popleft()
            errors = len(self._errors)
        memory = sampler.memory()
        database = config.database_file
        backups = self._backups.figures(config, now)
        return Reading(
            at=now,
            db_volume=volume_of(config.data_path),
            db_volume_free_bytes=_free_bytes(config.data_path),
            log_volume=volume_of(config.log_path),
            log_volume_free_bytes=_free_bytes(config.log_path),
            memory_available_bytes=memory.available_bytes,
            cpu_percent=self._cpu.percent(),
            backend_cpu_percent=self._tree_cpu.percent(backend_pid, now),
            backend_rss_bytes=backend_rss,
            rss_growth_mb_per_hour=self._rss_growth(now),
            latency_p95_ms=self._latency_p95(),
            latency_rise_factor=self._latency_rise(),
            db_bytes=_size(database),
            wal_bytes=_size(database.with_name(database.name + "-wal")),
            restarts_24h=len(self._restarts),
            errors_per_minute=float(errors),
            db_degraded_s=0.0 if self._degraded_since is None else now - self._degraded_since,
            backup_age_s=backups.age_s,
            backup_shared_volume=backups.shared_volume,
            backup_volume_free_bytes=backups.free_bytes,
        )

    def _rss_growth(self, now: float) -> float | None:
        if not self._rss or now - self._rss[0][0] < 0.8 * self.config.rss_growth_window:
            return None  # not enough history to call it a trend
        return steady_slope_per_hour(list(self._rss))

    def _latency_p95(self) -> float | None:
        recent = list(self._latencies)[-_P95_CHECKS:]
        return _p95(recent) if len(recent) >= _RECENT_CHECKS else None

    def _latency_rise(self) -> float | None:
        values = list(self._latencies)
        if len(values) < 4 * _RECENT_CHECKS:
            return None
        earlier = max(_p95(values[:-_RECENT_CHECKS]), _LATENCY_FLOOR_MS)
        return _p95(values[-_RECENT_CHECKS:]) / earlier
