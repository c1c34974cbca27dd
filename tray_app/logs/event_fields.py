"""What `logs summary` reads of one event, and the classes of states and events it counts."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

SERVING = {"healthy", "degraded"}
# Time the user chose not to supervise does not count against uptime.
UNSUPERVISED = {"stopped", "paused"}
RESTART_FROM = {"backoff", "stopping", "gave_up", "blocked"}
FAILURES = {"exited", "hung"}
# A promoted standby takes the place of a restart: counted among the restarts, and apart.
PROMOTED = "promoted"
RECOVERED = "recovered"


def supervised(state: Any) -> bool:
    """Whether time in this state counts for uptime at all."""
    return state is not None and state not in UNSUPERVISED


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
