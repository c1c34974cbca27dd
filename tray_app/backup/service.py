"""BackupService: the backups of one guardian (the tray's or the headless runner's).

It owns the daily schedule and the control channel, and it restores through the supervisor's
public API only: stop(), wait for STOPPED in snapshot(), put the file in place, start().
One backup or restore at a time (a lock): two copies at once would only slow each other.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol

from tray_app.backup.control import ControlServer, control_file
from tray_app.backup.creating import create_backup, utc_now
from tray_app.backup.daily import daily_backup_due
from tray_app.backup.model import BackupError, BackupInfo, BackupKind, BackupResult, RestoreResult
from tray_app.backup.reporting import report_line, report_result
from tray_app.backup.restoring import checked_backup, put_in_place
from tray_app.backup.store import BackupStore, backup_folder
from tray_app.backup.verifying import verify_backup
from tray_app.backup.warning_inputs import last_good_age_s
from tray_app.config import GuardianConfig
from tray_app.watchdog.model import State
from tray_app.watchdog.snapshot import Snapshot

log = logging.getLogger("erp_guardian.backup")

SCHEDULE_INTERVAL_S = 60.0
PRE_RESTART_MIN_AGE_S = 3600.0  # a crash loop must not fill the disk with copies
STOP_MARGIN_S = 10.0  # beyond the supervisor's stop_timeout, before a restore gives up


class SupervisorControls(Protocol):
    """The part of `tray_app.watchdog.Supervisor` a restore uses."""

    def stop(self) -> None: ...
    def start(self) -> None: ...
    def snapshot(self) -> Snapshot: ...


class BackupService:
    def __init__(
        self,
        config: GuardianConfig,
        supervisor: SupervisorControls,
        report: Callable[[BackupResult], None] = report_result,
        wall_clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.config = config
        self._supervisor = supervisor
        self._report = report
        self._wall = wall_clock
        self._busy = threading.Lock()
        self._closing = threading.Event()
        self._schedule: threading.Thread | None = None
        self._control: ControlServer | None = None

    @property
    def store(self) -> BackupStore:
        return BackupStore(backup_folder(self.config))

    # ------------------------------------------------------------------ any thread
    def list(self) -> list[BackupInfo]:
        return self.store.list()

    def last_good_age_s(self) -> float | None:
        return last_good_age_s(self.list(), self._wall())

    def create(self, kind: BackupKind = BackupKind.MANUAL) -> BackupResult:
        with self._busy:
            result = create_backup(self.config, kind, self._wall)
        self._report(result)
        return result

    def before_restart(self) -> BackupResult | None:
        """The backup before a restart after a crash or hang (call it once the file passed
        `check_database`); None when a good one is younger than an hour."""
        age = self.last_good_age_s()
        if age is not None and age < PRE_RESTART_MIN_AGE_S:
            return None
        # The engine's loop calls this: it must not wait behind a manual backup or a restore
        # (a restore waits for the engine to stop the backend); one running is enough.
        if not self._busy.acquire(blocking=False):
            log.info("backup before the restart skipped: another backup or restore is running")
            return None
        try:
            result = create_backup(self.config, BackupKind.PRE_RESTART, self._wall)
        finally:
            self._busy.release()
        self._report(result)
        return result

    def verify(self, backup_id: str) -> BackupInfo:
        with self._busy:
            info = verify_backup(self.store, backup_id, self._wall())
        report_line(f"backup {info.id} verified: {'ok' if info.verified else info.problem}")
        return info

    def restore(self, backup_id: str) -> RestoreResult:
        """Stop the backend, put the backup in place, start it again (unless it was stopped
        before). Raises BackupError with nothing changed: a bad backup stops nothing."""
        with self._busy:
            info = checked_backup(self.store, backup_id)
            was_stopped = self._supervisor.snapshot().state is State.STOPPED
            self._supervisor.stop()
            try:
                self._wait_stopped()
                result = put_in_place(self.store, info, self.config.database_file, self._wall())
            finally:
                if not was_stopped:
                    self._supervisor.start()
        report_line(result.detail)
        return result

    def _wait_stopped(self) -> None:
        deadline = time.monotonic() + self.config.stop_timeout + STOP_MARGIN_S
        while (state := self._supervisor.snapshot().state) is not State.STOPPED:
            if time.monotonic() > deadline:
                raise BackupError(f"the backend did not stop (still {state.value}); no restore")
            time.sleep(0.05)

    # ------------------------------------------------------------------ schedule, channel
    def start(self) -> None:
        """The daily schedule and the control channel; `close()` ends both."""
        self._control = ControlServer(control_file(self.config.port), self.handle_request)
        try:
            self._control.start()
        except OSError as error:
            log.error("backup control channel cannot start: %s", error)
            self._control = None
        self._schedule = threading.Thread(target=self._schedule_loop, name="backups", daemon=True)
        self._schedule.start()

    def close(self) -> None:
        self._closing.set()
        if self._control is not None:
            self._control.stop()
        if self._schedule is not None:
            self._schedule.join(5.0)

    def run_due(self) -> BackupResult | None:
        """The daily backup if it is due now (the schedule calls this once a minute)."""
        if not self.config.database_file.is_file():
            return None
        if not daily_backup_due(self.config.backup_time, self.list(), self._wall()):
            return None
        return self.create(BackupKind.DAILY)

    def _schedule_loop(self) -> None:
        while not self._closing.wait(SCHEDULE_INTERVAL_S):
            try:
                self.run_due()
            except Exception:  # the schedule must outlive one bad minute
                log.exception("daily backup failed")

    def handle_request(self, request: dict[str, Any]) -> dict[str, Any]:
        """One control-channel request: create, list, verify or restore."""
        op, backup_id = request.get("op"), str(request.get("id", ""))
        try:
            if op == "create":
                result = self.create(BackupKind.MANUAL)
                info = result.info.to_dict() if result.info else None
                return {"ok": result.ok, "detail": result.detail, "backup": info}
            if op == "list":
                return {"ok": True, "detail": "", "backups": [i.to_dict() for i in self.list()]}
            if op == "verify":
                checked = self.verify(backup_id)
                return {"ok": checked.verified, "detail": checked.problem or "ok"}
            if op == "restore":
                return {"ok": True, "detail": self.restore(backup_id).detail}
        except BackupError as error:
            report_line(str(error), error=True)
            return {"ok": False, "detail": str(error)}
        return {"ok": False, "detail": f"unknown request {op!r}"}
