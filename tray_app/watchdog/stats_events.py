"""The periodic `stats` event: CPU, RAM, disk and the backend's RSS, for the guardian's log.

The loop asks `next_due()` for its wake-up and calls `tick()` on every pass; nothing is sampled
when `stats_interval` is 0.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from tray_app.watchdog import stats
from tray_app.watchdog.model import Event, EventName, Level, Reason, State
from tray_app.watchdog.runtime import Runtime


class StatsEvents:
    """Used by the loop thread only; `runtime.next_stats` is when the next one is due."""

    def __init__(
        self,
        runtime: Runtime,
        state: Callable[[], State],
        publish: Callable[[Event], None],
        wall_clock: Callable[[], datetime],
    ) -> None:
        self._rt = runtime
        self._state = state
        self._publish = publish
        self._wall = wall_clock

    def next_due(self) -> float | None:
        return self._rt.next_stats if self._rt.config.stats_interval > 0 else None

    def tick(self, now: float) -> None:
        rt = self._rt
        interval = rt.config.stats_interval
        if interval <= 0 or now < rt.next_stats:
            return
        first = rt.next_stats == 0.0
        rt.next_stats = now + interval
        rss = rt.process.rss_bytes() if rt.process else None
        figures = stats.sample(rt.config.data_path, rss)
        if first:
            return  # psutil's first CPU reading is meaningless; this one only primes it
        self._publish(
            Event(
                name=EventName.STATS,
                level=Level.INFO,
                state=self._state(),
                previous=None,
                reason=Reason.STATS,
                detail=stats.describe(figures),
                time=self._wall(),
                pid=rt.pid,
                data=figures,
            )
        )
