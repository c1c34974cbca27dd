"""A bad id, or a backup that is damaged, gets a clear error and the live file is untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.backup.conftest import Erp, run_cli
from tray_app.backup.creating import create_backup
from tray_app.backup.model import BackupKind
from tray_app.backup.store import BackupStore, backup_folder


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _damage(path: Path) -> None:
    with path.open("r+b") as handle:  # pages 2 and 3 (tables' roots), not the header
        handle.seek(4096)
        handle.write(b"\xde\xad\xbe\xef" * 2048)


def test_unknown_id_is_named_and_nothing_changes(erp: Erp) -> None:
    erp.backend.stop()
    before = _digest(erp.database)
    answer = run_cli(
        "backup", "restore", "20990101T000000Z", "--yes", "--config", str(erp.config_file)
    )
    assert answer.returncode == 1
    assert "no backup 20990101T000000Z" in answer.stdout and "nothing was changed" in answer.stdout
    not_an_id = run_cli("backup", "restore", "../erp", "--yes", "--config", str(erp.config_file))
    assert not_an_id.returncode == 1 and "is not a backup id" in not_an_id.stdout
    assert _digest(erp.database) == before
    assert not list(erp.database.parent.glob("*before-restore*"))


def test_damaged_backup_is_refused_and_verify_marks_it(erp: Erp) -> None:
    result = create_backup(erp.config, BackupKind.MANUAL)
    assert result.ok and result.info is not None
    store = BackupStore(backup_folder(erp.config))
    _damage(store.copy_path(result.info.id))
    erp.backend.stop()
    before = _digest(erp.database)

    answer = run_cli("backup", "restore", result.info.id, "--yes", "--config", str(erp.config_file))

    assert answer.returncode == 1
    assert f"backup {result.info.id} cannot be restored" in answer.stdout, answer.stdout
    assert _digest(erp.database) == before
    assert not list(erp.database.parent.glob("*before-restore*"))
    assert not list(erp.database.parent.glob("*.restoring"))
    verify = run_cli("backup", "verify", result.info.id, "--config", str(erp.config_file))
    assert verify.returncode == 1
    assert store.get(result.info.id).verified is False
    assert store.get(result.info.id).problem


def test_restore_asks_and_a_missing_answer_is_no(erp: Erp) -> None:
    result = create_backup(erp.config, BackupKind.MANUAL)
    assert result.ok and result.info is not None
    erp.backend.stop()
    before = _digest(erp.database)
    answer = run_cli("backup", "restore", result.info.id, "--config", str(erp.config_file))
    assert answer.returncode == 1 and "add --yes" in answer.stdout
    assert _digest(erp.database) == before
