"""What the metrics must remember between scrapes: restarts by reason, check durations.

The engine publishes an event for each start but none for a check that changes nothing, so
check durations are taken from the snapshot: every look (a scrape, a textfile tick) that finds
a newer `last_check_at` observes that check's latency once.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from dataclasses import dataclass
from datetime import datetime

from tray_app.watchdog.model import Event, EventName, Reason
from tray_app.watchdog.snapshot import Snapshot

# Local HTTP health checks: a few ms when well, up to check_timeout when not.
CHECK_BUCKETS_S = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)

# Shown as 0 from the start, so that Prometheus' increase() sees the first restart of each.
EXPECTED_RESTART_REASONS = (
    Reason.USER,
    Reason.EXIT_CODE,
    Reason.SIGNAL,
    Reason.TIMEOUT,
    Reason.CONNECTION_REFUSED,
    Reason.HANG,
    Reason.STARTUP_GRACE,
    Reason.PORT_IN_USE,
    Reason.COOLDOWN,
    Reason.RSS_LIMIT,
    Reason.SCHEDULED,
)


@dataclass(frozen=True)
class HistogramCounts:
    """Cumulative counts per upper bound (seconds), as Prometheus wants them."""

    cumulative: tuple[tuple[float, int], ...]
    count: int
    sum_s: float


class MetricsRecorder:
    """Listens to the engine (on its thread) and is read by scrapes (on theirs): one lock."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._restarts: dict[Reason, int] = dict.fromkeys(EXPECTED_RESTART_REASONS, 0)
        self._bucket_counts = [0] * len(CHECK_BUCKETS_S)
        self._count = 0
        self._sum_s = 0.0
        self._last_check_at: datetime | None = None

    def on_event(self, event: Event) -> None:
        """Supervisor listener: every start after the supervisor's first one is a restart."""
        if event.name is EventName.STARTING and event.reason is not Reason.STARTUP:
            with self._lock:
                self._restarts[event.reason] = self._restarts.get(event.reason, 0) + 1

    def note_check(self, snapshot: Snapshot) -> None:
        """Observe the snapshot's last check, once per check."""
        at, latency_ms = snapshot.last_check_at, snapshot.last_check_latency_ms
        if at is None or latency_ms is None:
            return
        with self._lock:
            if at == self._last_check_at:
                return
            self._last_check_at = at
            seconds = latency_ms / 1000
            index = bisect_left(CHECK_BUCKETS_S, seconds)
            if index < len(self._bucket_counts):
                self._bucket_counts[index] += 1
            self._count += 1
            self._sum_s += seconds

    def restarts(self) -> dict[Reason, int]:
        with self._lock:
            return dict(self._restarts)

    def check_durations(self) -> HistogramCounts:
        with self._lock:
            running, cumulative = 0, []
            for bound, count in zip(CHECK_BUCKETS_S, self._bucket_counts, strict=True):
                running += count
                cumulative.append((bound, running))
            return HistogramCounts(tuple(cumulative), self._count, self._sum_s)
