"""The real Supervisor on a real backend, with every event it published."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.waiting import wait_for
from tray_app.config import GuardianConfig
from tray_app.logs.writer import GuardianLogs
from tray_app.watchdog import Event, EventName, State, Supervisor
from tray_app.watchdog.model import STANDBY_EVENTS

PROGRAMS = Path(__file__).resolve().parent.parent / "programs"
HTTP_SERVICE = str(PROGRAMS / "http_service.py")


def service_cmd(*extra: str) -> list[str]:
    """The tiny test service: starts in ~50 ms, misbehaves on request."""
    return [sys.executable, HTTP_SERVICE, "--port", "{port}", *extra]


def bundled_backend_env() -> dict[str, str]:
    return {"ERP_GUARDIAN_FAULTS": "1"}


@dataclass
class Guard:
    """A running supervisor and everything it published."""

    supervisor: Supervisor
    config: GuardianConfig
    logs: GuardianLogs
    thread: threading.Thread
    events: list[Event] = field(default_factory=list)
    pids: set[int] = field(default_factory=set)

    def names(self) -> list[str]:
        return [e.name.value for e in list(self.events)]

    def lifecycle_names(self, after: int = 0) -> list[str]:
        """names()[after:] without the warm standby's own events (a role of a process, not a
        state)."""
        return [name for name in self.names()[after:] if name not in STANDBY_EVENTS]

    def wait_event(
        self, name: EventName, after: int = 0, timeout_s: float = 15.0, count: int = 1
    ) -> Event:
        def found() -> Event | None:
            hits = [e for e in list(self.events)[after:] if e.name is name]
            return hits[count - 1] if len(hits) >= count else None

        return wait_for(found, timeout_s, describe=self.names, message=f"event {name.value}")

    def wait_state(self, state: State, timeout_s: float = 15.0) -> None:
        wait_for(
            lambda: self.supervisor.snapshot().state is state,
            timeout_s,
            describe=lambda: (self.supervisor.snapshot().state, self.names()),
            message=f"state {state.value}",
        )

    def wait_checks(self, count: int, timeout_s: float = 30.0) -> None:
        """Wait until `count` more health checks have been made (seen in the snapshot)."""
        seen: list[object] = []

        def enough() -> bool:
            at = self.supervisor.snapshot().last_check_at
            if not seen or seen[-1] != at:
                seen.append(at)
            return len(seen) > count

        wait_for(enough, timeout_s, interval_s=0.01, message=f"{count} checks")

    def backend_pid(self) -> int:
        pid = self.supervisor.snapshot().pid
        assert pid is not None, self.names()
        return pid


StartGuard = Callable[..., Guard]
