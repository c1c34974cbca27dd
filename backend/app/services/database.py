"""The demo ERP's database: a SQLite file in WAL mode with a minimal schema and seed rows.

Only the bundled backend creates and writes it; the status kit reads it, read-only, like the
database of any other ERP.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from pathlib import Path

from erp_guardian_status.database import describe_error

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


class Database:
    """Creates and seeds the demo ERP's SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def initialize(self) -> bool:
        """Create the file, schema and seed rows if missing. False (and logged) on failure."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=5.0, isolation_level=None)
            with contextlib.closing(connection) as conn:
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
