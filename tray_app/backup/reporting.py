"""Where a backup's size, duration and result go: guardian.log and events.jsonl.

guardian.log through the `erp_guardian.backup` logger (it propagates to the guardian's file);
events.jsonl through `tray_app.logs.writer.write_record`, as a `backup` or `backup_failed`
event with the same head as the engine's events. Only the process that owns the log files
(the guardian, or a CLI run while none runs) may call this: one process writes each log file.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from tray_app.backup.model import BackupResult
from tray_app.logs.writer import write_record
from tray_app.watchdog.model import EventName, Level

log = logging.getLogger("erp_guardian.backup")


def report_result(result: BackupResult, now: datetime | None = None) -> None:
    level = logging.INFO if result.ok else logging.ERROR
    log.log(level, "%s", result.detail)
    if result.removed:
        log.info("retention removed backups %s", ", ".join(result.removed))
    write_record(
        EventName.BACKUP if result.ok else EventName.BACKUP_FAILED,
        Level.INFO if result.ok else Level.ERROR,
        result.detail,
        result.event_data(),
        now or datetime.now(UTC),
    )


def report_line(message: str, error: bool = False) -> None:
    """A restore or a verification, for guardian.log."""
    log.log(logging.ERROR if error else logging.INFO, "%s", message)
