"""Is a SQLite file sound? `quick_check` of the live file, `integrity_check` of a copy.

Both open the file read-only through a URI, so nothing is created, and a write-ahead log left
by a crash is read, never checkpointed or deleted (only the last read-write connection to close
does that). The live file's check is bounded in time: a progress handler interrupts it.
"""

from __future__ import annotations

import time
from pathlib import Path

from tray_app.backup.model import DatabaseCheck

QUICK_CHECK_LIMIT_S = 30.0
BUSY_TIMEOUT_S = 5.0
_PROGRESS_EVERY = 10_000  # virtual machine instructions between looks at the clock
_SHOWN_PROBLEMS = 3  # the checks list every damaged page; the first few say enough


def check_database(path: Path, limit_s: float = QUICK_CHECK_LIMIT_S) -> DatabaseCheck:
    """`PRAGMA quick_check` of the live database, read-only, stopped after limit_s."""
    if not path.is_file():
        return DatabaseCheck(False, f"{path} does not exist")
    return _run_check(_uri(path, "mode=ro"), "quick_check", limit_s)


def verify_copy(path: Path, limit_s: float | None = None) -> DatabaseCheck:
    """`PRAGMA integrity_check` of a backup copy. immutable=1: nobody writes a copy, so SQLite
    needs no lock and leaves no -wal or -shm beside it."""
    if not path.is_file():
        return DatabaseCheck(False, f"{path} does not exist")
    return _run_check(_uri(path, "immutable=1"), "integrity_check", limit_s)


def _uri(path: Path, query: str) -> str:
    return f"{path.resolve().as_uri()}?{query}"


def _run_check(uri: str, pragma: str, limit_s: float | None) -> DatabaseCheck:
    # Imported when a check runs: a guardian holds SQLite (0.9 MB with its library) only once
    # a backup or a crash has needed it, as recovery_check.py intends.
    import sqlite3

    try:
        connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as error:
        return DatabaseCheck(False, f"cannot be opened: {error}")
    try:
        if limit_s is not None:
            deadline = time.monotonic() + limit_s
            connection.set_progress_handler(
                lambda: int(time.monotonic() > deadline), _PROGRESS_EVERY
            )
        rows = [str(row[0]) for row in connection.execute(f"PRAGMA {pragma}")]
    except sqlite3.DatabaseError as error:
        if "interrupted" in str(error):
            return DatabaseCheck(False, f"{pragma} did not finish within {limit_s:.0f} s")
        return DatabaseCheck(False, f"{pragma} failed: {error}")
    finally:
        connection.close()
    if rows == ["ok"]:
        return DatabaseCheck(True)
    shown = "; ".join(rows[:_SHOWN_PROBLEMS])
    more = f" (and {len(rows) - _SHOWN_PROBLEMS} more)" if len(rows) > _SHOWN_PROBLEMS else ""
    return DatabaseCheck(False, f"{pragma} found damage: {shown}{more}")
