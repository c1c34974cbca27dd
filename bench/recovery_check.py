"""How long quick_check adds to a recovery (issue 15): the check of the live database that
runs after a crash or hang, before the restart (`tray_app/watchdog/recovery_check.py`).

Measures `check_database` (PRAGMA quick_check, read-only) on the bundled backend's fresh
database and on one of --size-mb (default 200) with 1 KiB rows, in a temp dir deleted after.
Each figure is the median of --runs, after one run that warms the page cache (a crash leaves
the file in the cache: the backend was just reading it).

    .venv/bin/python bench/recovery_check.py [--size-mb 200] [--runs 5]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from backend.app.services.database import Database  # noqa: E402
from tray_app.backup.checking import check_database  # noqa: E402

ROW_BYTES = 1024


def _large(path: Path, size_mb: int) -> None:
    assert Database(path).initialize()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE IF NOT EXISTS filler (id INTEGER PRIMARY KEY, v BLOB)")
    rows = size_mb * 1024 * 1024 // ROW_BYTES
    connection.executemany(
        "INSERT INTO filler (v) VALUES (randomblob(?))", ((ROW_BYTES,) for _ in range(rows))
    )
    connection.commit()
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


def _median_ms(path: Path, runs: int) -> float:
    assert check_database(path).ok
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        verdict = check_database(path)
        times.append((time.perf_counter() - started) * 1000)
        assert verdict.ok, verdict.problem
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        small = Path(folder) / "erp.sqlite3"
        assert Database(small).initialize()
        large = Path(folder) / "large.sqlite3"
        _large(large, args.size_mb)
        for name, path in (("bundled, fresh", small), (f"{args.size_mb} MB", large)):
            size = path.stat().st_size / 1024**2
            ms = _median_ms(path, args.runs)
            print(f"quick_check {name:>15} ({size:7.1f} MB): {ms:8.1f} ms (median of {args.runs})")


if __name__ == "__main__":
    main()
