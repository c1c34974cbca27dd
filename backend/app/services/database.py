"""The ERP database: a SQLite file in WAL mode with a minimal schema and a few seed rows.

Every call opens its own connection (sqlite3 objects must not be shared across threads) and
closes it again. Holding no connection between calls also lets another program take the file
exclusively, which /health then reports instead of hiding.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    sku TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0),
    stock INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS customers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE IF NOT EXISTS orders (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    article_id INTEGER NOT NULL REFERENCES articles(id),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    ordered_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
"""

SEED_ARTICLES = [
    ("A-1001", "Office chair", 12900, 12),
    ("A-1002", "Standing desk", 45900, 4),
    ("A-1003", "Monitor arm", 7900, 25),
    ("A-1004", "Desk lamp", 3450, 40),
    ("A-1005", "Cable tray", 1990, 60),
]
SEED_CUSTOMERS = [
    ("Müller GmbH", "einkauf@mueller.example"),
    ("Dupont SARL", "achats@dupont.example"),
    ("Rossi S.p.A.", None),
]
SEED_ORDERS = [(1, 1, 2), (1, 3, 2), (2, 2, 1), (3, 5, 10)]


@dataclass(frozen=True)
class PingResult:
    """The outcome of the cheap liveness query."""

    ok: bool
    detail: str
    latency_ms: float


def describe_error(error: BaseException) -> str:
    """SQLite's own message ("database is locked", "file is not a database") is the best."""
    return str(error) or type(error).__name__


class Database:
    """Access to the ERP SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _uri(self, mode: str) -> str:
        # mode=rw: a deleted file must show up as an error, not be recreated empty.
        return f"{self.path.resolve().as_uri()}?mode={mode}"

    @contextlib.contextmanager
    def connect(self, timeout_s: float, create: bool = False) -> Iterator[sqlite3.Connection]:
        """A fresh connection (autocommit), closed on exit; timeout_s is the busy timeout."""
        conn = sqlite3.connect(
            self._uri("rwc" if create else "rw"),
            uri=True,
            timeout=timeout_s,
            isolation_level=None,
            check_same_thread=True,
        )
        try:
            yield conn
        finally:
            conn.close()

    def initialize(self) -> bool:
        """Create the file, schema and seed rows if missing. False (and logged) on failure."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.connect(timeout_s=5.0, create=True) as conn:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.executescript(SCHEMA)
                seeded = self._seed_if_empty(conn)
        except (OSError, sqlite3.Error) as error:
            log.error("database %s cannot be initialised: %s", self.path, describe_error(error))
            return False
        if seeded:
            log.info("database %s created with seed rows", self.path)
        return True

    @staticmethod
    def _seed_if_empty(conn: sqlite3.Connection) -> bool:
        (count,) = conn.execute("SELECT count(*) FROM articles").fetchone()
        if count:
            return False
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO articles (sku, name, unit_price_cents, stock) VALUES (?, ?, ?, ?)",
            SEED_ARTICLES,
        )
        conn.executemany("INSERT INTO customers (name, email) VALUES (?, ?)", SEED_CUSTOMERS)
        conn.executemany(
            "INSERT INTO orders (customer_id, article_id, quantity) VALUES (?, ?, ?)",
            SEED_ORDERS,
        )
        conn.execute("COMMIT")
        return True

    def ping(self, timeout_s: float) -> PingResult:
        """A one-row query that must read the file header (a bare `SELECT 1` would not touch
        the file, so it would miss a locked or corrupt database)."""
        started = time.perf_counter()
        try:
            with self.connect(timeout_s) as conn:
                conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        except sqlite3.Error as error:
            return PingResult(False, describe_error(error), _ms_since(started))
        return PingResult(True, "ok", _ms_since(started))


def _ms_since(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 3)
