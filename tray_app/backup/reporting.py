"""Where a backup's size, duration and result go: guardian.log and events.jsonl.

guardian.log through the `erp_guardian.backup` logger (it propagates to the guardian's file).
events.jsonl through the events logger that `tray_app.logs.writer.GuardianLogs` owns, with the
same line format (`event_line`): the engine's `Event` carries a watchdog state and reason,
which a backup has not, so the record is built here in the same shape (time, level, event).
Only the process that owns the log files (the guardian, or a CLI run while none runs) may call
this: one process writes each log file.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from tray_app.backup.model import BackupResult
from tray_app.logs.writer import event_line

log = logging.getLogger("erp_guardian.backup")
_EVENTS = logging.getLogger("erp_guardian_events")  # GuardianLogs attaches events.jsonl to it


def report_result(result: BackupResult, now: datetime | None = None) -> None:
    level = logging.INFO if result.ok else logging.ERROR
    log.log(level, "%s", result.detail)
    if result.removed:
        log.info("retention removed backups %s", ", ".join(result.removed))
    _EVENTS.log(level, "%s", event_line(result.to_record(now or datetime.now(UTC))))


def report_line(message: str, error: bool = False) -> None:
    """A restore or a verification, for guardian.log."""
    log.log(logging.ERROR if error else logging.INFO, "%s", message)
