"""Online backups of the guarded ERP's SQLite file: take, verify, keep, restore.

Plain Python (no Qt, no FastAPI): the CLI, the tray and the headless runner all use it.
"""

from tray_app.backup.model import (
    BackupError,
    BackupInfo,
    BackupKind,
    BackupResult,
    DatabaseCheck,
    RestoreResult,
)

__all__ = [
    "BackupError",
    "BackupInfo",
    "BackupKind",
    "BackupResult",
    "DatabaseCheck",
    "RestoreResult",
]
