"""`erp-guardian logs summary`: uptime, restarts, outages and errors from events.jsonl."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

SERVING = {"healthy", "degraded"}
# Time the user chose not to supervise does not count against uptime.
UNSUPERVISED = {"stopped", "paused"}
RESTART_FROM = {"backoff", "stopping", "gave_up", "blocked"}
FAILURES = {"exited", "hung"}


@dataclass
class Summary:
    since: str | None
    until: str | None
    events: int
    supervised_s: float = 0.0
    serving_s: float = 0.0
    uptime_percent: float | None = None
    restarts: int = 0
    restarts_by_reason: dict[str, int] = field(default_factory=dict)
    failures: int = 0
    outages: int = 0
    mttr_s: float | None = None
    mtbf_s: float | None = None
    longest_outage_s: float | None = None
    levels: dict[str, int] = field(default_factory=dict)
    unreadable_lines: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


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
    for event in [*window, {"_time": until, "state": None}]:
        span = max(0.0, (event["_time"] - cursor).total_seconds())
        if state is not None and state not in UNSUPERVISED:
            summary.supervised_s += span
            if state in SERVING:
                summary.serving_s += span
        cursor, state = event["_time"], event["state"]
    if summary.supervised_s > 0:
        summary.uptime_percent = round(100 * summary.serving_s / summary.supervised_s, 3)
    summary.supervised_s = round(summary.supervised_s, 3)
    summary.serving_s = round(summary.serving_s, 3)


def _add_counts(summary: Summary, window: list[dict[str, Any]]) -> None:
    reasons: Counter[str] = Counter()
    levels: Counter[str] = Counter()
    outages = []
    for event in window:
        levels[event.get("level", "info")] += 1
        name = event.get("event")
        if name == "starting" and event.get("previous") in RESTART_FROM:
            reasons[event.get("reason", "unknown")] += 1
        if name in FAILURES:
            summary.failures += 1
        if name == "recovered" and isinstance(event.get("outage_s"), int | float):
            outages.append(float(event["outage_s"]))
    summary.restarts = sum(reasons.values())
    summary.restarts_by_reason = dict(reasons.most_common())
    summary.levels = dict(levels.most_common())
    summary.outages = len(outages)
    if outages:
        summary.mttr_s = round(sum(outages) / len(outages), 3)
        summary.longest_outage_s = round(max(outages), 3)
    if summary.failures:
        summary.mtbf_s = round(summary.serving_s / summary.failures, 3)


def format_summary(summary: Summary) -> str:
    def seconds(value: float | None) -> str:
        return "-" if value is None else f"{value:.1f} s"

    uptime = "-" if summary.uptime_percent is None else f"{summary.uptime_percent:.3f} %"
    lines = [
        f"Period:           {summary.since} .. {summary.until}",
        f"Events:           {summary.events}",
        f"Uptime:           {uptime} (serving {seconds(summary.serving_s)} of "
        f"{seconds(summary.supervised_s)} supervised)",
        f"Restarts:         {summary.restarts}",
    ]
    lines += [f"  {reason:<16}{count}" for reason, count in summary.restarts_by_reason.items()]
    lines += [
        f"Failures:         {summary.failures} (crashes and hangs)",
        f"Outages:          {summary.outages}",
        f"MTTR:             {seconds(summary.mttr_s)}",
        f"MTBF:             {seconds(summary.mtbf_s)}",
        f"Longest outage:   {seconds(summary.longest_outage_s)}",
        "Events per level: " + (", ".join(f"{k} {v}" for k, v in summary.levels.items()) or "-"),
    ]
    if summary.unreadable_lines:
        lines.append(f"Unreadable lines: {summary.unreadable_lines} (skipped)")
    return "\n".join(lines)
