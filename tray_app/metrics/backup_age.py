"""The hook between the backups (tray_app/backup/) and the backup metric."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from tray_app.metrics.collector import BackupClock

REFRESH_S = 60.0  # backups are daily; listing them at every scrape would only cost disk reads


def backup_clock_from_age(
    age_s: Callable[[], float | None],
    clock: Callable[[], float] = time.monotonic,
    wall: Callable[[], float] = time.time,
) -> BackupClock:
    """Turn "seconds since the newest good backup" into its Unix time, asked at most once a
    minute. Prometheus wants the point in time: the age is then computed where it is read."""
    lock = threading.Lock()
    cached: list[tuple[float, float | None]] = []  # (when asked, the answer)

    def newest_backup_at() -> float | None:
        with lock:
            now = clock()
            if not cached or now - cached[0][0] >= REFRESH_S:
                age = age_s()
                cached[:] = [(now, None if age is None else wall() - age)]
            return cached[0][1]

    return newest_backup_at
