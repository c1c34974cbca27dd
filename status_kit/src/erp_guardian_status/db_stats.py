"""Figures about the app's database: file sizes, pragmas, row counts and an integrity check.

The integrity check (PRAGMA quick_check reads every page) has its own, longer-lived cache.
A database that cannot be read gives a DatabaseInfo with `error` set, never an exception.
"""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import UTC, datetime

from erp_guardian_status.database import ReadOnlyDatabase, describe_error
from erp_guardian_status.schemas.status import DatabaseInfo, IntegrityInfo, TableInfo
from erp_guardian_status.ttl_cache import TTLCache


def _file_bytes(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _count_rows(conn: sqlite3.Connection, table: str) -> int:
    quoted = '"' + table.replace('"', '""') + '"'
    (count,) = conn.execute(f"SELECT count(*) FROM {quoted}").fetchone()
    return int(count)


class DatabaseStatsCollector:
    """Reads DatabaseInfo; one instance per app (it owns the integrity cache)."""

    def __init__(
        self, database: ReadOnlyDatabase, timeout_s: float, integrity_ttl_s: float
    ) -> None:
        self._database = database
        self._timeout_s = timeout_s
        self._integrity = TTLCache(self._check_integrity, ttl_s=integrity_ttl_s)

    def reset(self) -> None:
        self._integrity.reset()

    def collect(self) -> DatabaseInfo:
        path = str(self._database.path)
        file_bytes = _file_bytes(path)
        wal_bytes = _file_bytes(path + "-wal")
        info = DatabaseInfo(
            path=path,
            size_bytes=file_bytes + wal_bytes,
            file_bytes=file_bytes,
            wal_bytes=wal_bytes,
            sqlite_version=sqlite3.sqlite_version,
            journal_mode=None,
            page_size=None,
            page_count=None,
            tables=[],
            query_latency_ms=None,
            integrity=None,
            error=None,
        )
        try:
            return self._read(info)
        except sqlite3.Error as error:
            return info.model_copy(update={"error": describe_error(error)})

    def _read(self, info: DatabaseInfo) -> DatabaseInfo:
        with self._database.connect(self._timeout_s) as conn:
            started = time.perf_counter()
            conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
            latency_ms = round((time.perf_counter() - started) * 1000, 3)
            (journal_mode,) = conn.execute("PRAGMA journal_mode").fetchone()
            (page_size,) = conn.execute("PRAGMA page_size").fetchone()
            (page_count,) = conn.execute("PRAGMA page_count").fetchone()
            names = [
                row[0]
                for row in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%' ORDER BY name"
                )
            ]
            tables = [TableInfo(name=name, rows=_count_rows(conn, name)) for name in names]
        integrity = self._integrity.get().value
        return info.model_copy(
            update={
                "journal_mode": journal_mode,
                "page_size": page_size,
                "page_count": page_count,
                "tables": tables,
                "query_latency_ms": latency_ms,
                "integrity": integrity,
            }
        )

    def _check_integrity(self) -> IntegrityInfo:
        # Raises sqlite3.Error when the file cannot be read: such a failure is not cached.
        with self._database.connect(self._timeout_s) as conn:
            rows = [row[0] for row in conn.execute("PRAGMA quick_check")]
        result = "ok" if rows == ["ok"] else "; ".join(str(row) for row in rows[:5])
        return IntegrityInfo(ok=result == "ok", result=result, checked_at=datetime.now(UTC))
