"""Two small threads owned by whoever runs the guardian (headless or tray): one writes the
textfile every check interval (and notes the last check for the histogram), one pushes to
Uptime Kuma every push interval. Each reads the current config on every round, so settings
changed in the tray apply without a restart; neither runs on the GUI thread."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from tray_app.metrics.backup_age import backup_clock_from_age
from tray_app.metrics.kuma import Heartbeat, KumaPusher
from tray_app.metrics.registry import GuardianMetrics
from tray_app.metrics.textfile import TextfileWriter

log = logging.getLogger("erp_guardian.metrics")

PUSH_TIMEOUT_S = 10.0


class MetricsRunner:
    def __init__(self, metrics: GuardianMetrics) -> None:
        self.metrics = metrics
        self.textfile = TextfileWriter()
        self.pusher = KumaPusher()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> MetricsRunner:
        # The textfile at once (IT sees the guardian at once); the first push after one
        # interval, when the backend has had time to start.
        for name, action, interval, at_once in (
            ("metrics-textfile", self.tick_textfile, self._check_interval, True),
            ("metrics-push", self.tick_push, self._push_interval, False),
        ):
            thread = threading.Thread(
                target=self._every, args=(action, interval, at_once), name=name, daemon=True
            )
            thread.start()
            self._threads.append(thread)
        return self

    def stop(self, timeout_s: float = PUSH_TIMEOUT_S + 1) -> None:
        """Stop both threads, then write the textfile once more (it then shows the final
        state; its timestamp tells how old it is)."""
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout_s)
        self._threads.clear()
        self.tick_textfile()

    def use_backup_ages(self, age_s: Callable[[], float | None]) -> None:
        """Hook the backups in: age_s() gives the seconds since the newest good backup."""
        self.metrics.set_backup_clock(backup_clock_from_age(age_s))

    def tick_textfile(self) -> None:
        self.metrics.note_check()
        path = self.metrics.supervisor.config.metrics_textfile
        if path:
            self.textfile.write(Path(path).expanduser(), self.metrics.exposition())

    def tick_push(self) -> None:
        config = self.metrics.supervisor.config
        if config.push_url:
            self.pusher.timeout_s = min(PUSH_TIMEOUT_S, config.push_interval)
            beat = Heartbeat.of(self.metrics.supervisor.snapshot())
            self.pusher.push(config.push_url, beat)

    def _check_interval(self) -> float:
        return self.metrics.supervisor.config.check_interval

    def _push_interval(self) -> float:
        return self.metrics.supervisor.config.push_interval

    def _every(
        self, action: Callable[[], None], interval: Callable[[], float], at_once: bool
    ) -> None:
        if at_once:
            self._run(action)
        while not self._stop.wait(interval()):
            self._run(action)

    @staticmethod
    def _run(action: Callable[[], None]) -> None:
        try:
            action()
        except Exception:  # a metrics fault must not end the metrics for good
            log.exception("metrics task failed")
