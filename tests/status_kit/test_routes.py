"""The three routes in a host app of their own: same answers as the bundled backend gives."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import psutil
import pytest
from erp_guardian_status.schemas.health import HealthResponse
from erp_guardian_status.schemas.status import SystemStatus
from fastapi.testclient import TestClient

from tests.status_kit.conftest import MakeClient
from tests.status_kit.host_app import HOST_VERSION, INVOICES, SUPPLIERS, create_host_app


def test_health_is_ok_with_the_host_version_and_a_database_check(client: TestClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    body = HealthResponse.model_validate(response.json()).model_dump(mode="json")
    assert body["status"] == "ok"
    assert body["version"] == HOST_VERSION
    assert body["uptime_s"] >= 0
    assert list(body["checks"]) == ["database"]
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["database"]["detail"] == "ok"


def test_status_describes_the_host_database_and_this_process(
    client: TestClient, erp_db: Path
) -> None:
    response = client.get("/api/v1/system/status")
    assert response.status_code == 200, response.text
    status = SystemStatus.model_validate(response.json())

    database = status.database
    assert database.error is None
    assert database.path == str(erp_db)
    assert database.journal_mode == "wal"
    assert database.sqlite_version == sqlite3.sqlite_version
    assert {table.name: table.rows for table in database.tables} == {
        "invoices": len(INVOICES),
        "suppliers": len(SUPPLIERS),
    }
    assert database.integrity is not None and database.integrity.ok
    assert status.process.pid == os.getpid()  # TestClient serves in this process
    assert status.process.app_version == HOST_VERSION
    assert status.process.python_version == ".".join(map(str, sys.version_info[:3]))
    assert status.system.disk is not None and status.system.disk.path == str(erp_db.parent)
    assert status.system.memory.total_bytes == psutil.virtual_memory().total
    assert status.cache.ttl_s == 30
    assert status.errors == []


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_reset_cache_answers_on_get_and_post(client: TestClient, method: str) -> None:
    response = client.request(method, "/api/v1/system/status/reset-cache")
    assert response.status_code == 200
    assert response.json() == {"reset": True, "message": "status cache cleared"}


@pytest.mark.parametrize("max_age", ["-1", "3601", "abc", "nan", ""])
def test_bad_max_age_is_a_422_with_the_reason(client: TestClient, max_age: str) -> None:
    response = client.get(f"/api/v1/system/status?max_age={max_age}")
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "max_age"]


def test_openapi_documents_the_routes_with_their_response_models(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    assert set(paths) == {
        "/api/invoices",
        "/health",
        "/api/v1/system/status",
        "/api/v1/system/status/reset-cache",
    }
    json_schema = paths["/api/v1/system/status"]["get"]["responses"]["200"]["content"]
    assert json_schema["application/json"]["schema"] == {
        "$ref": "#/components/schemas/SystemStatus"
    }
    assert "max_age" in {p["name"] for p in paths["/api/v1/system/status"]["get"]["parameters"]}
    reset = paths["/api/v1/system/status/reset-cache"]
    assert reset["get"]["operationId"] != reset["post"]["operationId"]


def test_the_version_option_overrides_the_app_version(make_client: MakeClient) -> None:
    client = make_client(version="2024.2")
    assert client.get("/health").json()["version"] == "2024.2"
    assert client.get("/api/v1/system/status").json()["process"]["app_version"] == "2024.2"


def test_routes_work_without_the_host_lifespan_ever_running(erp_db: Path) -> None:
    # No `with`: no startup, and every request runs in an event loop of its own.
    client = TestClient(create_host_app(erp_db))
    assert client.get("/health").json()["status"] == "ok"
    assert client.get("/api/v1/system/status").json()["database"]["error"] is None
    assert client.post("/api/v1/system/status/reset-cache").json()["reset"] is True
    assert client.get("/api/v1/system/status").json()["cache"]["misses"] == 2
