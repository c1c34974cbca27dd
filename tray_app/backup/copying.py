"""The online copy itself: SQLite's backup API, in steps, measured.

In WAL mode the source connection holds one read transaction across all steps: the copy is a
consistent snapshot, and writers are not blocked at all (they append to the WAL; only
checkpoints wait until the copy ends). Without WAL (rollback journal) a held read lock would
block writers for the whole copy, so there each step takes and drops its own lock, a writer
gets a short gap between steps, and SQLite restarts the copy when the source changed.
What is left for the ERP to feel is disk I/O: hence the small flushes below.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from tray_app.backup.model import BackupError, CopyFigures

if TYPE_CHECKING:
    import sqlite3

PAGES_PER_STEP = 256  # 1 MiB at the default 4 KiB page: a step takes about a millisecond
ROLLBACK_GAP_S = 0.005  # room for a writer between steps, rollback-journal mode only
COPY_LIMIT_S = 3600.0  # a source rewritten faster than it can be copied never finishes
# The copy is flushed after every MiB: on the database's own disk, a larger burst of dirty
# pages made the ERP's commits wait for the disk (bench/backup.py measured it).
FLUSH_EVERY_BYTES = 1024 * 1024


def copy_database(
    source: Path,
    target: Path,
    pages_per_step: int = PAGES_PER_STEP,
    limit_s: float = COPY_LIMIT_S,
) -> CopyFigures:
    """Copy the live database at `source` into the new file `target`; raises BackupError."""
    import sqlite3  # when a backup runs, like checking.py's

    try:
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
    except sqlite3.Error as error:
        raise BackupError(f"{source} cannot be opened: {error}") from None
    try:
        dst = sqlite3.connect(target)
        # SQLite would flush the whole copy at its last step; a burst that large makes the
        # ERP's own commits wait for the disk. The copy is flushed in small parts instead.
        dst.execute("PRAGMA synchronous=OFF")
        flusher = _Flusher(target)
        try:
            return _copy(src, dst, pages_per_step, limit_s, flusher)
        finally:
            dst.close()
            flusher.close()
    except sqlite3.Error as error:
        raise BackupError(f"copy of {source} failed: {error}") from None
    finally:
        src.close()


class _Flusher:
    """fsync of the copy every FLUSH_EVERY_BYTES, so dirty pages never pile up."""

    def __init__(self, target: Path) -> None:
        self._handle = open(target, "ab")  # noqa: SIM115 (held for the whole copy)
        self._written = 0

    def after(self, step_bytes: int) -> None:
        self._written += step_bytes
        if self._written >= FLUSH_EVERY_BYTES:
            os.fsync(self._handle.fileno())
            self._written = 0

    def close(self) -> None:
        os.fsync(self._handle.fileno())
        self._handle.close()


def _copy(
    src: sqlite3.Connection,
    dst: sqlite3.Connection,
    pages: int,
    limit_s: float,
    flusher: _Flusher,
) -> CopyFigures:
    wal = str(src.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal"
    step_bytes = pages * int(src.execute("PRAGMA page_size").fetchone()[0])
    if wal:
        src.execute("BEGIN")
        src.execute("SELECT count(*) FROM sqlite_schema").fetchone()  # starts the snapshot
    started = last = time.monotonic()
    longest = 0.0
    steps = 0

    def after_step(_status: int, _remaining: int, _total: int) -> None:
        nonlocal last, longest, steps
        flusher.after(step_bytes)
        now = time.monotonic()
        longest, steps = max(longest, now - last), steps + 1
        if now - started > limit_s:
            raise BackupError(f"the copy did not finish within {limit_s:.0f} s")
        if not wal:
            time.sleep(ROLLBACK_GAP_S)
        last = time.monotonic()

    try:
        src.backup(dst, pages=pages, progress=after_step)
    finally:
        if wal:
            src.execute("COMMIT")
    return CopyFigures(time.monotonic() - started, steps, longest)
