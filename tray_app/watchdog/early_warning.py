"""Early warning: rules over readings, with hysteresis, so trouble shows before an outage.

Pure decisions: a `Reading` comes in (gathered at the edge by `tray_app.watchdog.readings`),
`WarningMonitor.update` says which warnings were raised and which cleared. A rule fires when its
value passes the threshold (and, for sustained rules, stays past it long enough); it clears only
when the value is back past a lower level, so a value near the line raises one warning, not many.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from tray_app.config import GuardianConfig
from tray_app.watchdog.model import ActiveWarning
from tray_app.watchdog.reading import Reading

__all__ = ["GB", "MB", "Reading", "Rule", "WarningChange", "WarningMonitor", "build_rules"]

GB = 1024**3
MB = 1024**2


@dataclass(frozen=True)
class Rule:
    """One warning. `worse_above`: True when high values are bad (RSS), False for free space."""

    key: str
    title: str
    unit: str
    threshold: float
    worse_above: bool
    value_of: Callable[[Reading], float | None]
    hint: Callable[[Reading, float, float], str]
    sustain_s: float = 0.0

    def is_past(self, value: float) -> bool:
        return value > self.threshold if self.worse_above else value < self.threshold

    def is_clear(self, value: float, hysteresis: float) -> bool:
        if self.worse_above:
            return value <= self.threshold * (1 - hysteresis)
        return value >= self.threshold * (1 + hysteresis)


@dataclass(frozen=True)
class WarningChange:
    raised: bool  # False: cleared
    warning: ActiveWarning


def _gb(value: float) -> str:
    return f"{value:.1f} GB"


def _mb(value: float) -> str:
    return f"{value:.0f} MB"


def _log_volume_free_gb(r: Reading) -> float | None:
    """One volume, one warning: the database's rule speaks for logs on the same volume."""
    if r.log_volume_free_bytes is None or r.log_volume == r.db_volume:
        return None
    return r.log_volume_free_bytes / GB


def build_rules(config: GuardianConfig) -> list[Rule]:
    """The rules switched on by the config (threshold 0 switches one off)."""
    rules = [
        Rule(
            "disk_free_db",
            "Low disk space (database)",
            "GB",
            config.warn_disk_free_gb,
            False,
            lambda r: None if r.db_volume_free_bytes is None else r.db_volume_free_bytes / GB,
            lambda r, v, t: (
                f"free disk on {r.db_volume} is {_gb(v)}, below {_gb(t)}: "
                "the database will stop growing when it is full"
                + (" and the logs will stop recording" if r.log_volume == r.db_volume else "")
            ),
        ),
        Rule(
            "disk_free_logs",
            "Low disk space (logs)",
            "GB",
            config.warn_disk_free_gb,
            False,
            _log_volume_free_gb,
            lambda r, v, t: (
                f"free disk on {r.log_volume} is {_gb(v)}, below {_gb(t)}: "
                "the logs need room to record what happens"
            ),
        ),
        Rule(
            "memory_available",
            "Low memory",
            "MB",
            config.warn_memory_available_mb,
            False,
            lambda r: None if r.memory_available_bytes is None else r.memory_available_bytes / MB,
            lambda _r, v, t: (
                f"only {_mb(v)} of memory is available, below {_mb(t)}: "
                "programs may slow down or be stopped by the system"
            ),
        ),
        Rule(
            "backend_rss",
            "Backend uses much memory",
            "MB",
            config.warn_backend_rss_mb,
            True,
            lambda r: None if r.backend_rss_bytes is None else r.backend_rss_bytes / MB,
            lambda _r, v, t: f"the backend uses {_mb(v)} of memory, above {_mb(t)}",
        ),
        Rule(
            "backend_rss_growth",
            "Backend memory keeps growing",
            "MB/h",
            config.warn_rss_growth_mb_per_hour,
            True,
            lambda r: r.rss_growth_mb_per_hour,
            lambda _r, v, _t: (
                f"the backend's memory grows steadily by {v:.0f} MB per hour: "
                "a leak that will end in a crash; plan a restart at a quiet time"
            ),
        ),
        Rule(
            "latency_p95",
            "Backend answers slowly",
            "ms",
            config.warn_latency_p95_ms,
            True,
            lambda r: r.latency_p95_ms,
            lambda _r, v, t: (
                f"health checks take {v:.0f} ms (95th percentile), above {t:.0f} ms: "
                "users will notice the ERP being slow"
            ),
        ),
        Rule(
            "latency_rising",
            "Backend is getting slower",
            "x",
            config.warn_latency_rise_factor,
            True,
            lambda r: r.latency_rise_factor,
            lambda _r, v, _t: f"health checks are {v:.1f} times slower than before",
        ),
        Rule(
            "cpu_sustained",
            "Backend keeps the processor busy",
            "%",
            config.warn_cpu_percent,
            True,
            lambda r: r.backend_cpu_percent,
            lambda _r, v, t: (
                f"the backend's processes use {v:.0f}% of a processor core (above {t:.0f}%) "
                f"for more than {config.warn_cpu_sustained:.0f} s"
            ),
            sustain_s=config.warn_cpu_sustained,
        ),
        Rule(
            "db_size",
            "Database is large",
            "MB",
            config.warn_db_size_mb,
            True,
            lambda r: None if r.db_bytes is None else r.db_bytes / MB,
            lambda _r, v, t: f"the database file is {_mb(v)}, above {_mb(t)}",
        ),
        Rule(
            "wal_size",
            "Database journal is large",
            "MB",
            config.warn_wal_size_mb,
            True,
            lambda r: None if r.wal_bytes is None else r.wal_bytes / MB,
            lambda _r, v, t: (
                f"the database's write-ahead log is {_mb(v)}, above {_mb(t)}: "
                "a long-running reader may keep it from being checkpointed"
            ),
        ),
        Rule(
            "restarts_24h",
            "Frequent restarts",
            "restarts",
            config.warn_restarts_24h,
            True,
            lambda r: float(r.restarts_24h),
            lambda _r, v, t: (
                f"the backend was restarted {v:.0f} times in 24 hours "
                f"(more than {t:.0f}): look at the incidents"
            ),
        ),
        Rule(
            "errors_per_minute",
            "Backend reports errors",
            "/min",
            config.warn_errors_per_minute,
            True,
            lambda r: r.errors_per_minute,
            lambda _r, v, t: (
                f"the backend wrote {v:.0f} error lines in the last minute "
                f"(more than {t:.0f}): see backend.log"
            ),
        ),
        Rule(
            "db_degraded",
            "Database stays locked",
            "s",
            config.warn_db_degraded_s,
            True,
            lambda r: r.db_degraded_s,
            lambda _r, v, t: (
                f"the backend has reported its database as not usable for {v:.0f} s "
                f"(more than {t:.0f} s): another program may hold the database file"
            ),
        ),
    ]
    return [rule for rule in rules if rule.threshold > 0]


