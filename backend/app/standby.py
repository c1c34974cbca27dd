"""Standby mode: everything a backend needs to serve, done ahead, then wait to be promoted.

A standby imports its modules, builds the app and uvicorn's loaded config, and opens the
database read-only: it writes nothing (the demo database is created and seeded by the
lifespan, which runs only once serving begins). Then it says `ready` on stdout and waits for
`promote` on stdin; end of file instead means it is no longer wanted.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from pathlib import Path

from fastapi import FastAPI

from backend.app.control import READY_LINE, SERVING_LINE, StdinControl, say

log = logging.getLogger(__name__)


def open_read_only(path: Path) -> sqlite3.Connection | None:
    """The database opened read-only and its schema read (pages in the OS cache); None when
    the file is not there yet (the first backend creates it)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1.0)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as error:
        log.info("standby: database %s not opened yet (%s)", path, error)
        return None
    return conn


def wait_for_promotion(app: FastAPI, db_path: Path, control: StdinControl) -> bool:
    """Warm up, say ready, wait. True once promoted, False when stdin closed first."""
    # Starlette builds its middleware stack on the first request: do it now, not then.
    app.middleware_stack = app.build_middleware_stack()
    conn = open_read_only(db_path)
    say(READY_LINE)
    control.wake.wait()
    if conn is not None:
        with contextlib.suppress(sqlite3.Error):
            conn.close()
    if not control.promoted.is_set():
        return False
    say(SERVING_LINE)
    return True
