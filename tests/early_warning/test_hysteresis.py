"""A value hovering around a threshold raises one warning, not many (pure rules)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from tray_app.config import GuardianConfig
from tray_app.watchdog.early_warning import GB, Reading, build_rules
from tray_app.watchdog.warning_monitor import WarningMonitor

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
BASE = Reading(
    at=0.0,
    db_volume="C:\\",
    db_volume_free_bytes=100 * GB,
    log_volume="C:\\",
    log_volume_free_bytes=100 * GB,
    memory_available_bytes=8 * GB,
    cpu_percent=10.0,
    backend_cpu_percent=10.0,
    backend_rss_bytes=100 * 1024**2,
    rss_growth_mb_per_hour=None,
    latency_p95_ms=3.0,
    latency_rise_factor=None,
    db_bytes=1024**2,
    wal_bytes=0,
    restarts_24h=0,
    errors_per_minute=0.0,
)


def _monitor(**config: float) -> WarningMonitor:
    settings = GuardianConfig(**config)
    return WarningMonitor(build_rules(settings), settings.warning_hysteresis)


def test_free_disk_oscillating_around_the_line_raises_once() -> None:
    monitor = _monitor(warn_disk_free_gb=5, warning_hysteresis=0.1)
    raised, cleared = 0, 0
    for step, free_gb in enumerate([5.2, 4.9, 5.1, 4.8, 5.3, 4.95, 5.4, 4.9, 5.45]):
        reading = replace(BASE, at=float(step), db_volume_free_bytes=int(free_gb * GB))
        for change in monitor.update(reading, NOW):
            raised += change.raised
            cleared += not change.raised
    assert (raised, cleared) == (1, 0)  # never back past 5.5 GB
    changes = monitor.update(replace(BASE, at=99.0, db_volume_free_bytes=int(5.6 * GB)), NOW)
    assert [(c.raised, c.warning.rule) for c in changes] == [(False, "disk_free_db")]


def test_hint_names_the_volume_the_value_and_the_threshold() -> None:
    monitor = _monitor(warn_disk_free_gb=5)
    (change,) = monitor.update(replace(BASE, db_volume_free_bytes=int(3.1 * GB)), NOW)
    assert change.warning.hint.startswith("free disk on C:\\ is 3.1 GB, below 5.0 GB")


def test_cpu_must_stay_high_for_the_sustained_time() -> None:
    monitor = _monitor(warn_cpu_percent=90, warn_cpu_sustained=60)
    busy = replace(BASE, backend_cpu_percent=97.0)
    assert monitor.update(replace(busy, at=0.0), NOW) == []
    assert monitor.update(replace(busy, at=30.0), NOW) == []
    dip = replace(BASE, at=31.0, backend_cpu_percent=50.0)
    assert monitor.update(dip, NOW) == []  # a dip resets
    assert monitor.update(replace(busy, at=40.0), NOW) == []
    (change,) = monitor.update(replace(busy, at=100.0), NOW)
    assert change.raised and change.warning.rule == "cpu_sustained"


def test_zero_switches_a_rule_off_and_reconfigure_clears_its_warning() -> None:
    monitor = _monitor(warn_restarts_24h=2)
    (raised,) = monitor.update(replace(BASE, restarts_24h=3), NOW)
    assert raised.raised
    settings = GuardianConfig(warn_restarts_24h=0)
    (cleared,) = monitor.reconfigure(build_rules(settings), settings.warning_hysteresis)
    assert not cleared.raised and monitor.active() == ()
