"""The list-based summary that `logs summary` used before it streamed, kept as the oracle.

Copied from tray_app/logs/reading.py and analysis.py (commit 517c71b): it loads every event
into a list of dicts and sorts them. The streaming summary must give the same figures. Changed
since: a `promoted` event (the standby took over) counts as a restart and as a promotion, and
durations are summed exactly as timedeltas, not as floats (whose sum depends on the order).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from tray_app.logs.analysis import Summary
from tray_app.logs.reading import rotated_set

SERVING = {"healthy", "degraded"}
UNSUPERVISED = {"stopped", "paused"}
RESTART_FROM = {"backoff", "stopping", "gave_up", "blocked"}
FAILURES = {"exited", "hung"}
PROMOTED = "promoted"


def read_lines(paths: list[Path]) -> Iterator[str]:
    for path in paths:
        try:
            with path.open(encoding="utf-8", errors="replace") as handle:
                for line in handle:
                    yield line.rstrip("\n")
        except OSError:
            continue


def read_events(path: Path) -> tuple[list[dict[str, Any]], int]:
    """All events of events.jsonl and its rotated files, and the count of unreadable lines."""
    events, bad = [], 0
    for line in read_lines(rotated_set(path)):
        if not line.strip():
            continue
        try:
            event = json.loads(line)
            event["_time"] = datetime.fromisoformat(event["time"])
        except (ValueError, KeyError, TypeError):
            bad += 1
            continue
        events.append(event)
    events.sort(key=lambda e: e["_time"])
    return events, bad


def summarise(
    events: list[dict[str, Any]], since: datetime | None, until: datetime, unreadable: int = 0
) -> Summary:
    """Figures over [since, until]. `events` are sorted, each with a parsed `_time`."""
    state_before = None
    window = []
    for event in events:
        if since is not None and event["_time"] < since:
            state_before = event.get("state")
        elif event["_time"] <= until:
            window.append(event)
    start = since or (window[0]["_time"] if window else until)
    summary = Summary(
        since=start.isoformat(),
        until=until.isoformat(),
        events=len(window),
        unreadable_lines=unreadable,
    )
    _add_durations(summary, window, state_before, start, until)
    _add_counts(summary, window)
    return summary


def _add_durations(
    summary: Summary,
    window: list[dict[str, Any]],
    state: str | None,
    start: datetime,
    until: datetime,
) -> None:
    cursor = start
    supervised = serving = timedelta(0)
    for event in [*window, {"_time": until, "state": None}]:
        span = max(timedelta(0), event["_time"] - cursor)
        if state is not None and state not in UNSUPERVISED:
            supervised += span
            if state in SERVING:
                serving += span
        cursor, state = event["_time"], event["state"]
    supervised_s, serving_s = supervised.total_seconds(), serving.total_seconds()
    if supervised_s > 0:
        summary.uptime_percent = round(100 * serving_s / supervised_s, 3)
    summary.supervised_s = round(supervised_s, 3)
    summary.serving_s = round(serving_s, 3)


def _add_counts(summary: Summary, window: list[dict[str, Any]]) -> None:
    reasons: Counter[str] = Counter()
    levels: Counter[str] = Counter()
    outages = []
    promotions = 0
    for event in window:
        levels[event.get("level", "info")] += 1
        name = event.get("event")
        if name == "starting" and event.get("previous") in RESTART_FROM:
            reasons[event.get("reason", "unknown")] += 1
        if name == PROMOTED:
            reasons[event.get("reason", "unknown")] += 1
            promotions += 1
        if name in FAILURES:
            summary.failures += 1
        if name == "recovered" and isinstance(event.get("outage_s"), int | float):
            outages.append(float(event["outage_s"]))
    summary.restarts = sum(reasons.values())
    summary.restarts_by_reason = dict(reasons.most_common())
    summary.promotions = promotions
    summary.levels = dict(levels.most_common())
    summary.outages = len(outages)
    if outages:
        summary.mttr_s = round(sum(outages) / len(outages), 3)
        summary.longest_outage_s = round(max(outages), 3)
    if summary.failures:
        summary.mtbf_s = round(summary.serving_s / summary.failures, 3)
