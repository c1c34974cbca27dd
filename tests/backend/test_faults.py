"""Fault injection routes: absent by default, real faults when ERP_GUARDIAN_FAULTS=1."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from tests.backend.harness import Backend, start_backend
from tests.waiting import wait_for

FAULT_PATHS = [
    "/api/v1/faults/block?seconds=1",
    "/api/v1/faults/slow-health?ms=10",
    "/api/v1/faults/exit?code=3",
]


@pytest.fixture(scope="module")
def shared_faulty_backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    """One fault-enabled backend for the tests that do not make it fail."""
    workdir = tmp_path_factory.mktemp("faulty")
    backend = start_backend(workdir, env={"ERP_GUARDIAN_FAULTS": "1"})
    try:
        yield backend
    finally:
        backend.stop()


@pytest.mark.parametrize("path", FAULT_PATHS)
def test_fault_routes_do_not_exist_when_disabled(shared_backend: Backend, path: str) -> None:
    assert shared_backend.post(path).status_code == 404
    assert shared_backend.process.poll() is None


def test_block_hangs_the_event_loop_until_it_ends(faulty_backend: Backend) -> None:
    answers: list[httpx.Response] = []
    url = faulty_backend.url + "/api/v1/faults/block?seconds=2"
    sender = threading.Thread(target=lambda: answers.append(httpx.post(url, timeout=10)))
    sender.start()
    try:
        # /health stops answering once the loop is blocked.
        with httpx.Client() as session:
            wait_for(
                lambda: _times_out(session, faulty_backend.url + "/health", 0.4),
                message="/health to time out",
            )
    finally:
        sender.join(timeout=10)
    assert answers[0].json() == {"blocked_s": 2.0}
    assert faulty_backend.wait_healthy()["status"] == "ok"  # and it lives on afterwards


def test_slow_health_delays_health_until_cleared(shared_faulty_backend: Backend) -> None:
    backend = shared_faulty_backend
    answer = backend.post("/api/v1/faults/slow-health?ms=1500")
    assert answer.json() == {"slow_health_ms": 1500}
    try:
        with pytest.raises(httpx.TimeoutException):
            httpx.get(backend.url + "/health", timeout=0.5)
        # The loop itself is not blocked: the status route still answers at once.
        assert backend.get("/api/v1/system/status", timeout=1).status_code == 200
    finally:
        backend.post("/api/v1/faults/slow-health?ms=0")
    assert httpx.get(backend.url + "/health", timeout=1).status_code == 200


def test_exit_answers_then_ends_the_process_with_that_code(faulty_backend: Backend) -> None:
    response = faulty_backend.post("/api/v1/faults/exit?code=7")
    assert response.status_code == 200
    assert response.json()["exit_code"] == 7
    assert faulty_backend.process.wait(timeout=10) == 7


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/faults/block?seconds=abc",
        "/api/v1/faults/block?seconds=0",
        "/api/v1/faults/block?seconds=601",
        "/api/v1/faults/block",
        "/api/v1/faults/slow-health?ms=-1",
        "/api/v1/faults/slow-health?ms=1.5",
        "/api/v1/faults/exit?code=256",
        "/api/v1/faults/exit?code=x",
        "/api/v1/faults/exit",
    ],
)
def test_bad_fault_parameters_are_422(shared_faulty_backend: Backend, path: str) -> None:
    response = shared_faulty_backend.post(path)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"][0] == "query"
    assert shared_faulty_backend.process.poll() is None


def _times_out(session: httpx.Client, url: str, timeout_s: float) -> bool:
    started = time.monotonic()
    try:
        session.get(url, timeout=timeout_s)
    except httpx.TimeoutException:
        return True
    assert time.monotonic() - started < 5
    return False
