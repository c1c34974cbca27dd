"""Is the daily backup due? Due from backup_time on, once per local day: a guardian that was
not running at backup_time takes it as soon as it runs that day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time

from tray_app.backup.model import BackupInfo, BackupKind


def daily_backup_due(backup_time: str, infos: Sequence[BackupInfo], now: datetime) -> bool:
    """`now` is aware; backup_time is "HH:MM" local, or empty (no daily backups)."""
    if not backup_time:
        return False
    hour, minute = (int(part) for part in backup_time.split(":"))
    local_now = now.astimezone()
    if local_now.time() < time(hour, minute):
        return False
    today = local_now.date()
    return not any(
        info.kind is BackupKind.DAILY and info.verified and info.time.astimezone().date() == today
        for info in infos
    )
