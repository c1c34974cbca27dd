"""GET /api/v1/system/status against the real backend process."""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any

import httpx
import psutil
import pytest

from tests.backend.harness import Backend, assert_no_traceback


def test_status_has_every_field_with_plausible_values(shared_backend: Backend) -> None:
    body = shared_backend.status(max_age=0)
    assert set(body) >= {"system", "process", "database", "cache", "errors"}
    system, process, database, cache = (
        body["system"],
        body["process"],
        body["database"],
        body["cache"],
    )

    assert system["memory"]["total_bytes"] == psutil.virtual_memory().total
    assert 0 < system["memory"]["available_bytes"] <= system["memory"]["total_bytes"]
    assert 0 <= system["memory"]["percent"] <= 100
    assert system["cpu_count"] == psutil.cpu_count()
    assert len(system["cpu_per_core"]) == psutil.cpu_count()
    assert 0 <= system["cpu_percent"] <= 100
    assert system["platform"] == sys.platform
    assert system["hostname"]
    assert datetime.fromisoformat(system["boot_time"]).timestamp() == pytest.approx(
        psutil.boot_time(), abs=2
    )
    assert system["swap"]["total_bytes"] == psutil.swap_memory().total
    assert system["disk"]["path"] == str(shared_backend.db_path.parent)
    assert system["disk"]["total_bytes"] == psutil.disk_usage(system["disk"]["path"]).total
    if hasattr(os, "getloadavg"):
        assert len(system["load_average"]) == 3

    assert process["pid"] == shared_backend.process.pid
    assert process["rss_bytes"] > 10 * 1024 * 1024
    assert process["threads"] >= 1
    assert process["uptime_s"] >= 0
    assert process["python_version"] == ".".join(map(str, sys.version_info[:3]))
    assert process["app_version"] == "0.1.0"
    assert process["open_files"] >= 0

    assert database["error"] is None
    assert database["path"] == str(shared_backend.db_path)
    assert database["journal_mode"] == "wal"
    assert database["sqlite_version"] == sqlite3.sqlite_version
    assert database["file_bytes"] == database["page_size"] * database["page_count"]
    assert database["size_bytes"] == database["file_bytes"] + database["wal_bytes"]
    tables = {table["name"]: table["rows"] for table in database["tables"]}
    assert set(tables) == {"articles", "customers", "orders"}
    assert all(rows > 0 for rows in tables.values())
    assert database["integrity"]["ok"] is True
    assert database["integrity"]["result"] == "ok"
    assert database["query_latency_ms"] >= 0

    assert cache["ttl_s"] == 30
    assert 0 <= cache["age_s"] < 30
    assert cache["misses"] >= 1
    assert cache["compute_ms"] > 0
    datetime.fromisoformat(cache["computed_at"])
    assert body["errors"] == []


def _time(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _rows(body: dict[str, Any], table: str) -> int:
    rows: int = next(t["rows"] for t in body["database"]["tables"] if t["name"] == table)
    return rows


def test_row_count_follows_an_insert_once_the_cache_is_reset(shared_backend: Backend) -> None:
    before = _rows(shared_backend.status(), "customers")
    with sqlite3.connect(shared_backend.db_path, timeout=5) as conn:
        conn.execute("INSERT INTO customers (name) VALUES ('Test customer')")
    conn.close()

    assert _rows(shared_backend.status(), "customers") == before  # still the cached figure
    shared_backend.reset_cache()
    assert _rows(shared_backend.status(), "customers") == before + 1


def test_calls_within_the_ttl_share_computed_at_and_a_reset_renews_it(
    shared_backend: Backend,
) -> None:
    first = shared_backend.status()["cache"]
    second = shared_backend.status()["cache"]
    assert second["computed_at"] == first["computed_at"]
    assert second["hits"] == first["hits"] + 1
    assert second["misses"] == first["misses"]

    response = shared_backend.get("/api/v1/system/status/reset-cache")  # GET works as well
    assert response.json() == {"reset": True, "message": "status cache cleared"}
    third = shared_backend.status()["cache"]
    assert _time(third["computed_at"]) > _time(first["computed_at"])
    assert third["misses"] == first["misses"] + 1


def test_max_age_zero_forces_fresh_figures(shared_backend: Backend) -> None:
    first = shared_backend.status()["cache"]
    fresh = shared_backend.status(max_age=0)["cache"]
    assert _time(fresh["computed_at"]) > _time(first["computed_at"])


def test_fifty_concurrent_requests_on_an_empty_cache_compute_once(
    shared_backend: Backend,
) -> None:
    misses_before = shared_backend.status()["cache"]["misses"]
    shared_backend.reset_cache()
    start = threading.Barrier(50)

    def fetch(_: int) -> dict[str, Any]:
        with httpx.Client() as session:
            session.get(shared_backend.url + "/health", timeout=10)  # connect before the barrier
            start.wait(timeout=10)
            response = session.get(shared_backend.url + "/api/v1/system/status", timeout=10)
        assert response.status_code == 200, response.text
        cache: dict[str, Any] = response.json()["cache"]
        return cache

    with ThreadPoolExecutor(max_workers=50) as pool:
        caches = list(pool.map(fetch, range(50)))

    assert {cache["computed_at"] for cache in caches} == {caches[0]["computed_at"]}
    assert max(cache["misses"] for cache in caches) == misses_before + 1
    assert shared_backend.status()["cache"]["misses"] == misses_before + 1


@pytest.mark.parametrize("max_age", ["-1", "3601", "abc", "nan", ""])
def test_bad_max_age_is_a_422_with_the_reason(shared_backend: Backend, max_age: str) -> None:
    response = shared_backend.get(f"/api/v1/system/status?max_age={max_age}")
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "max_age"]
    assert_no_traceback(response)