class WarningMonitor:
    """Tracks which rules are active; one instance per supervisor, used by its loop only."""

    def __init__(self, rules: list[Rule], hysteresis: float) -> None:
        self.rules = rules
        self.hysteresis = hysteresis
        self._active: dict[str, ActiveWarning] = {}
        self._past_since: dict[str, float] = {}

    def active(self) -> tuple[ActiveWarning, ...]:
        return tuple(self._active.values())

    def reconfigure(self, rules: list[Rule], hysteresis: float) -> list[WarningChange]:
        """New thresholds; warnings of rules switched off are cleared."""
        self.rules, self.hysteresis = rules, hysteresis
        keys = {rule.key for rule in rules}
        gone = [w for key, w in self._active.items() if key not in keys]
        for warning in gone:
            del self._active[warning.rule]
        return [WarningChange(False, warning) for warning in gone]

    def update(self, reading: Reading, now: datetime) -> list[WarningChange]:
        changes = []
        for rule in self.rules:
            value = rule.value_of(reading)
            if value is None:
                continue
            change = self._judge(rule, value, reading, now)
            if change is not None:
                changes.append(change)
        return changes

    def _judge(
        self, rule: Rule, value: float, reading: Reading, now: datetime
    ) -> WarningChange | None:
        active = self._active.get(rule.key)
        if active is not None:
            if rule.is_clear(value, self.hysteresis):
                del self._active[rule.key]
                self._past_since.pop(rule.key, None)
                return WarningChange(False, replace(active, value=round(value, 3)))
            return None
        if not rule.is_past(value):
            self._past_since.pop(rule.key, None)
            return None
        since = self._past_since.setdefault(rule.key, reading.at)
        if reading.at - since < rule.sustain_s:
            return None
        warning = ActiveWarning(
            rule=rule.key,
            title=rule.title,
            value=round(value, 3),
            threshold=rule.threshold,
            unit=rule.unit,
            hint=rule.hint(reading, value, rule.threshold),
            since=now,
        )
        self._active[rule.key] = warning
        return WarningChange(True, warning)
