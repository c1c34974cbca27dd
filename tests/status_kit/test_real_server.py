"""The kit in a host app served by real uvicorn in a process of its own."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.status_kit.host_app import HOST_VERSION, exclusive_lock, make_erp_database
from tests.status_kit.server import HostServer, serve_host_app

CONCURRENT_FIRST_REQUESTS = 50


@pytest.fixture
def server(tmp_path: Path) -> Iterator[HostServer]:
    with serve_host_app(make_erp_database(tmp_path / "served-erp.sqlite3")) as server:
        yield server


def test_the_three_routes_and_the_host_route_answer(server: HostServer) -> None:
    with requests.Session() as session:
        health = session.get(server.url + "/health", timeout=5).json()
        status = session.get(server.url + "/api/v1/system/status", timeout=5).json()
        reset = session.post(server.url + "/api/v1/system/status/reset-cache", timeout=5)
        invoices = session.get(server.url + "/api/invoices", timeout=5)
    assert (health["status"], health["version"]) == ("ok", HOST_VERSION)
    assert status["process"]["pid"] == server.process.pid  # psutil of the serving process
    assert status["database"]["path"] == str(server.database)
    assert {table["name"] for table in status["database"]["tables"]} == {"invoices", "suppliers"}
    assert status["cache"]["ttl_s"] == 30
    assert reset.json() == {"reset": True, "message": "status cache cleared"}
    assert invoices.status_code == 200


def test_many_concurrent_first_requests_share_one_computation(server: HostServer) -> None:
    start = threading.Barrier(CONCURRENT_FIRST_REQUESTS)

    def fetch(_: int) -> dict[str, Any]:
        with requests.Session() as session:
            session.get(server.url + "/api/invoices", timeout=10)  # connect before the barrier
            start.wait(timeout=10)
            response = session.get(server.url + "/api/v1/system/status", timeout=10)
        assert response.status_code == 200, response.text
        cache: dict[str, Any] = response.json()["cache"]
        return cache

    with ThreadPoolExecutor(max_workers=CONCURRENT_FIRST_REQUESTS) as pool:
        caches = list(pool.map(fetch, range(CONCURRENT_FIRST_REQUESTS)))

    assert {cache["computed_at"] for cache in caches} == {caches[0]["computed_at"]}
    assert {cache["misses"] for cache in caches} == {1}


def test_a_locked_database_makes_health_degraded_not_an_error(server: HostServer) -> None:
    with exclusive_lock(server.database):
        response = requests.get(server.url + "/health", timeout=5)
        assert response.status_code == 200
        assert response.json()["status"] == "degraded"
        assert response.json()["checks"]["database"]["detail"] == "database is locked"
    assert requests.get(server.url + "/health", timeout=5).json()["status"] == "ok"
