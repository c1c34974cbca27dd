"""One guardian per backend port and user: an OS file lock that dies with its process.

The tray app has its own channel to reach a running tray (QLocalServer); this lock also covers
headless runs, so a second start of any kind never supervises the same backend twice. It sits
in the user's own data folder (not the one --data-dir names), keyed by the backend's port:
guardians of different backends may run side by side.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import IO

from tray_app.config import default_data_dir


class InstanceLock:
    """A non-blocking exclusive lock on a small file holding the owner's PID."""

    def __init__(self, port: int, folder: Path | None = None) -> None:
        self.path = (folder or default_data_dir() / "locks") / f"guardian-{port}.lock"
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
