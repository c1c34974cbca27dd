"""The host ERP served by real uvicorn in a subprocess on a free port."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

from tests.backend.harness import REPO_ROOT
from tests.waiting import free_port, wait_for


@dataclass
class HostServer:
    process: subprocess.Popen[bytes]
    url: str
    database: Path


@contextmanager
def serve_host_app(database: Path, ttl_s: float = 30) -> Iterator[HostServer]:
    """uvicorn running tests.status_kit.host_app; stopped (and killed if need be) on exit."""
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "tests.status_kit.host_app:app_from_env"]
    command += ["--factory", "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    env = {**os.environ, "HOST_ERP_DB": str(database), "HOST_ERP_TTL": str(ttl_s)}
    stderr_path = database.with_name(f"uvicorn-{port}.stderr")
    with stderr_path.open("wb") as stderr:
        process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stderr=stderr)
    server = HostServer(process, f"http://127.0.0.1:{port}", database)
    try:
        _wait_listening(server, stderr_path)
        yield server
    finally:
        _stop(process)


def _wait_listening(server: HostServer, stderr_path: Path) -> None:
    seen: list[object] = [None]

    def answers() -> bool:
        if server.process.poll() is not None:
            raise AssertionError(f"uvicorn exited: {stderr_path.read_text(errors='replace')}")
        try:
            # The host's own route: the kit's routes stay untouched until a test calls them.
            return requests.get(server.url + "/api/invoices", timeout=1).status_code == 200
        except requests.RequestException as error:
            seen[0] = error
            return False

    wait_for(answers, 20, describe=lambda: seen[0], message=f"{server.url} to answer")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
