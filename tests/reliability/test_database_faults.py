"""A database that is locked, unreadable or corrupt: degraded with the reason, no restarts,
every event logged, and the data left as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.reliability.faults import (
    REPO_ROOT,
    assert_every_event_logged,
    bundled_backend_cmd,
    database_rows,
    exclusive_lock,
    without_root_bypass,
)
from tests.watchdog.harness import Guard, StartGuard
from tray_app.watchdog import EventName, Reason, State

CHECKS_WHILE_BROKEN = 10  # checks at 0.2 s: a restart storm would show within them


def _assert_degraded_without_restarts(g: Guard, mark: int, reason_text: str) -> None:
    degraded = g.wait_event(EventName.DEGRADED, after=mark)
    assert degraded.reason is Reason.DEPENDENCY
    assert reason_text in degraded.detail, degraded.detail
    pid = g.backend_pid()
    g.wait_checks(CHECKS_WHILE_BROKEN)
    snapshot = g.supervisor.snapshot()
    assert snapshot.state is State.DEGRADED and reason_text in snapshot.detail
    assert snapshot.backend_status == "degraded"
    assert g.backend_pid() == pid
    # A warm standby getting ready meanwhile is a role of a process, not a restart.
    assert g.lifecycle_names(mark) == ["degraded"], "more than one event while degraded"


def test_locked_database_is_degraded_not_restarted_and_unchanged(guard: StartGuard) -> None:
    g = guard(check_interval=0.2)
    g.wait_event(EventName.HEALTHY, timeout_s=30)
    db = g.config.database_file
    rows = database_rows(db)
    mark = len(g.events)
    with exclusive_lock(db):
        _assert_degraded_without_restarts(g, mark, "database is locked")
    g.wait_event(EventName.HEALTHY, after=mark)
    assert g.lifecycle_names(mark) == ["degraded", "healthy"]
    assert database_rows(db) == rows
    assert_every_event_logged(g)


def test_unreadable_database_is_degraded_until_readable_again(
    guard: StartGuard, tmp_path: Path
) -> None:
    # Root reads any file whatever its mode: the backend runs without that privilege here.
    db = tmp_path / "data" / "erp.sqlite3"
    command = [*bundled_backend_cmd(*without_root_bypass()), "--db", str(db)]
    g = guard(
        backend_cmd=[*command, "--log-dir", str(tmp_path / "log")],
        backend_cwd=str(REPO_ROOT),
        check_interval=0.2,
    )
    g.wait_event(EventName.HEALTHY, timeout_s=30)
    rows = database_rows(db)
    mode = db.stat().st_mode
    mark = len(g.events)
    db.chmod(0)
    try:
        _assert_degraded_without_restarts(g, mark, "unable to open database file")
    finally:
        db.chmod(mode)
    g.wait_event(EventName.HEALTHY, after=mark)
    assert database_rows(db) == rows
    assert_every_event_logged(g)


def test_corrupt_database_is_degraded_even_across_a_restart_and_left_untouched(
    guard: StartGuard, tmp_path: Path
) -> None:
    g = guard(check_interval=0.2)
    g.wait_event(EventName.HEALTHY, timeout_s=30)
    db = g.config.database_file
    rows = database_rows(db)
    backup = tmp_path / "backup.sqlite3"
    with sqlite3.connect(db) as source, sqlite3.connect(backup) as target:
        source.backup(target)
    source.close()
    target.close()
    garbage = b"this is not an ERP database\n" * 1000
    mark = len(g.events)
    for suffix in ("-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    db.write_bytes(garbage)

    _assert_degraded_without_restarts(g, mark, "file is not a database")
    # A restart does not cure a broken file; the new backend must come up degraded, not crash.
    g.supervisor.restart()
    g.wait_event(EventName.DEGRADED, after=mark, count=2, timeout_s=30)
    assert g.lifecycle_names(mark) == ["degraded", "stopping", "starting", "degraded"]
    assert db.read_bytes() == garbage, "the broken file was changed: nothing left to recover"

    backup.replace(db)  # the user restores a backup
    g.wait_event(EventName.HEALTHY, after=mark, timeout_s=15)
    assert database_rows(db) == rows
    assert_every_event_logged(g)
