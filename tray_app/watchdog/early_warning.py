"""Early warning: the rules over readings, so trouble shows before an outage.

Each rule says what it reads from a `Reading` (gathered at the edge by
`tray_app.watchdog.readings`), where its line is and how its warning is worded; which warnings
are raised and cleared, with hysteresis, is `tray_app.watchdog.warning_monitor`'s decision.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tray_app.config import GuardianConfig
from tray_app.i18n.catalogue import Message, Param
from tray_app.i18n.message_ids import MessageId as M
from tray_app.watchdog.reading import Reading

__all__ = ["GB", "MB", "Reading", "Rule", "build_rules"]

GB = 1024**3
MB = 1024**2


@dataclass(frozen=True)
class Rule:
    """One warning. `worse_above`: True when high values are bad (RSS), False for free space."""

    key: str
    title: M
    unit: str
    threshold: float
    worse_above: bool
    value_of: Callable[[Reading], float | None]
    hint: Callable[[Reading, float, float], Message]
    sustain_s: float = 0.0
    decimals: int = 0  # of the value in its hint (`.0f`, `.1f`): its clearing rounds alike

    def is_past(self, value: float) -> bool:
        return value > self.threshold if self.worse_above else value < self.threshold

    def is_clear(self, value: float, hysteresis: float) -> bool:
        if self.worse_above:
            return value <= self.threshold * (1 - hysteresis)
        return value >= self.threshold * (1 + hysteresis)

    def back_to_normal(self, value: float) -> Message:
        """The words of its warning clearing, the value rounded as the hint rounds it."""
        shown = round(value, self.decimals) + 0.0  # + 0.0: -0.0 reads "0", not "-0"
        params: dict[str, Param] = {"title": Message(self.title), "value": shown, "unit": self.unit}
        return Message(M.WARNING_CLEARED, params)


def _log_volume_free_gb(r: Reading) -> float | None:
    """One volume, one warning: the database's rule speaks for logs on the same volume."""
    if r.log_volume_free_bytes is None or r.log_volume == r.db_volume:
        return None
    return r.log_volume_free_bytes / GB


def _backup_age_h(r: Reading) -> float | None:
    return None if r.backup_age_s is None else r.backup_age_s / 3600


def _backup_volume_free_gb(r: Reading) -> float | None:
    """Only while the backups share the database's volume: one full disk would take both."""
    if r.backup_shared_volume is None or r.backup_volume_free_bytes is None:
        return None
    return r.backup_volume_free_bytes / GB


