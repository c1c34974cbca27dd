"""The `guard` fixture: start supervisors on real backends, end them and check for leftovers."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.waiting import free_port, process_alive
from tests.watchdog.harness import Guard, StartGuard
from tray_app.config import GuardianConfig
from tray_app.headless import build_supervisor
from tray_app.logs.writer import GuardianLogs
from tray_app.watchdog import Event


@pytest.fixture
def guard(tmp_path: Path) -> Iterator[StartGuard]:
    """start(**config) -> Guard with a free port and tmp dirs; shut down and checked after."""
    guards: list[Guard] = []

    def start(engine: dict[str, Any] | None = None, **overrides: Any) -> Guard:
        engine = engine or {}
        values: dict[str, Any] = {
            "port": free_port(),
            "log_dir": str(tmp_path / "log"),
            "data_dir": str(tmp_path / "data"),
            "check_interval": 0.5,
            "check_timeout": 0.3,
            "backoff_initial": 0.2,
            "backoff_max": 1.0,
            "stop_timeout": 2.0,
            "stats_interval": 0,
            "startup_grace": 10,
        }
        values.update(overrides)
        config = GuardianConfig(**values)
        logs = GuardianLogs(config)
        supervisor = build_supervisor(config, logs, **engine)
        recorded = Guard(supervisor, config, logs, threading.Thread())

        def record(event: Event) -> None:
            recorded.events.append(event)
            if event.pid:
                recorded.pids.add(event.pid)

        supervisor.subscribe(record)
        recorded.thread = supervisor.run_in_thread()
        guards.append(recorded)
        return recorded

    try:
        yield start
    finally:
        for item in guards:
            item.supervisor.request_shutdown()
            item.thread.join(30)
            item.logs.close()
        for item in guards:
            assert not item.thread.is_alive(), "the supervisor loop did not end"
            leftovers = [pid for pid in item.pids if process_alive(pid)]
            assert not leftovers, f"processes left behind: {leftovers}"
