"""Injected faults for tests of the watchdog (enabled by ERP_GUARDIAN_FAULTS=1 only)."""

from __future__ import annotations

import os
import threading


class FaultState:
    """Faults that change later behaviour; read on every /health request."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._slow_health_ms = 0

    @property
    def slow_health_ms(self) -> int:
        with self._lock:
            return self._slow_health_ms

    def set_slow_health(self, ms: int) -> None:
        with self._lock:
            self._slow_health_ms = ms


def exit_now(code: int) -> None:
    """End the process at once, like a crash: no cleanup, no shutdown handlers."""
    os._exit(code)
