"""One set of metrics per supervisor: the recorder that listens, the collector, the registry.

The metrics must listen from the supervisor's first event, while the page server that serves
them starts later and is handed only the supervisor; `metrics_of` gives both the same object.
"""

from __future__ import annotations

import threading
import weakref
from weakref import WeakKeyDictionary

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from prometheus_client.registry import CollectorRegistry

from tray_app.config import GuardianConfig
from tray_app.metrics.collector import BackupClock, GuardianCollector
from tray_app.metrics.recorder import MetricsRecorder
from tray_app.watchdog import Supervisor
from tray_app.watchdog.snapshot import Snapshot

CONTENT_TYPE = CONTENT_TYPE_LATEST


class _WeakSupervisor:
    """The supervisor without keeping it alive: `metrics_of` keeps metrics per supervisor in a
    WeakKeyDictionary, whose values must not hold their keys."""

    def __init__(self, supervisor: Supervisor) -> None:
        self._ref = weakref.ref(supervisor)

    def _get(self) -> Supervisor:
        supervisor = self._ref()
        if supervisor is None:
            raise RuntimeError("the supervisor of these metrics is gone")
        return supervisor

    @property
    def config(self) -> GuardianConfig:
        return self._get().config

    def snapshot(self) -> Snapshot:
        return self._get().snapshot()


class GuardianMetrics:
    """A registry of our own (not prometheus_client's global one): tests build many."""

    def __init__(self, supervisor: Supervisor, backup_clock: BackupClock | None = None) -> None:
        self.supervisor = _WeakSupervisor(supervisor)
        self.recorder = MetricsRecorder()
        self.collector = GuardianCollector(self.supervisor, self.recorder, backup_clock)
        self.registry = CollectorRegistry(auto_describe=False)
        self.registry.register(self.collector)
        self._unsubscribe = supervisor.subscribe(self.recorder.on_event)

    def set_backup_clock(self, backup_clock: BackupClock | None) -> None:
        """The hook for tray_app/backup/: the newest good backup's Unix time."""
        self.collector.backup_clock = backup_clock

    def note_check(self) -> None:
        """Look at the snapshot's last check now (the textfile tick calls this)."""
        self.recorder.note_check(self.supervisor.snapshot())

    def exposition(self) -> bytes:
        """The figures in Prometheus' text format."""
        return generate_latest(self.registry)

    def close(self) -> None:
        self._unsubscribe()


_attached: WeakKeyDictionary[Supervisor, GuardianMetrics] = WeakKeyDictionary()
_attached_lock = threading.Lock()


def metrics_of(supervisor: Supervisor) -> GuardianMetrics:
    """The supervisor's metrics, made (and subscribed) on the first call."""
    with _attached_lock:
        metrics = _attached.get(supervisor)
        if metrics is None:
            metrics = _attached[supervisor] = GuardianMetrics(supervisor)
        return metrics
