"""Host header check, CORS, and error answers without stack traces."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import httpx
import pytest

from backend.app.main import create_app
from backend.app.settings import BackendSettings
from tests.backend.harness import Backend, StartBackend, assert_no_traceback


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8765", "127.0.0.1.nip.io", "192.168.1.10:8765"]
)
def test_foreign_host_header_is_refused_with_a_reason(shared_backend: Backend, host: str) -> None:
    for path in ("/health", "/api/v1/system/status", "/docs"):
        response = shared_backend.get(path, headers={"Host": host})
        assert response.status_code == 400, response.text
        assert response.headers["content-type"] == "application/json"
        assert "not allowed" in response.json()["detail"]


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "[::1]", "LOCALHOST:{port}"])
def test_local_host_headers_are_accepted(shared_backend: Backend, host: str) -> None:
    header = host.format(port=shared_backend.port)
    response = shared_backend.get("/health", headers={"Host": header})
    assert response.status_code == 200, response.text


def test_cors_allows_only_the_configured_origin(backend_factory: StartBackend) -> None:
    allowed = "http://127.0.0.1:8766"
    backend = backend_factory("--cors-origin", allowed)
    preflight = {"Access-Control-Request-Method": "GET"}

    ok = httpx.options(
        backend.url + "/api/v1/system/status", headers={"Origin": allowed, **preflight}, timeout=5
    )
    assert ok.status_code == 200
    assert ok.headers["access-control-allow-origin"] == allowed

    other = backend.get("/health", headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_no_cors_headers_by_default(shared_backend: Backend) -> None:
    response = shared_backend.get("/health", headers={"Origin": "http://127.0.0.1:8766"})
    assert "access-control-allow-origin" not in response.headers


def test_unknown_paths_and_methods_are_4xx_json(shared_backend: Backend) -> None:
    missing = shared_backend.get("/api/v1/nothing-here")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "Not Found"}
    wrong_method = shared_backend.post("/health")
    assert wrong_method.status_code == 405
    assert_no_traceback(wrong_method)


def test_docs_document_the_status_route(shared_backend: Backend) -> None:
    schema = shared_backend.get("/openapi.json").json()
    status = schema["paths"]["/api/v1/system/status"]["get"]
    assert status["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/SystemStatus"
    }
    assert "max_age" in {parameter["name"] for parameter in status["parameters"]}
    assert "/api/v1/faults/block" not in schema["paths"]  # faults are off here


def test_unhandled_error_is_logged_with_traceback_but_answered_without(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # A process cannot be made to fail on purpose, so this one runs in-process.
    app = create_app(BackendSettings(db_path=tmp_path / "erp.sqlite3"))

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("secret internals")

    async def call() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return await client.get("/boom")

    with caplog.at_level(logging.INFO):
        response = asyncio.run(call())

    assert response.status_code == 500
    assert response.json() == {"detail": "internal error"}
    assert "secret" not in response.text
    errors = [record for record in caplog.records if record.levelno == logging.ERROR]
    assert errors and errors[0].exc_info is not None
    assert "unhandled error in GET /boom" in errors[0].getMessage()
    assert any("GET /boom 500" in record.getMessage() for record in caplog.records)
