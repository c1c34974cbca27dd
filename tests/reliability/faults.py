"""Injected faults for the reliability tests: a locked, unreadable or corrupt database, a
small volume that fills up or turns read-only, and checks that nothing was lost."""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conditions import exclusive_lock, small_volume
from tests.waiting import wait_for
from tests.watchdog.harness import Guard
from tray_app.watchdog import EventName

__all__ = ["exclusive_lock", "small_volume"]  # re-exported for the fault tests

REPO_ROOT = Path(__file__).resolve().parents[2]
# Capabilities that let root ignore file modes; a backend without them obeys chmod like a user.
ROOT_BYPASS_CAPS = "-dac_override,-dac_read_search"


def database_rows(db_path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every ERP table, after an integrity check that must pass."""
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        tables = ("articles", "customers", "orders")
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in tables}
    finally:
        conn.close()


def bundled_backend_cmd(*wrapper: str) -> list[str]:
    """The bundled backend as a custom command (so a wrapper such as setpriv can go first)."""
    return [*wrapper, sys.executable, "-m", "backend", "--host", "{host}", "--port", "{port}"]


def without_root_bypass() -> list[str]:
    """A command prefix that runs the child without root's file-permission capabilities."""
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("setpriv (util-linux) is missing: as root, chmod 000 would not stop reads")
    return [setpriv, f"--inh-caps={ROOT_BYPASS_CAPS}", f"--bounding-set={ROOT_BYPASS_CAPS}", "--"]


def remount(path: Path, mode: str) -> None:
    """mode "ro" or "rw"."""
    subprocess.run(["mount", "-o", f"remount,{mode}", str(path)], check=True)


def fill(volume: Path) -> Path:
    """Write a filler file until the volume is full; returns it (delete it to free the space)."""
    filler = volume / "filler"
    chunk = b"\0" * 4096
    with filler.open("wb", buffering=0) as out, contextlib.suppress(OSError):
        while True:
            out.write(chunk)
    return filler


def logged_events(events_file: Path, skip_torn: bool = False) -> list[dict[str, Any]]:
    """events.jsonl as dicts; a line that is not JSON (a torn write) fails the test unless
    `skip_torn`."""
    if not events_file.exists():
        return []
    found = []
    for line in events_file.read_text().splitlines():
        try:
            found.append(json.loads(line))
        except ValueError:
            if not skip_torn:
                raise AssertionError(f"events.jsonl has a line that is not JSON: {line}") from None
    return found


def assert_every_event_logged(g: Guard, since: int = 0, skip_torn: bool = False) -> None:
    """Every event the engine published (from index `since`, statistics aside) has its line in
    events.jsonl, in order: compared by name and time stamp."""
    published = [
        (e.name.value, e.time.isoformat())
        for e in list(g.events)[since:]
        if e.name is not EventName.STATS
    ]

    def lines() -> list[tuple[str, str]]:
        return [
            (x["event"], x["time"]) for x in logged_events(g.logs.path("events.jsonl"), skip_torn)
        ]

    wait_for(
        lambda: all(item in lines() for item in published),
        timeout_s=5,
        describe=lambda: [item for item in published if item not in lines()],
        message="every event in events.jsonl",
    )
    written = lines()
    positions = [written.index(item) for item in published]
    assert positions == sorted(positions), "events.jsonl holds the events out of order"
