"""One guardian per role and user: OS file locks that die with their process.

A guardian plays up to two roles: it supervises a backend (keyed by the backend's port) and it
serves the status page (keyed by the page's port). `run --backend-only` takes the first,
`run --frontend-only` the second, the tray app and a full headless run both; so a page-only
run may sit beside a backend-only guardian, while nothing supervises the same backend twice.
The tray app has its own channel to reach a running tray (QLocalServer). The locks sit in the
user's own data folder (not the one --data-dir names).
"""

from __future__ import annotations

import contextlib
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import IO

from tray_app.config import default_data_dir


class Role(StrEnum):
    SUPERVISOR = "supervisor"  # keyed by the backend's port
    PAGE = "page"  # keyed by the status page's port


class InstanceLock:
    """A non-blocking exclusive lock on a small file holding the owner's PID."""

    def __init__(self, role: Role, port: int, folder: Path | None = None) -> None:
        self.role = role
        self.path = (folder or default_data_dir() / "locks") / f"guardian-{role}-{port}.lock"
        self._handle: IO[str] | None = None

    def acquire(self) -> bool:
        """True if we now hold the lock; False if another live process does."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.path.open("a+", encoding="utf-8")
        if not _try_lock(handle):
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._handle = handle
        return True

    def holder_pid(self) -> int | None:
        try:
            return int(self.path.read_text(encoding="utf-8").strip())
        except (OSError, ValueError):
            return None

    def release(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.close()  # closing the file releases the lock on every OS
            self._handle = None


def _try_lock(handle: IO[str]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    else:
        import fcntl

        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True
