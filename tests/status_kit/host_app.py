"""A host ERP of the kit's tests: its own routes, its own SQLite file, the kit mounted.

`app_from_env` is the factory real uvicorn runs (`--factory`); the database path comes from
HOST_ERP_DB, the cache TTL from HOST_ERP_TTL.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from erp_guardian_status import status_router
from fastapi import FastAPI

HOST_VERSION = "7.3.1"
INVOICES = [(1, 12900), (2, 4590), (3, 1990)]
SUPPLIERS = [(1, "Schmidt KG"), (2, "Weber AG")]


def make_erp_database(path: Path, journal_mode: str = "wal") -> Path:
    """The host's data: two tables with a few rows, written by the host, not by the kit."""
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute(f"PRAGMA journal_mode={journal_mode}")
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount_cents INTEGER)")
        conn.execute("CREATE TABLE suppliers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.executemany("INSERT INTO invoices VALUES (?, ?)", INVOICES)
        conn.executemany("INSERT INTO suppliers VALUES (?, ?)", SUPPLIERS)
    return path


@contextlib.contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    """Another connection holds the file with BEGIN EXCLUSIVE (in WAL mode readers are only
    kept out when that connection also takes the exclusive locking mode and writes)."""
    conn = sqlite3.connect(path, timeout=5, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("UPDATE invoices SET amount_cents = amount_cents + 1")
        yield
        conn.execute("ROLLBACK")
    finally:
        conn.close()


def create_host_app(database: Path, **kit_options: Any) -> FastAPI:
    """The host's app with its own route, and the kit mounted the documented way."""
    app = FastAPI(title="Host ERP", version=HOST_VERSION)

    @app.get("/api/invoices")
    def invoices() -> list[dict[str, int]]:
        with contextlib.closing(sqlite3.connect(database)) as conn:
            rows = conn.execute("SELECT id, amount_cents FROM invoices ORDER BY id").fetchall()
        return [{"id": row[0], "amount_cents": row[1]} for row in rows]

    app.include_router(status_router(database=database, **kit_options))
    return app


def app_from_env() -> FastAPI:
    database = Path(os.environ["HOST_ERP_DB"])
    return create_host_app(database, ttl_s=float(os.environ.get("HOST_ERP_TTL", "30")))
