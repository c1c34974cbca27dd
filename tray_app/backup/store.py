"""The backup folder: `<id>.sqlite3` copies with a `<id>.json` manifest beside each.

One manifest per backup, written atomically after its copy: a copy without a manifest is an
unfinished one and is never listed. Ids are the UTC time of the copy, so they sort by age.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from datetime import datetime
from pathlib import Path

from tray_app.backup.model import BackupError, BackupInfo
from tray_app.config import GuardianConfig

BACKUP_SUFFIX = ".sqlite3"
MANIFEST_SUFFIX = ".json"
PARTIAL_SUFFIX = ".partial"
ID_PATTERN = re.compile(r"\d{8}T\d{6}Z(-\d+)?")


def backup_folder(config: GuardianConfig) -> Path:
    """backup_dir, or a `backups` folder in the data dir."""
    if config.backup_dir:
        return Path(config.backup_dir).expanduser()
    return config.data_path / "backups"


class BackupStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def new_id(self, now: datetime) -> str:
        base = now.strftime("%Y%m%dT%H%M%SZ")
        candidate, n = base, 1
        while self.copy_path(candidate).exists() or self.manifest_path(candidate).exists():
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def copy_path(self, backup_id: str) -> Path:
        return self.folder / f"{backup_id}{BACKUP_SUFFIX}"

    def manifest_path(self, backup_id: str) -> Path:
        return self.folder / f"{backup_id}{MANIFEST_SUFFIX}"

    def partial_path(self, backup_id: str) -> Path:
        return self.folder / f"{backup_id}{BACKUP_SUFFIX}{PARTIAL_SUFFIX}"

    def list(self) -> list[BackupInfo]:
        """Every backup with a readable manifest, oldest first."""
        if not self.folder.is_dir():
            return []
        found = []
        for manifest in self.folder.glob(f"*{MANIFEST_SUFFIX}"):
            if not ID_PATTERN.fullmatch(manifest.stem):
                continue
            with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
                found.append(self._read(manifest))
        return sorted(found, key=lambda info: (info.time, info.id))

    def get(self, backup_id: str) -> BackupInfo:
        """The backup with this id; BackupError naming the id if there is none."""
        if not ID_PATTERN.fullmatch(backup_id):
            raise BackupError(f"{backup_id!r} is not a backup id (see: erp-guardian backup list)")
        manifest = self.manifest_path(backup_id)
        try:
            return self._read(manifest)
        except FileNotFoundError:
            raise BackupError(f"no backup {backup_id} in {self.folder}") from None
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise BackupError(
                f"the manifest of backup {backup_id} cannot be read: {error}"
            ) from None

    def save(self, info: BackupInfo) -> None:
        """Write (or replace) the manifest atomically."""
        target = self.manifest_path(info.id)
        tmp = target.with_suffix(MANIFEST_SUFFIX + PARTIAL_SUFFIX)
        tmp.write_text(json.dumps(info.to_dict(), indent=2), encoding="utf-8")
        os.replace(tmp, target)

    def remove(self, backup_id: str) -> None:
        """The manifest first: a copy left without one is unlisted, never half-listed."""
        for path in (self.manifest_path(backup_id), self.copy_path(backup_id)):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    @staticmethod
    def _read(manifest: Path) -> BackupInfo:
        return BackupInfo.from_dict(json.loads(manifest.read_text(encoding="utf-8")))
