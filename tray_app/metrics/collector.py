"""The Prometheus collector: reads the supervisor at scrape time; no thread of its own.

Names follow Prometheus' conventions: a `erp_guardian_` prefix, base units (seconds, bytes),
`_total` on counters, `_timestamp_seconds` for points in time (the age is computed in PromQL,
so a stale textfile cannot report a fresh age).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Protocol

from prometheus_client.core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    HistogramMetricFamily,
    Metric,
)
from prometheus_client.registry import Collector

from tray_app import __version__
from tray_app.config import GuardianConfig
from tray_app.metrics.backend_process import BackendProcessReader
from tray_app.metrics.recorder import MetricsRecorder
from tray_app.watchdog import sampler
from tray_app.watchdog.early_warning import build_rules
from tray_app.watchdog.model import State
from tray_app.watchdog.snapshot import Snapshot

BackupClock = Callable[[], float | None]
"""Unix time of the newest good backup, None while there is none (tray_app/backup/ fills it)."""


class SupervisorView(Protocol):
    """What the collector reads of the supervisor (any thread)."""

    @property
    def config(self) -> GuardianConfig: ...

    def snapshot(self) -> Snapshot: ...


def _gauge(name: str, documentation: str, value: float) -> GaugeMetricFamily:
    return GaugeMetricFamily(name, documentation, value=value)


class GuardianCollector(Collector):
    """One per supervisor; `backup_clock` None means backups are not set up (no metric)."""

    def __init__(
        self,
        supervisor: SupervisorView,
        recorder: MetricsRecorder,
        backup_clock: BackupClock | None = None,
    ) -> None:
        self._supervisor = supervisor
        self._recorder = recorder
        self._process = BackendProcessReader()
        self.backup_clock = backup_clock
        self._rules: tuple[GuardianConfig | None, tuple[str, ...]] = (None, ())

    def collect(self) -> Iterator[Metric]:
        snapshot = self._supervisor.snapshot()
        config = self._supervisor.config
        self._recorder.note_check(snapshot)
        yield _gauge("erp_guardian_up", "1 while the backend is healthy, else 0", _up(snapshot))
        yield self._states(snapshot)
        yield self._restarts()
        yield self._check_durations()
        yield from self._backend(snapshot)
        yield self._warnings(snapshot, config)
        yield self._disk(config)
        yield from self._backup()
        info = GaugeMetricFamily(
            "erp_guardian_build_info", "The guardian's version; always 1", labels=["version"]
        )
        info.add_metric([__version__], 1)
        yield info
        yield _gauge(
            "erp_guardian_collected_timestamp_seconds",
            "When these figures were read (Unix time); shows a stale textfile",
            time.time(),
        )

    def _states(self, snapshot: Snapshot) -> GaugeMetricFamily:
        family = GaugeMetricFamily(
            "erp_guardian_state", "1 for the watchdog's current state", labels=["state"]
        )
        for state in State:
            family.add_metric([state.value], 1 if snapshot.state is state else 0)
        return family

    def _restarts(self) -> CounterMetricFamily:
        family = CounterMetricFamily(
            "erp_guardian_restarts", "Backend starts after the first, by reason", labels=["reason"]
        )
        for reason, count in sorted(self._recorder.restarts().items()):
            family.add_metric([reason.value], count)
        return family

    def _check_durations(self) -> HistogramMetricFamily:
        counts = self._recorder.check_durations()
        buckets = [(repr(bound), float(count)) for bound, count in counts.cumulative]
        buckets.append(("+Inf", float(counts.count)))
        family = HistogramMetricFamily(
            "erp_guardian_health_check_duration_seconds",
            "Duration of the backend's health checks (each check seen once)",
        )
        family.add_metric([], buckets, counts.sum_s)
        return family

    def _backend(self, snapshot: Snapshot) -> Iterator[Metric]:
        figures = self._process.read(snapshot.pid)
        if figures is None:
            return  # no backend process: no figures rather than zeros
        yield _gauge(
            "erp_guardian_backend_memory_bytes",
            "Resident memory of the backend process",
            figures.rss_bytes,
        )
        yield CounterMetricFamily(
            "erp_guardian_backend_cpu_seconds",
            "CPU time (user and system) of the current backend process",
            value=figures.cpu_seconds,
        )
        if snapshot.started_at is not None:
            yield _gauge(
                "erp_guardian_backend_start_time_seconds",
                "When the current backend process was started (Unix time)",
                snapshot.started_at.timestamp(),
            )

    def _warnings(self, snapshot: Snapshot, config: GuardianConfig) -> GaugeMetricFamily:
        active = {warning.rule for warning in snapshot.warnings}
        family = GaugeMetricFamily(
            "erp_guardian_warnings_active",
            "1 while an early-warning rule has fired and not cleared",
            labels=["rule"],
        )
        for rule in sorted(set(self._rule_keys(config)) | active):
            family.add_metric([rule], 1 if rule in active else 0)
        return family

    def _rule_keys(self, config: GuardianConfig) -> tuple[str, ...]:
        known, keys = self._rules
        if known is not config:  # the config is frozen: a new object means new settings
            keys = tuple(rule.key for rule in build_rules(config))
            self._rules = (config, keys)
        return keys

    def _disk(self, config: GuardianConfig) -> GaugeMetricFamily:
        family = GaugeMetricFamily(
            "erp_guardian_disk_free_bytes",
            "Free space on the volumes of the data (database) and the logs",
            labels=["files"],
        )
        for files, path in (("data", config.data_path), ("logs", config.log_path)):
            figures = sampler.disk(path)
            if figures is not None:
                family.add_metric([files], figures.free_bytes)
        return family

    def _backup(self) -> Iterator[Metric]:
        if self.backup_clock is None:
            return
        newest = self.backup_clock()
        yield _gauge(
            "erp_guardian_backup_last_success_timestamp_seconds",
            "When the newest good backup was taken (Unix time; 0: none yet)",
            newest or 0.0,
        )


def _up(snapshot: Snapshot) -> float:
    return 1.0 if snapshot.state is State.HEALTHY else 0.0
