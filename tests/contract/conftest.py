"""Live answers of a supervisor on the real bundled backend, to hold the page's fixtures to."""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass
from typing import Any

import pytest
import requests

from tests.watchdog.conftest import guard  # noqa: F401  (re-exported fixture)
from tests.web.conftest import StartWeb, web  # noqa: F401  (re-exported fixture)
from tray_app.watchdog import EventName


@dataclass(frozen=True)
class LiveAnswers:
    watchdog_status: dict[str, Any]
    watchdog_events: list[dict[str, Any]]
    backend_status: dict[str, Any]


def _get(url: str) -> Any:
    answer = requests.get(url, timeout=10)
    assert answer.status_code == 200, (url, answer.status_code, answer.text)
    return answer.json()


@pytest.fixture
def live(web: StartWeb) -> LiveAnswers:  # noqa: F811
    """The three read APIs after a crash and its recovery, so that the events carry an exit
    code, an outage and latencies, and the snapshot the last failure."""
    g, server = web()
    g.wait_event(EventName.HEALTHY, timeout_s=30)
    os.kill(g.backend_pid(), signal.SIGKILL)
    g.wait_event(EventName.INCIDENT, timeout_s=30)  # published after `recovered`
    return LiveAnswers(
        watchdog_status=_get(f"{server.base_url}/api/watchdog/status"),
        watchdog_events=_get(f"{server.base_url}/api/watchdog/events?limit=500")["events"],
        backend_status=_get(f"{server.base_url}/api/backend/status"),
    )
