"""Read-only access to the host app's SQLite file.

The monitor must never change the data it watches: every connection is opened with
`mode=ro`, so a missing file is reported ("unable to open database file") instead of being
created empty, and no statement of ours can write. Each call opens its own connection
(sqlite3 objects must not be shared across threads) and closes it again; holding none between
calls lets the app or another program take the file exclusively, which /health then reports.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PingResult:
    """The outcome of the cheap liveness query."""

    ok: bool
    detail: str
    latency_ms: float


def describe_error(error: BaseException) -> str:
    """SQLite's own message ("database is locked", "file is not a database") is the best."""
    return str(error) or type(error).__name__


def ms_since(started: float) -> float:
    """Milliseconds since a `time.perf_counter()` reading, rounded for JSON."""
    return round((time.perf_counter() - started) * 1000, 3)


class ReadOnlyDatabase:
    """The app's SQLite file, opened read-only for every query."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._uri = f"{path.resolve().as_uri()}?mode=ro"

    @contextlib.contextmanager
    def connect(self, timeout_s: float) -> Iterator[sqlite3.Connection]:
        """A fresh read-only connection, closed on exit; timeout_s is the busy timeout."""
        conn = sqlite3.connect(
            self._uri, uri=True, timeout=timeout_s, isolation_level=None, check_same_thread=True
        )
        try:
            yield conn
        finally:
            conn.close()

    def ping(self, timeout_s: float) -> PingResult:
        """A one-row query that must read the file header (a bare `SELECT 1` would not touch
        the file, so it would miss a locked or corrupt database)."""
        started = time.perf_counter()
        try:
            with self.connect(timeout_s) as conn:
                conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        except sqlite3.Error as error:
            return PingResult(False, describe_error(error), ms_since(started))
        return PingResult(True, "ok", ms_since(started))
