"""Backup time and the longest pause of ERP writes during an online backup.

Builds (in a temp dir, deleted after) a SQLite database of --size-mb (default 200) with the
bundled ERP's schema plus a table of 1 KiB rows, starts a writer process that commits one small
transaction after another (as a busy ERP would), and takes a backup with the guardian's own
code (`tray_app.backup.creating.create_backup`: SQLite's backup API in steps, then
integrity_check of the copy). The writer records when each commit ended; the longest gap
between two commits inside the backup window is the longest pause of ERP writes, printed next
to the same figure for an equally long window without a backup.

    .venv/bin/python bench/backup.py [--size-mb 200] [--journal wal|delete] [--runs 3]
        [--backup-dir DIR]

Target (issue 15): writes never wait more than a few milliseconds at a time.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from tray_app.backup.creating import create_backup  # noqa: E402
from tray_app.backup.model import BackupKind  # noqa: E402
from tray_app.config import GuardianConfig  # noqa: E402

ROW_BYTES = 1024

WRITER = r"""
import json, sqlite3, sys, time
from pathlib import Path
db, stop, out = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
c = sqlite3.connect(db, timeout=30.0, isolation_level=None)
ends = []
while not stop.exists():
    c.execute("BEGIN IMMEDIATE")
    c.execute("INSERT INTO orders (customer_id, article_id, quantity) VALUES (1, 1, 1)")
    c.execute("COMMIT")
    ends.append(time.monotonic())
c.close()
Path(out).write_text(json.dumps(ends))
"""


def build_database(path: Path, size_mb: int, journal: str) -> None:
    sys.stdout.write(f"building a {size_mb} MB database ({journal}) ... ")
    sys.stdout.flush()
    from backend.app.services.database import Database

    assert Database(path).initialize()
    import sqlite3

    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute(f"PRAGMA journal_mode={journal}")
    connection.execute("CREATE TABLE IF NOT EXISTS documents (id INTEGER PRIMARY KEY, body BLOB)")
    rows = size_mb * 1024 * 1024 // (ROW_BYTES * 14 // 10)  # with overflow and index pages
    connection.execute("BEGIN")
    for _ in range(rows // 1000):
        connection.executemany(
            "INSERT INTO documents (body) VALUES (randomblob(?))", [(ROW_BYTES,)] * 1000
        )
    connection.execute("COMMIT")
    connection.close()
    sys.stdout.write(f"{path.stat().st_size / 1e6:.0f} MB\n")


def longest_gap_ms(ends: list[float], start: float, end: float) -> tuple[float, int]:
    inside = [t for t in ends if start <= t <= end]
    points = [start, *inside, end]
    gaps = [b - a for a, b in itertools.pairwise(points)]
    return max(gaps) * 1000, len(inside)


def one_run(db: Path, folder: Path, config: GuardianConfig) -> dict[str, float]:
    stop, out = folder / "stop", folder / "ends.json"
    stop.unlink(missing_ok=True)
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(stop), str(out)])
    try:
        time.sleep(1.0)  # the writer at full speed before the window opens
        started = time.monotonic()
        result = create_backup(config, BackupKind.MANUAL)
        ended = time.monotonic()
        assert result.ok, result.detail
        time.sleep(0.5)
        quiet_start = time.monotonic()
        time.sleep(ended - started)  # a window as long, without a backup
        quiet_end = time.monotonic()
        stop.touch()
        writer.wait(timeout=60)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
    ends = json.loads(out.read_text())
    pause_ms, commits = longest_gap_ms(ends, started, ended)
    quiet_ms, quiet_commits = longest_gap_ms(ends, quiet_start, quiet_end)
    assert result.figures is not None and result.info is not None
    return {
        "backup_s": ended - started,
        "copy_s": result.figures.duration_s,
        "steps": result.figures.steps,
        "longest_step_ms": result.figures.longest_step_s * 1000,
        "pause_ms": pause_ms,
        "commits": commits,
        "quiet_pause_ms": quiet_ms,
        "quiet_commits": quiet_commits,
        "size_mb": result.info.size_bytes / 1e6,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=200)
    parser.add_argument("--journal", choices=("wal", "delete"), default="wal")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--backup-dir", type=Path, help="backup folder (another drive: less I/O)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-backup-") as tmp:
        folder = Path(tmp)
        db = folder / "erp.sqlite3"
        build_database(db, args.size_mb, args.journal)
        config = GuardianConfig(
            database_path=str(db),
            backup_dir=str(args.backup_dir or folder / "backups"),
            backup_keep_daily=1,
            backup_keep_weekly=0,
        )
        results = []
        for run in range(1, args.runs + 1):
            figures = one_run(db, folder, config)
            results.append(figures)
            sys.stdout.write(
                f"run {run}: backup {figures['backup_s']:.2f} s (copy {figures['copy_s']:.2f} s, "
                f"{figures['steps']:.0f} steps, longest step {figures['longest_step_ms']:.1f} ms, "
                f"{figures['size_mb']:.0f} MB); longest write pause {figures['pause_ms']:.1f} ms "
                f"over {figures['commits']:.0f} commits; without a backup "
                f"{figures['quiet_pause_ms']:.1f} ms over {figures['quiet_commits']:.0f} commits\n"
            )
        for key in ("backup_s", "pause_ms", "quiet_pause_ms"):
            values = [r[key] for r in results]
            sys.stdout.write(
                f"{key}: median {statistics.median(values):.2f}, max {max(values):.2f}\n"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
