"""After a crash of the real bundled backend, the database gets quick_check before the restart:
a damaged file keeps the backend from being started onto it and is named, with a restore
offered; a sound file is backed up before the restart."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.backup.writer import writer_counts
from tests.reliability.faults import REPO_ROOT
from tests.watchdog.conftest import guard  # noqa: F401 (the fixture)
from tests.watchdog.harness import Guard, StartGuard, bundled_backend_env
from tray_app.backup.model import BackupKind
from tray_app.backup.service import BackupService
from tray_app.backup.store import BackupStore, backup_folder
from tray_app.watchdog import EventName, Reason, State
from tray_app.watchdog.model import GuidanceAction, GuidanceId


def _erp(guard: StartGuard, tmp_path: Path) -> Guard:  # noqa: F811
    g = guard(
        backend_env=bundled_backend_env(),
        database_path=str(tmp_path / "erp" / "erp.sqlite3"),
        backup_dir=str(tmp_path / "backups"),
        backup_time="",
        standby=False,  # the restart path; a promoted standby is not checked yet
    )
    g.wait_event(EventName.HEALTHY, timeout_s=30)
    database = g.config.database_file
    subprocess.run(
        [sys.executable, "-m", "tests.backup.writer", str(database), "--rows", "300"],
        cwd=REPO_ROOT,
        check=True,
        timeout=60,
    )
    return g


def _damage_a_table_page(database: Path) -> None:
    """Overwrite the header of the customers table's root page (its rows moved there first)."""
    connection = sqlite3.connect(database)
    try:
        busy, _, _ = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        assert busy == 0, "the checkpoint was blocked: the damage would miss the rows"
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_schema WHERE name = 'customers'"
        ).fetchone()
    finally:
        connection.close()
    with database.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\x0d\xff\xff\x7f\xff")


def test_a_damaged_database_after_a_crash_is_named_and_not_restarted_onto(
    guard: StartGuard,  # noqa: F811
    tmp_path: Path,
) -> None:
    g = _erp(guard, tmp_path)
    _damage_a_table_page(g.config.database_file)
    mark = len(g.events)
    os.kill(g.backend_pid(), signal.SIGKILL)

    damaged = g.wait_event(EventName.DATABASE_DAMAGED, after=mark, timeout_s=30)

    assert damaged.state is State.BLOCKED and damaged.reason is Reason.DATABASE_DAMAGED
    assert "quick_check" in damaged.data["problem"]
    assert g.names()[mark:] == ["exited", "database_damaged"]
    snapshot = g.supervisor.snapshot()
    assert snapshot.state is State.BLOCKED and snapshot.next_start_at is None
    guidance = snapshot.guidance
    assert guidance is not None and guidance.id is GuidanceId.DATABASE_DAMAGED
    assert guidance.params["database"] == str(g.config.database_file)
    assert "quick_check" in guidance.lines[0]
    assert guidance.actions[0] is GuidanceAction.RESTORE_BACKUP
    assert not list(backup_folder(g.config).glob("*.sqlite3")), "a damaged file was backed up"


def test_a_sound_database_after_a_crash_is_backed_up_before_the_restart(
    guard: StartGuard,  # noqa: F811
    tmp_path: Path,
) -> None:
    g = _erp(guard, tmp_path)
    service = BackupService(g.config, g.supervisor)
    g.supervisor.recovery.use_backup(service.before_restart)
    rows = writer_counts(str(g.config.database_file))
    mark = len(g.events)
    os.kill(g.backend_pid(), signal.SIGKILL)

    g.wait_event(EventName.RECOVERED, after=mark, timeout_s=30)

    assert g.names()[mark : mark + 2] == ["exited", "starting"]
    starting = next(e for e in g.events[mark:] if e.name is EventName.STARTING)
    (backup,) = BackupStore(backup_folder(g.config)).list()
    assert backup.kind is BackupKind.PRE_RESTART and backup.verified
    assert backup.time <= starting.time, "the backup was taken after the restart"
    copy = BackupStore(backup_folder(g.config)).copy_path(backup.id)
    assert writer_counts(f"{copy.resolve().as_uri()}?immutable=1", uri=True) == rows
