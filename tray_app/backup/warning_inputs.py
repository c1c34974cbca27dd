"""Figures for the early-warning rules about backups; the rules themselves live in the engine."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from tray_app.backup.model import BackupInfo
from tray_app.backup.store import BackupStore, backup_folder
from tray_app.config import GuardianConfig
from tray_app.watchdog.sampler import disk, volume_of


@dataclass(frozen=True)
class BackupWarningInputs:
    last_good_age_s: float | None  # None: no good backup at all
    same_volume: bool  # the backups sit on the database's own disk
    free_bytes: int | None  # free space of the backup folder's disk; None: unknown


def last_good(infos: list[BackupInfo]) -> BackupInfo | None:
    good = [info for info in infos if info.verified]
    return max(good, key=lambda info: info.time) if good else None


def last_good_age_s(infos: list[BackupInfo], now: datetime) -> float | None:
    newest = last_good(infos)
    return None if newest is None else max(0.0, (now - newest.time).total_seconds())


def backup_warning_inputs(
    config: GuardianConfig, now: datetime | None = None
) -> BackupWarningInputs:
    """Reads the manifests and asks the OS for free space: call it off the engine's hot path."""
    folder = backup_folder(config)
    age = last_good_age_s(BackupStore(folder).list(), now or datetime.now(UTC))
    same = volume_of(folder) == volume_of(config.database_file)
    figures = disk(folder)
    return BackupWarningInputs(age, same, None if figures is None else figures.free_bytes)
