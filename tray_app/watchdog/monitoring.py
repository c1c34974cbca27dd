"""Early warnings and the optional restart actions, run from the supervisor's loop.

The supervisor asks `tick()` on every pass; this says which warnings were raised or cleared and
whether an optional action (hard memory limit, daily restart) wants a restart. Publishing and
restarting stay with the supervisor, the one place that changes state.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from tray_app.config import GuardianConfig
from tray_app.watchdog.early_warning import Reading, build_rules
from tray_app.watchdog.model import ActiveWarning, Reason
from tray_app.watchdog.readings import ReadingCollector
from tray_app.watchdog.schedule import next_daily
from tray_app.watchdog.warning_monitor import WarningChange, WarningMonitor

MB = 1024**2


@dataclass(frozen=True)
class RestartRequest:
    reason: Reason
    detail: str


@dataclass(frozen=True)
class TickResult:
    changes: list[WarningChange] = field(default_factory=list)
    restart: RestartRequest | None = None


class Monitoring:
    """Owns the readings, the warning rules and the schedule; used by the loop thread only."""

    def __init__(self, config: GuardianConfig, wall_clock: Callable[[], datetime]) -> None:
        self.readings = ReadingCollector(config)
        self._config = config
        self._wall = wall_clock
        self._warnings = WarningMonitor(build_rules(config), config.warning_hysteresis)
        self._next_look = 0.0
        self._next_scheduled: float | None = None
        self.last_reading: Reading | None = None

    def active(self) -> tuple[ActiveWarning, ...]:
        return self._warnings.active()

    def next_due(self) -> float | None:
        if self._next_scheduled is None:
            return self._next_look
        return min(self._next_look, self._next_scheduled)

    def reconfigure(self, config: GuardianConfig, now: float) -> list[WarningChange]:
        self._config = config
        self.readings.config = config
        self._next_look = now
        self._next_scheduled = None
        return self._warnings.reconfigure(build_rules(config), config.warning_hysteresis)

    def tick(
        self, now: float, backend_pid: int | None, backend_rss: Callable[[], int | None]
    ) -> TickResult:
        result = TickResult()
        if now >= self._next_look:
            self._next_look = now + self._config.monitor_interval
            result = self._look(now, backend_rss(), backend_pid)
        scheduled = self._scheduled_restart(now)
        if scheduled is not None and result.restart is None:
            return TickResult(result.changes, scheduled)
        return result

    def _look(self, now: float, rss: int | None, pid: int | None) -> TickResult:
        reading = self.readings.read(now, rss, pid)
        self.last_reading = reading
        changes = self._warnings.update(reading, self._wall())
        limit_mb = self._config.restart_on_rss_mb
        if limit_mb > 0 and rss is not None and rss > limit_mb * MB:
            detail = (
                f"restarting the backend: it uses {rss / MB:.1f} MB, above the hard limit "
                f"of {limit_mb:g} MB"
            )
            return TickResult(changes, RestartRequest(Reason.RSS_LIMIT, detail))
        return TickResult(changes)

    def _scheduled_restart(self, now: float) -> RestartRequest | None:
        when = self._config.scheduled_restart
        if not when:
            self._next_scheduled = None
            return None
        if self._next_scheduled is None:
            wall = self._wall()
            self._next_scheduled = now + (next_daily(when, wall) - wall).total_seconds()
            return None
        if now < self._next_scheduled:
            return None
        self._next_scheduled = None  # computed again for tomorrow on the next pass
        return RestartRequest(Reason.SCHEDULED, f"daily restart at {when}, as configured")
