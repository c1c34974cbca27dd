"""Standby mode: everything a backend needs to serve, done ahead, then wait to be promoted.

A standby imports its modules, builds the app and uvicorn's loaded config, and opens the
database read-only: it writes nothing (the demo database is created and seeded by the
lifespan, which runs only once serving begins). Then it says `ready` on stdout and waits for
`promote` on stdin; end of file instead means it is no longer wanted.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

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


def warm_request(app: FastAPI, path: str = "/health") -> int:
    """One GET answered in this process, without a socket: the status kit builds its services
    and primes its CPU readings on its first request (its first status then waits out a 0.5 s
    window), the middleware stack is built. /health only reads. Returns the HTTP status."""
    status: list[int] = []
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": [(b"host", b"127.0.0.1")],
        "client": ("127.0.0.1", 0),
        "server": ("127.0.0.1", 0),
    }

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            status.append(int(message["status"]))

    asyncio.run(app(scope, receive, send))
    return status[0] if status else 0


def wait_for_promotion(app: FastAPI, db_path: Path, control: StdinControl) -> bool:
    """Warm up, say ready, wait. True once promoted, False when stdin closed first."""
    conn = open_read_only(db_path)
    try:
        warm_request(app)
    except Exception as error:  # a warm-up that fails leaves a standby that is merely cold
        log.warning("standby: warm-up request failed: %s", error)
    say(READY_LINE)
    control.wake.wait()
    if conn is not None:
        with contextlib.suppress(sqlite3.Error):
            conn.close()
    if not control.promoted.is_set():
        return False
    say(SERVING_LINE)
    return True
