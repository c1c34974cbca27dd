"""Put a backup in place of the live database. The caller makes sure the ERP is stopped.

Order, so that a failure at any point leaves the live file as it was:
1. the backup must exist and pass integrity_check;
2. it is copied next to the database as `<name>.restoring` and flushed;
3. the live file and its `-wal`/`-shm` are moved aside together as
   `<name>.before-restore-<time>[-wal|-shm]`: the old WAL belongs to the old file and must
   not be replayed onto the restored one, and the kept copy stays whole with it;
4. the restored file is renamed into place.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from datetime import datetime
from pathlib import Path

from tray_app.backup.checking import verify_copy
from tray_app.backup.model import BackupError, BackupInfo, RestoreResult
from tray_app.backup.store import BackupStore

SIDE_FILES = ("-wal", "-shm", "-journal")


def restore_backup(
    store: BackupStore, backup_id: str, database: Path, now: datetime
) -> RestoreResult:
    """Steps 1 to 4; raises BackupError with the live file unchanged."""
    return put_in_place(store, checked_backup(store, backup_id), database, now)


def checked_backup(store: BackupStore, backup_id: str) -> BackupInfo:
    """Step 1 alone: a guardian runs it before it stops the ERP, so a bad id stops nothing."""
    info = store.get(backup_id)
    check = verify_copy(store.copy_path(info.id))
    if not check.ok:
        raise BackupError(f"backup {info.id} cannot be restored: {check.problem}")
    return info


def put_in_place(
    store: BackupStore, info: BackupInfo, database: Path, now: datetime
) -> RestoreResult:
    """Steps 2 to 4, for a backup `checked_backup` passed."""
    copy = store.copy_path(info.id)
    incoming = database.with_name(database.name + ".restoring")
    try:
        database.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(copy, incoming)
        with open(incoming, "rb+") as handle:
            os.fsync(handle.fileno())
    except OSError as error:
        with contextlib.suppress(OSError):
            incoming.unlink()
        raise BackupError(
            f"backup {info.id} cannot be copied to {database.parent}: {error}"
        ) from None
    kept = _move_aside(database, now) if database.exists() else None
    os.replace(incoming, database)
    detail = f"restored backup {info.id} of {info.time.isoformat()} to {database}"
    if kept is not None:
        detail += f"; the replaced file is kept as {kept.name}"
    return RestoreResult(info.id, database, kept, detail)


def _move_aside(database: Path, now: datetime) -> Path:
    kept = database.with_name(f"{database.name}.before-restore-{now.strftime('%Y%m%dT%H%M%SZ')}")
    try:
        os.replace(database, kept)
    except OSError as error:
        database.with_name(database.name + ".restoring").unlink(missing_ok=True)
        raise BackupError(f"{database} cannot be moved aside: {error}") from None
    moved: list[str] = []
    try:
        for suffix in SIDE_FILES:
            side = Path(f"{database}{suffix}")
            if side.exists():
                os.replace(side, Path(f"{kept}{suffix}"))
                moved.append(suffix)
    except OSError as error:
        for suffix in moved:  # put the old file back whole, with its WAL
            os.replace(Path(f"{kept}{suffix}"), Path(f"{database}{suffix}"))
        os.replace(kept, database)
        database.with_name(database.name + ".restoring").unlink(missing_ok=True)
        raise BackupError(f"the files beside {database} cannot be moved aside: {error}") from None
    return kept
