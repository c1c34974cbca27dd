"""The status cache as a host app sees it: TTL, age, max_age and reset."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient


def _status(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/api/v1/system/status", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _invoices(body: dict[str, Any]) -> int:
    rows: int = next(t["rows"] for t in body["database"]["tables"] if t["name"] == "invoices")
    return rows


def test_calls_within_the_ttl_share_one_computation(client: TestClient) -> None:
    first = _status(client)["cache"]
    second = _status(client)["cache"]
    assert second["computed_at"] == first["computed_at"]
    assert second["age_s"] >= first["age_s"]
    assert (second["misses"], second["hits"]) == (first["misses"], first["hits"] + 1)


def test_a_reset_makes_the_next_call_compute_and_see_new_rows(
    client: TestClient, erp_db: Path
) -> None:
    before = _status(client)
    with contextlib.closing(sqlite3.connect(erp_db)) as conn, conn:
        conn.execute("INSERT INTO invoices (amount_cents) VALUES (100)")
    assert _invoices(_status(client)) == _invoices(before)  # still the cached figure

    assert client.post("/api/v1/system/status/reset-cache").json()["reset"] is True
    after = _status(client)
    assert _invoices(after) == _invoices(before) + 1
    assert after["cache"]["misses"] == before["cache"]["misses"] + 1
    assert datetime.fromisoformat(after["cache"]["computed_at"]) > datetime.fromisoformat(
        before["cache"]["computed_at"]
    )


def test_max_age_zero_forces_fresh_figures(client: TestClient) -> None:
    first = _status(client)["cache"]
    fresh = _status(client, max_age=0)["cache"]
    assert fresh["misses"] == first["misses"] + 1
    assert fresh["computed_at"] != first["computed_at"]


def test_a_reset_before_any_status_is_harmless(client: TestClient) -> None:
    assert client.get("/api/v1/system/status/reset-cache").json()["reset"] is True
    assert _status(client)["cache"]["misses"] == 1
