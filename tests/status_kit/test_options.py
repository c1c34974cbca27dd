"""Options of status_router: prefix, health path, the host's own checks, invalid values."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from erp_guardian_status import CheckOutcome, status_router
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.status_kit.conftest import MakeClient


def test_prefix_moves_the_status_routes_and_leaves_health_at_the_root(
    make_client: MakeClient,
) -> None:
    client = make_client(prefix="/monitoring")
    assert client.get("/monitoring/system/status").status_code == 200
    assert client.post("/monitoring/system/status/reset-cache").json()["reset"] is True
    assert client.get("/api/v1/system/status").status_code == 404
    assert client.get("/health").json()["status"] == "ok"


def test_health_path_moves_or_leaves_out_health(make_client: MakeClient) -> None:
    moved = make_client(health_path="/monitoring/health")
    assert moved.get("/monitoring/health").json()["status"] == "ok"
    assert moved.get("/health").status_code == 404
    without = make_client(health_path=None)
    assert without.get("/health").status_code == 404
    assert without.get("/api/v1/system/status").status_code == 200


def test_extra_checks_report_ok_degraded_and_a_raising_check(make_client: MakeClient) -> None:
    def raising() -> CheckOutcome:
        raise RuntimeError("printer spooler unreachable")

    def ill_typed() -> Any:
        return True

    client = make_client(
        checks={
            "mail": lambda: CheckOutcome(ok=True),
            "licence": lambda: CheckOutcome(ok=False, detail="licence expires in 2 days"),
            "printer": raising,
            "typo": ill_typed,
        }
    )
    response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    checks = {name: (c["ok"], c["detail"]) for name, c in body["checks"].items()}
    assert checks == {
        "database": (True, "ok"),
        "mail": (True, "ok"),
        "licence": (False, "licence expires in 2 days"),
        "printer": (False, "printer spooler unreachable"),
        "typo": (False, "the check returned bool, not a CheckOutcome"),
    }
    assert all(c["latency_ms"] >= 0 for c in body["checks"].values())


def test_passing_extra_checks_keep_health_ok(make_client: MakeClient) -> None:
    client = make_client(checks={"mail": lambda: CheckOutcome(ok=True, detail="3 queued")})
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["checks"]["mail"]["detail"] == "3 queued"


@pytest.mark.parametrize(
    "options",
    [
        {"ttl_s": -1},
        {"ttl_s": float("nan")},
        {"health_db_timeout_s": 0},
        {"stats_db_timeout_s": 61},
        {"prefix": "api"},
        {"prefix": "/api/"},
        {"health_path": "health"},
        {"checks": {"database": lambda: CheckOutcome(ok=True)}},
        {"checks": {"": lambda: CheckOutcome(ok=True)}},
        {"checks": {"mail": "not callable"}},
    ],
)
def test_invalid_options_raise_when_the_router_is_built(
    erp_db: Path, options: dict[str, Any]
) -> None:
    with pytest.raises(ValueError):
        status_router(database=erp_db, **options)


def test_fastapi_include_prefix_moves_every_route(erp_db: Path) -> None:
    app = FastAPI()
    app.include_router(status_router(database=erp_db), prefix="/ops")
    with TestClient(app) as client:
        assert client.get("/ops/health").json()["status"] == "ok"
        assert client.get("/ops/api/v1/system/status").status_code == 200
        assert client.get("/health").status_code == 404
