"""The figures of `logs summary`, built one block of events.jsonl at a time: memory stays flat.

The figures are exactly those of the list-based summary this replaced (kept as the tests'
oracle in tests/logs/list_summary.py): durations summed exactly (timedelta), and equal counts
in the order their keys first appeared. That needs the events in time order, which is how the
writer appends them; an event older than one already counted raises OutOfOrder, and the
caller sorts instead (analysis.summarise_log).

Most blocks arrive as figures (block_figures.py: counted where they were read, perhaps in
another process) and are added at once; the rest arrive as events, added one at a time.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from tray_app.logs.block_figures import ZERO, BlockFigures, BlockResult
from tray_app.logs.event_fields import (
    FAILURES,
    PROMOTED,
    RECOVERED,
    RESTART_FROM,
    SERVING,
    EventFields,
    supervised,
)


class OutOfOrder(Exception):
    """An event older than one already counted: the log is not in time order."""


class SummaryBuilder:
    """Figures over [since, until]; feed it the blocks of the log in file order."""

    def __init__(self, since: datetime | None, until: datetime) -> None:
        self.since = since
        self.until = until
        self.events_read = 0  # readable events, whatever their time
        self.unreadable = 0
        self._before: datetime | None = None  # the latest event before `since`
        self._state_before: Any = None
        self.start: datetime | None = None  # where the window's durations begin
        self._cursor: datetime | None = None  # the time of the last event counted
        self._state: Any = None  # and the state it left
        self.window = 0
        self.supervised = ZERO
        self.serving = ZERO
        self.failures = 0
        self.outages = 0
        self.outage_total_s = 0.0
        self.longest_outage_s: float | None = None
        self.levels: Counter[Any] = Counter()
        self.reasons: Counter[Any] = Counter()
        self.promotions = 0

    def add_result(self, result: BlockResult) -> None:
        if isinstance(result, BlockFigures):
            self.add_figures(result)
            return
        for fields in result.events:
            if fields is None:
                self.unreadable += 1
            else:
                self.add(fields)

    def add(self, event: EventFields) -> None:
        """One event; raises OutOfOrder if it is older than the last one counted."""
        self.events_read += 1
        moment = event.time
        if self.since is not None and moment < self.since:
            if self._cursor is not None:
                raise OutOfOrder
            if self._before is None or moment >= self._before:
                self._before, self._state_before = moment, event.state
            return
        if moment > self.until:
            return
        if self._cursor is None:
            self._begin(moment)
        elif moment < self._cursor:
            raise OutOfOrder
        self._count_span(moment)
        self._cursor, self._state = moment, event.state
        self.window += 1
        self.levels[event.level] += 1
        if event.event in FAILURES:
            self.failures += 1
        if event.event == "starting" and event.previous in RESTART_FROM:
            self.reasons[event.reason] += 1
        elif event.event == PROMOTED:
            self.reasons[event.reason] += 1
            self.promotions += 1
        if event.event == RECOVERED and isinstance(event.outage_s, int | float):
            self._add_outage(float(event.outage_s))

    def add_figures(self, block: BlockFigures) -> None:
        """A block wholly before, inside or after the window, counted as `add` would count
        its events one by one (and raising OutOfOrder where `add` would)."""
        self.events_read += block.events
        if self.since is not None and block.last < self.since:
            if self._cursor is not None:
                raise OutOfOrder
            if self._before is None or block.last >= self._before:
                self._before, self._state_before = block.last, block.last_state
            return
        if block.first > self.until:
            return
        if self._cursor is None:
            self._begin(block.first)
        elif block.first < self._cursor:
            raise OutOfOrder
        self._count_span(block.first)
        self.supervised += block.supervised
        self.serving += block.serving
        self._cursor, self._state = block.last, block.last_state
        self.window += block.events
        for kind, count in block.kinds.items():
            self.levels[kind.level] += count
            if kind.event in FAILURES:
                self.failures += count
            if kind.event == "starting" and kind.previous in RESTART_FROM:
                self.reasons[kind.reason] += count
            elif kind.event == PROMOTED:
                self.reasons[kind.reason] += count
                self.promotions += count
        for outage_s in block.outages:
            if outage_s is not None:
                self._add_outage(outage_s)

    def finish(self) -> None:
        """Counts the last span, up to `until`."""
        if self._cursor is None:  # no event in the window
            self._begin(self.until)
        self._count_span(self.until)
        self._cursor = self.until

    def _begin(self, first: datetime) -> None:
        self.start = self.since or first
        self._cursor, self._state = self.start, self._state_before

    def _count_span(self, moment: datetime) -> None:
        """The time since the last event counts for the state that event left."""
        assert self._cursor is not None
        span = max(ZERO, moment - self._cursor)
        if supervised(self._state):
            self.supervised += span
            if self._state in SERVING:
                self.serving += span

    def _add_outage(self, outage_s: float) -> None:
        self.outages += 1
        self.outage_total_s += outage_s
        if self.longest_outage_s is None or outage_s > self.longest_outage_s:
            self.longest_outage_s = outage_s
