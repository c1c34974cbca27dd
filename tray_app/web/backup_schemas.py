"""Response model of `GET /api/watchdog/backups`: the backups the page may see, read-only.

Beside `schemas.py` (which is full) and built the same way: an `ApiModel` that refuses unknown
keys. Only what a person needs to judge the backups goes out: no source path, no problem text
(the tray's Backups window and `erp-guardian backup list` have those, on the machine itself).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from pydantic import Field

from tray_app.backup.model import BackupInfo, BackupKind
from tray_app.backup.warning_inputs import last_good_age_s
from tray_app.web.schemas import ApiModel

BackupLister = Callable[[], Sequence[BackupInfo]]
"""Lists the backups, oldest first; the web app gets nothing else of the backups."""


class BackupEntry(ApiModel):
    """One backup copy of the database."""

    id: str = Field(description="What `erp-guardian backup restore ID` takes")
    time: datetime = Field(description="When the copy was taken")
    size_bytes: int
    verified: bool = Field(description="The last integrity check of the copy passed")
    kind: BackupKind

    @classmethod
    def of(cls, info: BackupInfo) -> BackupEntry:
        return cls(
            id=info.id,
            time=info.time,
            size_bytes=info.size_bytes,
            verified=info.verified,
            kind=info.kind,
        )


class WatchdogBackups(ApiModel):
    """The backups, oldest first, and how old the newest good one is."""

    backups: list[BackupEntry]
    last_good_age_s: float | None = Field(description="Seconds since the newest verified backup")
    warn_age_s: float | None = Field(
        description="From this age on the last good backup is too old (warn_backup_age_h); "
        "null: that warning is off"
    )

    @classmethod
    def of(
        cls, infos: Sequence[BackupInfo], now: datetime, warn_backup_age_h: float
    ) -> WatchdogBackups:
        return cls(
            backups=[BackupEntry.of(info) for info in infos],
            last_good_age_s=last_good_age_s(list(infos), now),
            warn_age_s=warn_backup_age_h * 3600 if warn_backup_age_h > 0 else None,
        )
