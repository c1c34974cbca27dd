"""Check a stored backup again (a disk can rot a copy that was fine when it was taken)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from tray_app.backup.checking import verify_copy
from tray_app.backup.model import BackupInfo
from tray_app.backup.store import BackupStore


def verify_backup(store: BackupStore, backup_id: str, now: datetime) -> BackupInfo:
    """integrity_check of the copy; the manifest records the answer. BackupError: no such id."""
    info = store.get(backup_id)
    check = verify_copy(store.copy_path(info.id))
    updated = replace(info, verified=check.ok, verified_at=now, problem=check.problem)
    store.save(updated)
    return updated
