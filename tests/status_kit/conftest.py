"""Fixtures of the kit's tests: a host database of its own and TestClients of host apps."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.status_kit.host_app import create_host_app, make_erp_database

MakeClient = Callable[..., TestClient]


@pytest.fixture
def erp_db(tmp_path: Path) -> Path:
    return make_erp_database(tmp_path / "host-erp.sqlite3")


@pytest.fixture
def make_client(erp_db: Path) -> Iterator[MakeClient]:
    """make_client(database=None, **kit_options) -> a TestClient of the host app on `database`
    (default: erp_db), its lifespan run, closed at the end."""
    clients: list[TestClient] = []

    def make(database: Path | None = None, **kit_options: Any) -> TestClient:
        client = TestClient(create_host_app(database or erp_db, **kit_options))
        client.__enter__()
        clients.append(client)
        return client

    try:
        yield make
    finally:
        for client in clients:
            client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: MakeClient) -> TestClient:
    return make_client(ttl_s=30)