def build_rules(config: GuardianConfig) -> list[Rule]:
    """The rules switched on by the config (threshold 0 switches one off)."""
    rules = [
        Rule(
            "disk_free_db",
            M.W_DISK_DB_TITLE,
            "GB",
            config.warn_disk_free_gb,
            False,
            lambda r: None if r.db_volume_free_bytes is None else r.db_volume_free_bytes / GB,
            lambda r, v, t: Message(
                M.W_DISK_DB_LOGS_HINT if r.log_volume == r.db_volume else M.W_DISK_DB_HINT,
                {"volume": str(r.db_volume), "free_gb": v, "threshold_gb": t},
            ),
            decimals=1,
        ),
        Rule(
            "disk_free_logs",
            M.W_DISK_LOGS_TITLE,
            "GB",
            config.warn_disk_free_gb,
            False,
            _log_volume_free_gb,
            lambda r, v, t: Message(
                M.W_DISK_LOGS_HINT,
                {"volume": str(r.log_volume), "free_gb": v, "threshold_gb": t},
            ),
            decimals=1,
        ),
        Rule(
            "memory_available",
            M.W_MEMORY_TITLE,
            "MB",
            config.warn_memory_available_mb,
            False,
            lambda r: None if r.memory_available_bytes is None else r.memory_available_bytes / MB,
            lambda _r, v, t: Message(M.W_MEMORY_HINT, {"available_mb": v, "threshold_mb": t}),
        ),
        Rule(
            "backend_rss",
            M.W_RSS_TITLE,
            "MB",
            config.warn_backend_rss_mb,
            True,
            lambda r: None if r.backend_rss_bytes is None else r.backend_rss_bytes / MB,
            lambda _r, v, t: Message(M.W_RSS_HINT, {"rss_mb": v, "threshold_mb": t}),
        ),
        Rule(
            "backend_rss_growth",
            M.W_GROWTH_TITLE,
            "MB/h",
            config.warn_rss_growth_mb_per_hour,
            True,
            lambda r: r.rss_growth_mb_per_hour,
            lambda _r, v, _t: Message(M.W_GROWTH_HINT, {"growth_mb": v}),
        ),
        Rule(
            "latency_p95",
            M.W_LATENCY_TITLE,
            "ms",
            config.warn_latency_p95_ms,
            True,
            lambda r: r.latency_p95_ms,
            lambda _r, v, t: Message(M.W_LATENCY_HINT, {"latency_ms": v, "threshold_ms": t}),
        ),
        Rule(
            "latency_rising",
            M.W_RISING_TITLE,
            "x",
            config.warn_latency_rise_factor,
            True,
            lambda r: r.latency_rise_factor,
            lambda _r, v, _t: Message(M.W_RISING_HINT, {"factor": v}),
            decimals=1,
        ),
        Rule(
            "cpu_sustained",
            M.W_CPU_TITLE,
            "%",
            config.warn_cpu_percent,
            True,
            lambda r: r.backend_cpu_percent,
            lambda _r, v, t: Message(
                M.W_CPU_HINT,
                {
                    "cpu_percent": v,
                    "threshold_percent": t,
                    "sustained_s": float(config.warn_cpu_sustained),
                },
            ),
            sustain_s=config.warn_cpu_sustained,
        ),
        Rule(
            "db_size",
            M.W_DB_SIZE_TITLE,
            "MB",
            config.warn_db_size_mb,
            True,
            lambda r: None if r.db_bytes is None else r.db_bytes / MB,
            lambda _r, v, t: Message(M.W_DB_SIZE_HINT, {"size_mb": v, "threshold_mb": t}),
        ),
        Rule(
            "wal_size",
            M.W_WAL_TITLE,
            "MB",
            config.warn_wal_size_mb,
            True,
            lambda r: None if r.wal_bytes is None else r.wal_bytes / MB,
            lambda _r, v, t: Message(M.W_WAL_HINT, {"size_mb": v, "threshold_mb": t}),
        ),
        Rule(
            "restarts_24h",
            M.W_RESTARTS_TITLE,
            "restarts",
            config.warn_restarts_24h,
            True,
            lambda r: float(r.restarts_24h),
            lambda _r, v, t: Message(M.W_RESTARTS_HINT, {"restarts": v, "threshold": t}),
        ),
        Rule(
            "errors_per_minute",
            M.W_ERRORS_TITLE,
            "/min",
            config.warn_errors_per_minute,
            True,
            lambda r: r.errors_per_minute,
            lambda _r, v, t: Message(M.W_ERRORS_HINT, {"errors": v, "threshold": t}),
        ),
        Rule(
            "db_degraded",
            M.W_DB_DEGRADED_TITLE,
            "s",
            config.warn_db_degraded_s,
            True,
            lambda r: r.db_degraded_s,
            lambda _r, v, t: Message(M.W_DB_DEGRADED_HINT, {"seconds": v, "threshold_s": t}),
        ),
        Rule(
            "backup_age",
            M.W_BACKUP_AGE_TITLE,
            "h",
            config.warn_backup_age_h,
            True,
            _backup_age_h,
            lambda _r, v, t: Message(M.W_BACKUP_AGE_HINT, {"hours": v, "threshold_h": t}),
        ),
        Rule(
            "backup_disk",
            M.W_BACKUP_DISK_TITLE,
            "GB",
            config.warn_disk_free_gb,
            False,
            _backup_volume_free_gb,
            lambda r, v, t: Message(
                M.W_BACKUP_DISK_HINT,
                {"volume": str(r.backup_shared_volume), "free_gb": v, "threshold_gb": t},
            ),
            decimals=1,
        ),
    ]
    return [rule for rule in rules if rule.threshold > 0]
