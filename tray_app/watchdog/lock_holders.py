"""Which other programs have the guarded database open, when the backend says it is locked.

SQLite locks a database through the file itself (and its -wal, -shm or -journal companions),
so a program that holds a lock has one of them open. psutil lists every process's open
files; the look is bounded in time, because a machine may run many processes and Windows
answers `open_files()` slowly.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from pathlib import Path

import psutil

LOOKUP_TIMEOUT_S = 1.0
_COMPANIONS = ("", "-wal", "-shm", "-journal")


def database_files(database: Path) -> set[str]:
    """The database and its companion files, as the OS names them in open-file lists."""
    return {os.path.realpath(str(database) + suffix) for suffix in _COMPANIONS}


def find_lock_holders(
    database: Path, exclude: Iterable[int], timeout_s: float = LOOKUP_TIMEOUT_S
) -> tuple[str, ...]:
    """`name (PID n)` of each process with the database open, ours excluded (the backend
    and the guardian), as far as the time bound and the OS's permissions allow."""
    targets = database_files(database)
    skipped = {os.getpid(), *exclude}
    deadline = time.monotonic() + timeout_s
    found = []
    for process in psutil.process_iter(["name"]):
        if time.monotonic() >= deadline:
            break
        if process.pid in skipped:
            continue
        try:
            paths = {os.path.realpath(f.path) for f in process.open_files()}
        except (psutil.Error, OSError):
            continue  # gone, or not ours to look at
        if paths & targets:
            found.append(f"{process.info['name'] or '?'} (PID {process.pid})")
    return tuple(found)


def backend_tree(pid: int | None) -> set[int]:
    """The backend and its descendants: they hold the database by right."""
    if pid is None:
        return set()
    try:
        return {pid, *(child.pid for child in psutil.Process(pid).children(recursive=True))}
    except psutil.Error:
        return {pid}
