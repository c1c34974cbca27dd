"""A backup taken while the real backend runs and another process writes is a consistent
snapshot, and restoring it (no guardian running) brings back exactly that snapshot."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.backup.conftest import Erp, run_cli
from tests.backup.writer import writer_counts
from tests.waiting import wait_for
from tray_app.backup.checking import verify_copy
from tray_app.backup.creating import create_backup
from tray_app.backup.model import BackupKind
from tray_app.backup.store import BackupStore, backup_folder


def _wait_rows(db: Path, at_least: int) -> int:
    return wait_for(
        lambda: (count := writer_counts(str(db))[0]) >= at_least and count,
        timeout_s=30,
        describe=lambda: writer_counts(str(db)),
        message=f"{at_least} rows from the writer",
    )


def test_backup_during_writes_is_a_consistent_snapshot(
    erp: Erp, writer: subprocess.Popen[bytes]
) -> None:
    before = _wait_rows(erp.database, 200)
    result = create_backup(erp.config, BackupKind.MANUAL, pages_per_step=1)
    after = _wait_rows(erp.database, 1)
    assert writer.poll() is None, "the writer stopped during the backup"
    assert result.ok, result.detail
    assert result.info is not None and result.figures is not None
    assert result.figures.steps > 1  # it really went in steps while the writer wrote
    copy = BackupStore(backup_folder(erp.config)).copy_path(result.info.id)
    assert verify_copy(copy).ok
    customers, orders = writer_counts(f"{copy.resolve().as_uri()}?immutable=1", uri=True)
    assert customers == orders, "a customer without its order: the copy is torn"
    assert before <= customers <= after
    assert result.info.size_bytes == copy.stat().st_size


def test_restore_without_a_guardian_brings_back_the_rows_of_the_backup(
    erp: Erp, writer: subprocess.Popen[bytes]
) -> None:
    _wait_rows(erp.database, 100)
    created = run_cli("backup", "create", "--config", str(erp.config_file))
    assert created.returncode == 0, created.stdout + created.stderr
    listed = run_cli("backup", "list", "--json", "--config", str(erp.config_file))
    (entry,) = json.loads(listed.stdout)
    assert {"id", "time", "size_bytes", "verified"} <= entry.keys()
    assert entry["verified"] is True and entry["kind"] == "manual"
    copy = BackupStore(backup_folder(erp.config)).copy_path(entry["id"])
    in_backup = writer_counts(f"{copy.resolve().as_uri()}?immutable=1", uri=True)
    _wait_rows(erp.database, in_backup[0] + 100)  # rows the restore must take away
    writer.terminate()
    writer.wait(timeout=10)
    refused = run_cli("backup", "restore", entry["id"], "--yes", "--config", str(erp.config_file))
    assert refused.returncode == 1 and "stop it first" in refused.stdout, refused.stdout
    erp.backend.stop()
    newer = writer_counts(str(erp.database))

    restored = run_cli("backup", "restore", entry["id"], "--yes", "--config", str(erp.config_file))

    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert writer_counts(str(erp.database)) == in_backup
    kept = list(erp.database.parent.glob("erp.sqlite3.before-restore-*"))
    assert [path.name for path in kept if path.name.endswith("Z")], kept
    kept_file = next(path for path in kept if path.name.endswith("Z"))
    assert writer_counts(str(kept_file)) == newer  # with its WAL moved beside it
    events = (Path(erp.config.log_path) / "events.jsonl").read_text().splitlines()
    backup_event = json.loads(next(line for line in events if '"event": "backup"' in line))
    assert backup_event["data"]["size_bytes"] == entry["size_bytes"]
    assert "restored backup" in (Path(erp.config.log_path) / "guardian.log").read_text()
