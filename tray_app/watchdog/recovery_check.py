"""Before a restart that follows an unclean stop (a crash, a hang killed): is the database sound?

The supervisor asks `before_restart()` when a backoff ends, right before it spawns again: the
process is gone, so nothing writes the file. `quick_check` runs read-only and leaves a crash's
WAL in place (the restarted ERP replays it). A sound file gets the backup before the restart;
a damaged one keeps the backend from being started onto it (BACKOFF -> BLOCKED, no automatic
retry): the guidance names the problem and offers the last good backup. Nothing is restored
here, ever; a person decides, or starts the backend anyway.

A promoted standby skips the backoff: `after_takeover()` checks the file right after the
promotion instead, while the standby already serves (the check only reads: 0.3 ms on a fresh
database, 166 ms at 200 MB, see bench/recovery_check.py). A damaged file stops the promoted
process and ends in the same BLOCKED as above (`Stopper` does both). No backup is taken then:
it is a copy from before a restart, and the standby has already started.

Both steps are callables from the constructor (side effects at the edges): the check defaults
to `tray_app.backup.checking.check_database`, imported on first use so that the engine does not
load sqlite3 until a crash needs it; the backup defaults to none (the tray and the headless
runner pass `BackupService.before_restart`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Protocol

from tray_app.watchdog.model import EventName, Failure, Level, Reason, State
from tray_app.watchdog.runtime import Runtime
from tray_app.watchdog.transitions import Transitions

log = logging.getLogger("erp_guardian.watchdog.recovery")


class DatabaseVerdict(Protocol):
    """What a database check answers (`tray_app.backup.model.DatabaseCheck` is one)."""

    @property
    def ok(self) -> bool: ...

    @property
    def problem(self) -> str | None: ...


DatabaseCheckFn = Callable[[Path], DatabaseVerdict]
PreRestartBackup = Callable[[], object]


def quick_check(path: Path) -> DatabaseVerdict:
    """The default check: SQLite's quick_check of the live file, read-only, bounded in time."""
    from tray_app.backup.checking import check_database

    return check_database(path)


class RecoveryCheck:
    """Used by the loop thread only, between a backoff's end and the spawn."""

    def __init__(
        self,
        runtime: Runtime,
        transitions: Transitions,
        check: DatabaseCheckFn | None,
        backup: PreRestartBackup | None,
        clock: Callable[[], float],
        wall_clock: Callable[[], datetime],
    ) -> None:
        self._rt = runtime
        self._transitions = transitions
        self._check = check or quick_check
        self._backup = backup
        self._clock = clock
        self._wall = wall_clock
        self._damage: tuple[Path, str, float] | None = None  # found, not yet held

    def use_backup(self, backup: PreRestartBackup | None) -> None:
        """Set once the backup service exists (it needs the supervisor first); any thread."""
        self._backup = backup

    def before_restart(self) -> bool:
        """Check the file (then back it up); True when it is damaged: the caller holds the
        backend (`Stopper.hold_damaged`, which calls hold())."""
        if self._find_damage("before the restart"):
            return True
        if self._backup is not None:
            try:
                self._backup()
            except Exception:  # a failed backup must not keep the ERP down
                log.exception("the backup before the restart failed")
        return False

    def after_takeover(self) -> bool:
        """Check the file a promoted standby now serves; True when it is damaged: the caller
        stops the standby and then calls hold()."""
        return self._find_damage("after the standby took over")

    def hold(self) -> None:
        """BACKOFF or STOPPING -> BLOCKED, after a check that found damage."""
        assert self._damage is not None
        database, problem, check_ms = self._damage
        self._damage = None
        rt = self._rt
        rt.next_start_at = rt.due = None  # no automatic retry onto a damaged file
        self._transitions.move(  # BACKOFF/STOPPING -> BLOCKED
            State.BLOCKED,
            EventName.DATABASE_DAMAGED,
            Reason.DATABASE_DAMAGED,
            f"not restarted: the database {database} is damaged ({problem}); restore the last "
            "good backup, or start the backend by hand",
            Level.ERROR,
            data={"database": str(database), "problem": problem, "check_ms": check_ms},
        )

    def _find_damage(self, when: str) -> bool:
        """quick_check of the database file; a damaged one is noted as the last failure."""
        database = self._rt.config.database_file
        if not database.is_file():
            return False  # nothing to check: a new ERP creates its file when it starts
        started = self._clock()
        verdict = self._check(database)
        check_ms = round((self._clock() - started) * 1000, 1)
        if verdict.ok:
            log.info("database %s passed quick_check in %.1f ms %s", database, check_ms, when)
            return False
        problem = verdict.problem or "quick_check failed"
        self._rt.last_failure = Failure(self._wall(), Reason.DATABASE_DAMAGED, problem)
        self._damage = (database, problem, check_ms)
        return True
