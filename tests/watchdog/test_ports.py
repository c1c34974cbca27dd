"""The port: a foreign listener blocks us without a restart storm; our own leftover is replaced."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import psutil

from tests.waiting import free_port, wait_for
from tests.watchdog.harness import HTTP_SERVICE, StartGuard, service_cmd
from tray_app.watchdog import EventName, Reason, State


def test_foreign_listener_is_named_and_not_hammered(guard: StartGuard) -> None:
    port = free_port()
    with socket.socket() as foreign:
        foreign.bind(("127.0.0.1", port))
        foreign.listen()
        g = guard(backend_cmd=service_cmd(), port=port, backoff_max=0.5)
        blocked = g.wait_event(EventName.BLOCKED)
        assert blocked.reason is Reason.PORT_IN_USE
        assert f"PID {os.getpid()}" in blocked.detail  # the holder is named
        snap = g.supervisor.snapshot()
        assert snap.state is State.BLOCKED
        assert snap.port_holder is not None and snap.port_holder.pid == os.getpid()
        assert snap.port_holder.ours is False
        retries = set()

        def three_retries() -> bool:
            retries.add(g.supervisor.snapshot().next_start_at)
            return len(retries) > 3

        wait_for(three_retries, timeout_s=10, message="three retries")  # it looks, slowly
        assert g.names() == ["blocked"]  # no process spawned, one event for one obstacle
    g.wait_state(State.HEALTHY, timeout_s=10)  # once the port is free it starts


def test_stale_backend_of_an_earlier_run_is_stopped_and_replaced(
    guard: StartGuard, tmp_path: Path
) -> None:
    port = free_port()
    stale = subprocess.Popen([sys.executable, HTTP_SERVICE, "--port", str(port)])
    try:
        wait_for(lambda: _answers(port), message="stale service up")
        # The lock file an earlier supervisor (now dead) left behind for this backend.
        dead = subprocess.Popen([sys.executable, "-c", "pass"])
        dead.wait()
        lock = {
            "pid": stale.pid,
            "create_time": psutil.Process(stale.pid).create_time(),
            "port": port,
            "supervisor_pid": dead.pid,
            "supervisor_create_time": 1.0,
        }
        (tmp_path / "data").mkdir()
        (tmp_path / "data" / "backend.lock").write_text(json.dumps(lock))
        g = guard(backend_cmd=service_cmd(), port=port)
        replaced = g.wait_event(EventName.STALE_REPLACED)
        assert replaced.pid == stale.pid
        g.wait_event(EventName.HEALTHY)
        assert stale.wait(timeout=5) is not None
        assert g.backend_pid() != stale.pid
    finally:
        stale.kill()
        stale.wait()


def test_backend_of_a_live_guardian_is_not_taken_for_stale(
    guard: StartGuard, tmp_path: Path
) -> None:
    port = free_port()
    other = subprocess.Popen([sys.executable, HTTP_SERVICE, "--port", str(port)])
    try:
        wait_for(lambda: _answers(port), message="service up")
        lock = {
            "pid": other.pid,
            "create_time": psutil.Process(other.pid).create_time(),
            "port": port,
            "supervisor_pid": os.getpid(),  # its supervisor is alive
            "supervisor_create_time": psutil.Process().create_time(),
        }
        (tmp_path / "data").mkdir()
        (tmp_path / "data" / "backend.lock").write_text(json.dumps(lock))
        g = guard(backend_cmd=service_cmd(), port=port)
        g.wait_event(EventName.BLOCKED)
        assert other.poll() is None
    finally:
        other.kill()
        other.wait()


def _answers(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/health", timeout=0.5).is_success
    except httpx.HTTPError:
        return False
