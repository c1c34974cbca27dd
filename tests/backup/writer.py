"""A second writer on the ERP's SQLite file, as another client of the ERP would be.

python -m tests.backup.writer DB [--rows N]
Each transaction adds one customer and one order for it, so a consistent copy has exactly as
many writer orders as writer customers. Without --rows it writes until it is terminated.
"""

from __future__ import annotations

import argparse
import itertools
import sqlite3

WRITER_NAME = "writer-%"


def write(db: str, rows: int | None) -> None:
    connection = sqlite3.connect(db, timeout=10.0, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    counter = itertools.count(1) if rows is None else range(1, rows + 1)
    for n in counter:
        connection.execute("BEGIN IMMEDIATE")
        cursor = connection.execute(
            "INSERT INTO customers (name, email) VALUES (?, NULL)", (f"writer-{n}",)
        )
        connection.execute(
            "INSERT INTO orders (customer_id, article_id, quantity) VALUES (?, 1, 1)",
            (cursor.lastrowid,),
        )
        connection.execute("COMMIT")
    connection.close()


def writer_counts(db: str, uri: bool = False) -> tuple[int, int]:
    """(writer customers, their orders) in a database file."""
    connection = sqlite3.connect(db, uri=uri)
    try:
        customers = connection.execute(
            "SELECT count(*) FROM customers WHERE name LIKE ?", (WRITER_NAME,)
        ).fetchone()[0]
        orders = connection.execute(
            "SELECT count(*) FROM orders JOIN customers ON customers.id = orders.customer_id "
            "WHERE customers.name LIKE ?",
            (WRITER_NAME,),
        ).fetchone()[0]
    finally:
        connection.close()
    return int(customers), int(orders)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--rows", type=int)
    args = parser.parse_args()
    write(args.db, args.rows)
