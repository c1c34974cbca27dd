"""Real conditions that several test folders make: a small volume of its own (to fill it, or
turn it read-only, without touching this machine's disks) and a database locked by another
program."""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def small_volume(path: Path, size_kb: int) -> Iterator[Path]:
    """A tmpfs of its own at path (needs root; skipped with the reason elsewhere)."""
    path.mkdir(parents=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0700", "tmpfs", str(path)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


@contextlib.contextmanager
def exclusive_lock(db_path: Path | str) -> Iterator[None]:
    """Hold the database exclusively, as another program could (WAL readers are not blocked
    by a plain BEGIN EXCLUSIVE, so the connection takes the exclusive locking mode too);
    rolled back and released on exit."""
    conn = sqlite3.connect(db_path, timeout=5, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("UPDATE articles SET stock = stock + 1")
        yield
        conn.execute("ROLLBACK")
    finally:
        conn.close()
