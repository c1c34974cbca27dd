"""Which backups to keep: the newest of each of the last N days and of the last M weeks.

Days and weeks are the local calendar's (weeks by ISO number), as people count them. Only
verified backups count towards N and M and only they are removed; a copy that failed its
check stays listed, marked, until someone looks at it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from datetime import datetime

from tray_app.backup.model import BackupInfo


def expired(infos: Sequence[BackupInfo], keep_daily: int, keep_weekly: int) -> list[BackupInfo]:
    """The backups retention removes. The newest verified one is always kept."""
    good = sorted((info for info in infos if info.verified), key=lambda i: i.time, reverse=True)
    if not good:
        return []
    keep = {good[0].id}
    keep |= _newest_per_period(good, keep_daily, _local_day)
    keep |= _newest_per_period(good, keep_weekly, _local_week)
    return [info for info in good if info.id not in keep]


def _newest_per_period(
    newest_first: Sequence[BackupInfo], count: int, period: Callable[[datetime], Hashable]
) -> set[str]:
    kept: dict[Hashable, str] = {}
    for info in newest_first:
        key = period(info.time)
        if key not in kept:
            if len(kept) == count:
                break
            kept[key] = info.id
    return set(kept.values())


def _local_day(moment: datetime) -> Hashable:
    return moment.astimezone().date()


def _local_week(moment: datetime) -> Hashable:
    iso = moment.astimezone().isocalendar()
    return (iso.year, iso.week)
