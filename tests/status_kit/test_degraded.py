"""A failing database makes /health degraded (HTTP 200), and the kit never writes to it."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from erp_guardian_status.database import ReadOnlyDatabase

from tests.status_kit.conftest import MakeClient
from tests.status_kit.host_app import exclusive_lock, make_erp_database


@pytest.mark.parametrize("journal_mode", ["wal", "delete"])
def test_a_locked_database_is_degraded_and_recovers(
    make_client: MakeClient, tmp_path: Path, journal_mode: str
) -> None:
    database = make_erp_database(tmp_path / f"locked-{journal_mode}.sqlite3", journal_mode)
    client = make_client(database=database)
    with exclusive_lock(database):
        health = client.get("/health")
        assert health.status_code == 200
        assert health.json()["status"] == "degraded"
        assert health.json()["checks"]["database"]["detail"] == "database is locked"
        status = client.get("/api/v1/system/status?max_age=0").json()
        assert status["database"]["error"] == "database is locked"
        assert status["system"]["memory"]["total_bytes"] > 0  # the rest still comes through
    assert client.get("/health").json()["status"] == "ok"


def test_a_missing_database_is_degraded_and_not_created(
    make_client: MakeClient, tmp_path: Path
) -> None:
    missing = tmp_path / "not-there.sqlite3"
    client = make_client(database=missing)
    body = client.get("/health").json()
    assert body["status"] == "degraded"
    assert body["checks"]["database"]["detail"] == "unable to open database file"
    assert client.get("/api/v1/system/status").json()["database"]["error"]
    assert list(tmp_path.iterdir()) == [tmp_path / "host-erp.sqlite3"]  # the other one only


def test_a_file_that_is_no_database_is_degraded(make_client: MakeClient, tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not an ERP database\n" * 1000)
    client = make_client(database=garbage)
    assert client.get("/health").json()["checks"]["database"]["detail"] == (
        "file is not a database"
    )
    assert garbage.read_bytes() == b"not an ERP database\n" * 1000


def test_the_kit_does_not_change_the_database_file(make_client: MakeClient, tmp_path: Path) -> None:
    # A rollback-journal file: in WAL mode SQLite keeps readers' shared index beside it.
    database = make_erp_database(tmp_path / "journal.sqlite3", "delete")
    digest = hashlib.sha256(database.read_bytes()).hexdigest()
    client = make_client(database=database)
    for _ in range(3):
        assert client.get("/health").json()["status"] == "ok"
        assert client.get("/api/v1/system/status?max_age=0").json()["database"]["error"] is None
    assert hashlib.sha256(database.read_bytes()).hexdigest() == digest
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "host-erp.sqlite3",
        "journal.sqlite3",
    ]


def test_the_kit_connection_refuses_to_write(erp_db: Path) -> None:
    database = ReadOnlyDatabase(erp_db)
    with database.connect(timeout_s=1) as conn, pytest.raises(sqlite3.OperationalError) as error:
        conn.execute("CREATE TABLE written_by_the_monitor (x)")
    assert "readonly" in str(error.value)
