"""check_database: the live file's quick_check, read-only, leaving a crashed writer's WAL."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tray_app.backup.checking import check_database

CRASHING_WRITER = """
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA journal_mode=WAL")
c.execute("CREATE TABLE t (x INTEGER PRIMARY KEY, v BLOB)")
c.execute("BEGIN")
for _ in range(2000):
    c.execute("INSERT INTO t (v) VALUES (randomblob(500))")
c.execute("COMMIT")
os._exit(1)  # a crash: no close, so no checkpoint, and the WAL stays
"""


def _crashed_database(folder: Path) -> Path:
    db = folder / "erp.sqlite3"
    subprocess.run([sys.executable, "-c", CRASHING_WRITER, str(db)], check=False, timeout=60)
    assert Path(f"{db}-wal").stat().st_size > 0
    return db


def test_a_crashed_writers_database_passes_and_keeps_its_wal(tmp_path: Path) -> None:
    db = _crashed_database(tmp_path)
    wal = Path(f"{db}-wal")
    wal_bytes = wal.read_bytes()
    assert check_database(db).ok
    assert wal.read_bytes() == wal_bytes


def test_overwritten_bytes_are_named(tmp_path: Path) -> None:
    db = _crashed_database(tmp_path)
    connection = sqlite3.connect(db)  # checkpoint, so the damage hits the rows themselves
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    with db.open("r+b") as handle:
        handle.seek(os.path.getsize(db) // 2)
        handle.write(b"\x00\xff" * 400)
    check = check_database(db)
    assert not check.ok
    assert check.problem and "quick_check" in check.problem


def test_a_missing_file_is_a_problem_not_a_new_file(tmp_path: Path) -> None:
    check = check_database(tmp_path / "none.sqlite3")
    assert not check.ok and not (tmp_path / "none.sqlite3").exists()
