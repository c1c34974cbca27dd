"""A promoted standby skips the backoff, and with it the database check before a restart: the
check runs right after the takeover instead, and a damaged file stops the standby that took
over (BLOCKED with the database_damaged guidance, as after a backoff)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

from tests.backup.test_recovery_check import _damage_a_table_page
from tests.reliability.faults import REPO_ROOT
from tests.waiting import process_alive, wait_for
from tests.watchdog.harness import StartGuard, bundled_backend_env
from tray_app.watchdog import EventName, Reason, State
from tray_app.watchdog.model import GuidanceAction, GuidanceId


def test_a_kill_onto_a_damaged_database_stops_the_standby_and_blocks(
    guard: StartGuard, tmp_path: Path
) -> None:
    g = guard(
        backend_env=bundled_backend_env(),
        database_path=str(tmp_path / "erp" / "erp.sqlite3"),
        backup_dir=str(tmp_path / "backups"),
        backup_time="",
    )
    g.wait_event(EventName.STANDBY_READY, timeout_s=40)
    database = g.config.database_file
    subprocess.run(
        [sys.executable, "-m", "tests.backup.writer", str(database), "--rows", "300"],
        cwd=REPO_ROOT,
        check=True,
        timeout=60,
    )
    _damage_a_table_page(database)
    standby = g.supervisor.snapshot().standby
    assert standby is not None
    mark = len(g.events)
    os.kill(g.backend_pid(), signal.SIGKILL)

    damaged = g.wait_event(EventName.DATABASE_DAMAGED, after=mark, timeout_s=30)

    names = g.names()[mark:]
    assert names[:3] == ["exited", "promoted", "stopping"], names
    assert "recovered" not in names
    assert damaged.state is State.BLOCKED and damaged.reason is Reason.DATABASE_DAMAGED
    assert "quick_check" in damaged.data["problem"]
    snapshot = g.supervisor.snapshot()
    assert snapshot.state is State.BLOCKED and snapshot.next_start_at is None
    assert snapshot.pid is None and snapshot.standby is None
    guidance = snapshot.guidance
    assert guidance is not None and guidance.id is GuidanceId.DATABASE_DAMAGED
    assert guidance.params["database"] == str(database)
    assert "quick_check" in guidance.lines[0]
    assert guidance.actions[0] is GuidanceAction.RESTORE_BACKUP
    wait_for(lambda: not process_alive(standby.pid), 10, message="the promoted standby ended")
    # Nothing serves the file any more, and clients are refused rather than left waiting.
    with socket.socket() as client:
        assert client.connect_ex(("127.0.0.1", g.config.port)) != 0
