"""The figures of `logs summary`, built one block of events.jsonl at a time: memory stays flat.

The figures are exactly those of the list-based summary this replaced (kept as the tests'
oracle in tests/logs/list_summary.py): the same float additions in the same order, and equal
counts in the order their keys first appeared. That needs the events in time order, which is
how the writer appends them; an event older than one already counted raises OutOfOrder, and
the caller sorts instead (analysis.summarise_log).

Most blocks are counted in bulk: C-level loops over the columns event_scan read (`map`,
`compress`, `reduce`, `Counter`), no Python code per event. The rest (the first block, the one
where `since` falls, any block with a line not in the writer's form) go one event at a time.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import reduce
from itertools import compress, islice
from operator import add, sub
from typing import Any, TypeGuard

from tray_app.logs.event_scan import Block, Kind, kind_of

SERVING = {"healthy", "degraded"}
# Time the user chose not to supervise does not count against uptime.
UNSUPERVISED = {"stopped", "paused"}
RESTART_FROM = {"backoff", "stopping", "gave_up", "blocked"}
FAILURES = {"exited", "hung"}
# A promoted standby takes the place of a restart: counted among the restarts, and apart.
PROMOTED = "promoted"


class OutOfOrder(Exception):
    """An event older than one already counted: the log is not in time order."""


@dataclass(frozen=True)
class EventFields:
    """What the summary reads from one event; the values are as JSON gave them."""

    time: datetime
    level: Any
    event: Any
    state: Any
    previous: Any
    reason: Any
    outage_s: Any


def parse_line(line: str) -> EventFields | None:
    """One line of events.jsonl the slow way; None if it is unreadable."""
    try:
        event = json.loads(line)
        moment = datetime.fromisoformat(event["time"])
    except (ValueError, KeyError, TypeError):
        return None
    if moment.tzinfo is None:
        return None  # cannot be placed among the other (UTC) events
    return EventFields(
        moment,
        event.get("level", "info"),
        event.get("event"),
        event.get("state"),
        event.get("previous"),
        event.get("reason", "unknown"),
        event.get("outage_s"),
    )


def fields_of(block: Block) -> list[EventFields | None]:
    """The events of a block in file order, None for an unreadable line (blank ones skipped)."""
    return [parse_line(line) for line in block.lines() if line.strip()]


def _supervised(state: Any) -> bool:
    return state is not None and state not in UNSUPERVISED


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
        self.supervised_s = 0.0
        self.serving_s = 0.0
        self.failures = 0
        self.outages = 0
        self.outage_total_s = 0.0
        self.longest_outage_s: float | None = None
        self.levels: Counter[Any] = Counter()
        self.reasons: Counter[Any] = Counter()
        self.promotions = 0

    def add_block(self, block: Block) -> None:
        if block.times and self._add_in_bulk(block):
            return
        for fields in fields_of(block):
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
        if event.event == "recovered" and isinstance(event.outage_s, int | float):
            self._add_outage(float(event.outage_s))

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
        span = max(0.0, (moment - self._cursor).total_seconds())
        if _supervised(self._state):
            self.supervised_s += span
            if self._state in SERVING:
                self.serving_s += span

    def _add_outage(self, outage_s: float) -> None:
        self.outages += 1
        self.outage_total_s += outage_s
        if self.longest_outage_s is None or outage_s > self.longest_outage_s:
            self.longest_outage_s = outage_s

    def _add_in_bulk(self, block: Block) -> bool:
        """A block in time order wholly in the window, before it or after it; False (and
        nothing counted) for any other."""
        try:
            times = list(map(datetime.fromisoformat, block.times))
        except ValueError:
            return False
        # Each span, from one event to the next, counts for the state the first one left.
        spans = list(map(timedelta.total_seconds, map(sub, islice(times, 1, None), times)))
        if spans and min(spans) < 0:
            return False  # not in time order
        column = block.kinds
        first, last = times[0], times[-1]
        if self._cursor is None and self.since is not None and last < self.since:
            kind = kind_of(column[-1])
            if kind is None:
                return False
            if self._before is None or last >= self._before:
                self._before, self._state_before = last, kind.state
        elif self._cursor is not None and self._cursor <= first and last <= self.until:
            distinct = Counter(column)  # in the order each kind first appears
            kinds = {text: kind_of(text) for text in distinct}
            if not _all_kinds(kinds):
                return False
            recoveries = sum(n for text, n in distinct.items() if kinds[text].event == "recovered")
            outages = block.outages()
            if len(outages) != recoveries:
                return False
            self._add_window(times, spans, column, distinct, kinds)
            for outage_s in outages:
                if outage_s is not None:
                    self._add_outage(outage_s)
        elif self._cursor is None or first <= self.until:
            return False  # the window starts or ends in this block: one event at a time
        self.events_read += len(times)
        return True

    def _add_window(
        self,
        times: list[datetime],
        spans: list[float],
        column: list[str],
        distinct: Counter[str],
        kinds: dict[str, Kind],
    ) -> None:
        self._count_span(times[0])
        supervised = {text for text, kind in kinds.items() if _supervised(kind.state)}
        serving = {text for text, kind in kinds.items() if kind.state in SERVING}
        # compress stops at the last span: the last event's state counts in the next block.
        counted = compress(spans, map(supervised.__contains__, column))
        self.supervised_s = reduce(add, counted, self.supervised_s)
        counted = compress(spans, map(serving.__contains__, column))
        self.serving_s = reduce(add, counted, self.serving_s)
        self._cursor, self._state = times[-1], kinds[column[-1]].state
        self.window += len(times)
        for text, count in distinct.items():
            kind = kinds[text]
            self.levels[kind.level] += count
            if kind.event in FAILURES:
                self.failures += count
            if kind.event == "starting" and kind.previous in RESTART_FROM:
                self.reasons[kind.reason] += count
            elif kind.event == PROMOTED:
                self.reasons[kind.reason] += count
                self.promotions += count


def _all_kinds(kinds: dict[str, Kind | None]) -> TypeGuard[dict[str, Kind]]:
    return None not in kinds.values()
