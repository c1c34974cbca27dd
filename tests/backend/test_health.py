"""GET /health: liveness that reports a failing database as degraded, never as an error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.backend.harness import Backend, StartBackend
from tests.conditions import exclusive_lock


def test_health_reports_ok_version_uptime_and_database(shared_backend: Backend) -> None:
    response = shared_backend.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["version"] == "0.1.0"
    assert body["uptime_s"] > 0
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["database"]["detail"] == "ok"
    assert body["checks"]["database"]["latency_ms"] >= 0


def _health(backend: Backend) -> dict[str, Any]:
    response = backend.get("/health", timeout=5)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_locked_database_makes_health_degraded_and_recovers(
    backend_factory: StartBackend,
) -> None:
    backend = backend_factory()
    with exclusive_lock(str(backend.db_path)):
        body = _health(backend)
        assert body["status"] == "degraded"
        assert body["checks"]["database"] == {
            "ok": False,
            "detail": "database is locked",
            "latency_ms": body["checks"]["database"]["latency_ms"],
        }
        status = backend.status(max_age=0)
        assert status["database"]["error"] == "database is locked"
        assert status["system"]["memory"]["total_bytes"] > 0  # the rest still comes through
    assert _health(backend)["status"] == "ok"


def test_database_replaced_by_garbage_makes_health_degraded(
    backend_factory: StartBackend,
) -> None:
    backend = backend_factory()
    for suffix in ("-wal", "-shm"):
        backend.db_path.with_name(backend.db_path.name + suffix).unlink(missing_ok=True)
    backend.db_path.write_bytes(b"this is not an ERP database\n" * 1000)

    body = _health(backend)
    assert body["status"] == "degraded"
    assert body["checks"]["database"]["ok"] is False
    assert body["checks"]["database"]["detail"] == "file is not a database"
    status = backend.status(max_age=0)
    assert status["database"]["error"] == "file is not a database"
    assert status["database"]["tables"] == []


def test_missing_database_is_degraded_and_not_recreated(backend_factory: StartBackend) -> None:
    backend = backend_factory()
    backend.db_path.unlink()
    body = _health(backend)
    assert body["status"] == "degraded"
    assert body["checks"]["database"]["detail"] == "unable to open database file"
    assert not backend.db_path.exists()


def test_backend_started_on_a_garbage_file_runs_degraded(
    backend_factory: StartBackend, tmp_path: Path
) -> None:
    (tmp_path / "erp.sqlite3").write_bytes(b"garbage" * 100)  # where the factory puts the db
    backend = backend_factory()
    body = _health(backend)
    assert body["status"] == "degraded"
    assert body["checks"]["database"]["detail"] == "file is not a database"
    assert "cannot be initialised: file is not a database" in backend.log_text()
