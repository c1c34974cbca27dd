"""Take one backup: copy into a `.partial` file, verify it, publish it with its manifest,
then apply retention. Returns a result instead of raising: a failed backup is news for the
log, not a crash of whoever asked."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from datetime import UTC, datetime

from tray_app.backup.checking import verify_copy
from tray_app.backup.copying import PAGES_PER_STEP, copy_database
from tray_app.backup.model import BackupError, BackupInfo, BackupKind, BackupResult
from tray_app.backup.retention import expired
from tray_app.backup.store import BackupStore, backup_folder
from tray_app.config import GuardianConfig


def utc_now() -> datetime:
    return datetime.now(UTC)


def create_backup(
    config: GuardianConfig,
    kind: BackupKind,
    now: Callable[[], datetime] = utc_now,
    pages_per_step: int = PAGES_PER_STEP,
) -> BackupResult:
    source = config.database_file
    store = BackupStore(backup_folder(config))
    if not source.is_file():
        return BackupResult(False, kind, f"backup skipped: {source} does not exist")
    try:
        store.folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return BackupResult(
            False, kind, f"backup failed: {store.folder} cannot be created: {error.strerror}"
        )
    taken_at = now()
    backup_id = store.new_id(taken_at)
    partial = store.partial_path(backup_id)
    started = time.monotonic()
    try:
        figures = copy_database(source, partial, pages_per_step)
        check = verify_copy(partial)
        if not check.ok:
            raise BackupError(f"the copy failed its integrity check: {check.problem}")
        _flush(partial)
        os.replace(partial, store.copy_path(backup_id))
        info = BackupInfo(
            id=backup_id,
            time=taken_at,
            kind=kind,
            size_bytes=store.copy_path(backup_id).stat().st_size,
            duration_s=time.monotonic() - started,
            verified=True,
            source=str(source),
            verified_at=now(),
        )
        store.save(info)
    except (BackupError, OSError) as error:
        with contextlib.suppress(OSError):
            partial.unlink()
        return BackupResult(False, kind, f"backup of {source} failed: {error}")
    removed = apply_retention(store, config)
    detail = (
        f"backup {info.id} ({kind.value}) of {source}: {info.size_bytes} bytes in "
        f"{info.duration_s:.2f} s, verified; longest step {figures.longest_step_s * 1000:.1f} ms"
    )
    return BackupResult(True, kind, detail, info, figures, removed)


def apply_retention(store: BackupStore, config: GuardianConfig) -> tuple[str, ...]:
    old = expired(store.list(), config.backup_keep_daily, config.backup_keep_weekly)
    for info in old:
        store.remove(info.id)
    return tuple(info.id for info in old)


def _flush(path: os.PathLike[str]) -> None:
    """On disk before it is published: a power cut must not leave a listed, empty copy."""
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())
