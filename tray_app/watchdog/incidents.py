"""Incident reports: one per outage (crash, hang, gave up), built from what the engine saw.

Pure bookkeeping: the tracker collects the outage's events, the backend's last output lines and
the figures from just before it; when the outage ends it hands back a report (a plain dict) that
the supervisor publishes in an `incident` event and the log writer saves as a file.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from tray_app.watchdog.early_warning import Reading
from tray_app.watchdog.model import Event, EventName

STARTS = {EventName.EXITED, EventName.HUNG, EventName.BLOCKED, EventName.GAVE_UP}
MAX_TIMELINE = 200


class IncidentTracker:
    """At most one open incident at a time: the current outage."""

    def __init__(self) -> None:
        self._open: dict[str, Any] | None = None
        self._timeline: list[dict[str, Any]] = []

    @property
    def is_open(self) -> bool:
        return self._open is not None

    def observe(self, event: Event, tail: list[str] | None, before: Reading | None) -> None:
        """Feed every published event; an outage's first failure opens an incident."""
        if event.name is EventName.STATS or event.name is EventName.INCIDENT:
            return
        if self._open is None:
            if event.name not in STARTS:
                return
            self._open = {
                # Milliseconds in the id: two outages within one second stay two reports.
                "id": event.time.strftime("%Y%m%d-%H%M%S-%f")[:-3] + "-" + event.reason.value,
                "reason": event.reason.value,
                "detail": event.detail,
                # The detail as an id, for the tray and the page (None: a technical text).
                "message": event.message.to_dict() if event.message else None,
                "started_at": event.time.isoformat(),
                "backend_output_tail": list(tail or []),
                "figures_before": _figures(before),
            }
            self._timeline = []
        if event.name is EventName.PROMOTED:
            self._open["served_by_standby"] = True
        if event.name is EventName.HUNG and "stack_dump" in event.data:
            self._open["stack_dump"] = event.data["stack_dump"]
        if len(self._timeline) < MAX_TIMELINE:
            entry = event.to_dict(with_message=True)
            # The dump is the report's own section; the timeline would only repeat it.
            entry["data"] = {k: v for k, v in entry["data"].items() if k != "stack_dump"}
            self._timeline.append(entry)

    def refresh_tail(self, tail: list[str]) -> None:
        """The process has ended: its last lines now include any stack dump it wrote."""
        if self._open is not None and tail:
            self._open["backend_output_tail"] = list(tail)

    def close(self, ended_at: datetime, recovered: bool, outage_s: float | None) -> dict[str, Any]:
        """End the open incident and return its report."""
        assert self._open is not None
        report = {
            "stack_dump": None,  # a hang's dump, or why there is none; other outages have none
            **self._open,
            "ended_at": ended_at.isoformat(),
            "recovered": recovered,
            "recovery_s": outage_s,
            # "Served by the standby after N ms": from the outage's start to the promoted
            # standby's first passed check; None when no standby took over.
            "served_by_standby_after_ms": (
                round(outage_s * 1000)
                if recovered and outage_s is not None and self._open.get("served_by_standby")
                else None
            ),
            "timeline": self._timeline,
        }
        self._open = None
        self._timeline = []
        return report


def _figures(reading: Reading | None) -> dict[str, Any]:
    if reading is None:
        return {}
    figures = asdict(reading)
    figures.pop("at", None)
    return figures
