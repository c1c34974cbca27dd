"""The ERP's SQLite file (damaged, read-only, missing, sound) and the backend's port (held by
a foreign program, or by the backend our guardian runs)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.doctor.conftest import sandbox_config
from tests.waiting import free_port, wait_for
from tray_app.doctor.database import database_check
from tray_app.doctor.model import Status
from tray_app.doctor.ports_check import BACKEND_LOCK_NAME, backend_port_check
from tray_app.watchdog.platform import current
from tray_app.watchdog.ports import LockFile, port_is_free


def _sqlite_file(path: Path) -> Path:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL)")
        connection.execute("INSERT INTO orders (total) VALUES (12.5)")
    connection.close()
    return path


def test_random_bytes_fail_quick_check(tmp_path: Path) -> None:
    path = tmp_path / "erp.db"
    path.write_bytes(os.urandom(8192))
    check = database_check(sandbox_config(tmp_path, database_path=str(path)))
    assert check.status is Status.FAIL
    assert "is not a sound SQLite database: file is not a database" in check.detail
    assert "restore the database from a backup" in check.hint


def test_a_sound_database_passes_and_a_read_only_one_is_reported(tmp_path: Path) -> None:
    path = _sqlite_file(tmp_path / "erp.db")
    config = sandbox_config(tmp_path, database_path=str(path))
    assert database_check(config).status is Status.OK
    path.chmod(0o444)
    try:
        check = database_check(config)
    finally:
        path.chmod(0o644)
    assert check.status is Status.FAIL and "is read-only" in check.detail
    assert "writable" in check.hint


def test_a_missing_database_is_reported_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "erp.db"
    check = database_check(sandbox_config(tmp_path, backend_cmd=["erp"], database_path=str(path)))
    assert check.status is Status.WARN and "does not exist" in check.detail
    assert check.fix is None  # a foreign ERP creates its own database
    assert not path.exists() and not path.parent.exists()


@pytest.fixture
def listener() -> Iterator[tuple[subprocess.Popen[str], int]]:
    """A foreign program listening on a free port until its stdin closes."""
    port = free_port()
    code = (
        "import socket, sys\n"
        "s = socket.socket(); s.bind(('127.0.0.1', int(sys.argv[1]))); s.listen()\n"
        "sys.stdin.read()\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code, str(port)], stdin=subprocess.PIPE, text=True
    )
    try:
        wait_for(lambda: not port_is_free(current(), "127.0.0.1", port), message="port taken")
        yield process, port
    finally:
        assert process.stdin is not None
        process.stdin.close()
        process.wait(timeout=10)


def test_a_port_held_by_a_foreign_listener_names_its_holder(
    tmp_path: Path, listener: tuple[subprocess.Popen[str], int]
) -> None:
    process, port = listener
    check = backend_port_check(sandbox_config(tmp_path, port=port))
    assert check.status is Status.FAIL
    assert f"127.0.0.1:{port} is used by python" in check.detail
    assert f"(PID {process.pid})" in check.detail
    assert "another port" in check.hint


def test_a_port_held_by_the_backend_our_guardian_runs_is_fine(
    tmp_path: Path, listener: tuple[subprocess.Popen[str], int]
) -> None:
    process, port = listener
    config = sandbox_config(tmp_path, port=port)
    LockFile(config.data_path / BACKEND_LOCK_NAME).write(process.pid, port)  # we supervise it
    check = backend_port_check(config)
    assert check.status is Status.OK
    assert f"the ERP backend that ERP Guardian runs now (PID {process.pid})" in check.detail
