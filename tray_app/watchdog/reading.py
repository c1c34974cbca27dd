"""The figures the early-warning rules judge, of one moment (gathered by `readings.py`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reading:
    """Figures of one moment; None where they cannot be measured (no backend, no database)."""

    at: float  # monotonic seconds
    db_volume: str
    db_volume_free_bytes: int | None
    log_volume: str
    log_volume_free_bytes: int | None
    memory_available_bytes: int | None
    cpu_percent: float | None  # the whole machine, for the reports' figures
    backend_cpu_percent: float | None  # the backend's process tree, % of one core
    backend_rss_bytes: int | None
    rss_growth_mb_per_hour: float | None  # None until the window holds enough samples
    latency_p95_ms: float | None
    latency_rise_factor: float | None  # recent p95 / earlier p95
    db_bytes: int | None
    wal_bytes: int | None
    restarts_24h: int  # unplanned ones only: crashes, hangs, retries after them
    errors_per_minute: float
    db_degraded_s: float | None = None  # how long /health has said "degraded" without a break
    # The backups of the database (`backup_watch.py`); all None while there is no database file.
    backup_age_s: float | None = None  # since the newest good one (none yet: since we looked)
    backup_shared_volume: str | None = None  # the volume of database and backups; None: apart
    backup_volume_free_bytes: int | None = None  # free on the backups' volume
