"""Counts the quiet /health requests and sums them up in one line per interval.

The watchdog asks /health every second: one log line each was some 6.6 MB a day of idle in
each of two logs (erp-backend.log and the watchdog's copy of stdout), and it buried the lines
that matter. Plain Python, driven by the middleware with its own clock readings.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class _Window:
    started_at: float
    count: int = 0
    slowest_ms: float = 0.0


class HealthTally:
    """Not thread-safe: the middleware runs on the event loop's one thread."""

    def __init__(self, interval_s: float) -> None:
        self.interval_s = interval_s
        self._window: _Window | None = None

    def add(self, elapsed_ms: float, now: float) -> str | None:
        """Count one quiet request that ended at `now`; returns the line for the window it
        closed, if the interval was over (the request itself opens the next window)."""
        line = self.due_line(now)
        if self._window is None:
            self._window = _Window(started_at=now)
        self._window.count += 1
        self._window.slowest_ms = max(self._window.slowest_ms, elapsed_ms)
        return line

    def due_line(self, now: float) -> str | None:
        """The line for the current window if its interval is over, else None."""
        window = self._window
        if window is None or now - window.started_at < self.interval_s:
            return None
        return self.flush(now)

    def flush(self, now: float) -> str | None:
        """The line for whatever was counted (None if nothing), and a fresh start."""
        window, self._window = self._window, None
        if window is None or window.count == 0:
            return None
        return (
            f"health: {window.count} request{'s' if window.count != 1 else ''} in "
            f"{now - window.started_at:.0f} s, all 2xx, slowest {window.slowest_ms:.1f} ms"
        )
