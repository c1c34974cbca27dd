"""Fixtures for the backend tests: real backend processes, always ended afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.backend.harness import Backend, StartBackend, start_backend


@pytest.fixture
def backend_factory(tmp_path: Path) -> Iterator[StartBackend]:
    """start(*args, env=..., wait=True) -> Backend; every backend is stopped at the end."""
    started: list[Backend] = []

    def start(*args: str, env: dict[str, str] | None = None, wait: bool = True) -> Backend:
        backend = start_backend(tmp_path, *args, env=env, wait=wait)
        started.append(backend)
        return backend

    try:
        yield start
    finally:
        for backend in started:
            backend.stop()


@pytest.fixture(scope="module")
def shared_backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    """One backend for tests that only read, with a long TTL so "within the TTL" is certain."""
    backend = start_backend(tmp_path_factory.mktemp("backend"), "--cache-ttl", "30")
    try:
        yield backend
    finally:
        backend.stop()


@pytest.fixture
def faulty_backend(backend_factory: StartBackend) -> Backend:
    """A backend with the fault injection routes enabled."""
    return backend_factory(env={"ERP_GUARDIAN_FAULTS": "1"})
