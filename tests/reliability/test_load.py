"""Load on the backend's status API does not look like a hang to the watchdog."""

from __future__ import annotations

import pytest

from tests.reliability.faults import assert_every_event_logged
from tests.reliability.loadgen import run_load
from tests.watchdog.harness import StartGuard
from tray_app.watchdog import EventName, State

CONNECTIONS = 64
DURATION_S = 15.0  # bench/load.py runs the full minute and prints the figures


@pytest.mark.slow
def test_busy_backend_answers_every_request_and_is_never_restarted(guard: StartGuard) -> None:
    # The product's check timing (every 1 s, 0.5 s timeout, 3 failures make a hang).
    g = guard(check_interval=1.0, check_timeout=0.5, failure_threshold=3)
    g.wait_event(EventName.HEALTHY, timeout_s=30)
    pid = g.backend_pid()
    url = f"http://127.0.0.1:{g.config.port}/api/v1/system/status"

    result = run_load(url, CONNECTIONS, DURATION_S)

    assert result.requests > CONNECTIONS, result.describe()
    assert result.non_2xx == 0, result.describe()
    restarts = [e for e in g.events if e.name in (EventName.HUNG, EventName.EXITED)]
    assert restarts == [], [(e.name.value, e.detail) for e in restarts]
    assert g.backend_pid() == pid
    assert g.supervisor.snapshot().state is State.HEALTHY
    assert_every_event_logged(g)
