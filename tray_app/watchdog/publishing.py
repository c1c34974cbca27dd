"""Where events go once the state has moved: the listeners, the recent history, incidents.

An outage's events also feed the incident tracker; when the outage ends (recovered, given up,
stopped for good) one `incident` event with the report follows the event that ended it.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from tray_app.i18n.catalogue import Message, MessageId, Param, render
from tray_app.watchdog.incidents import IncidentTracker
from tray_app.watchdog.model import Event, EventName, Level, Reason, State
from tray_app.watchdog.monitoring import Monitoring
from tray_app.watchdog.runtime import Runtime

log = logging.getLogger("erp_guardian.watchdog")

Listener = Callable[[Event], None]

EVENT_HISTORY = 500


class EventHub:
    """Subscriptions and history are safe from any thread; publish() runs on the loop thread."""

    def __init__(
        self, runtime: Runtime, monitoring: Monitoring, wall_clock: Callable[[], datetime]
    ) -> None:
        self.incidents = IncidentTracker()
        self._rt = runtime
        self._monitoring = monitoring
        self._wall = wall_clock
        self._listeners: list[Listener] = []
        self._listeners_lock = threading.Lock()
        self._history: deque[Event] = deque(maxlen=EVENT_HISTORY)
        self._history_lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call listener(event) on the engine thread for every event; returns an unsubscribe."""
        with self._listeners_lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._listeners_lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def recent(self, limit: int) -> list[Event]:
        with self._history_lock:
            events = list(self._history)
        return events[-limit:] if limit > 0 else []

    def publish(self, event: Event) -> None:
        if event.name is not EventName.STATS:
            with self._history_lock:
                self._history.append(_light(event))
        self.incidents.observe(event, self._rt.output_tail(), self._monitoring.last_reading)
        with self._listeners_lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:  # a faulty listener must not stop the watchdog
                log.exception("event listener failed")
        if self.incidents.is_open and _ends_outage(event):
            self._publish_incident(event)

    def _publish_incident(self, ending: Event) -> None:
        recovered = ending.name is EventName.RECOVERED
        report = self.incidents.close(ending.time, recovered, ending.outage_s)
        outcome = _outcome(ending, report)
        what: Param = report["detail"]
        if report.get("message"):
            what = Message.from_dict(report["message"]) or what
        words = Message(MessageId.INCIDENT, {"id": report["id"], "what": what, "outcome": outcome})
        self.publish(
            Event(
                name=EventName.INCIDENT,
                level=Level.INFO if recovered else Level.ERROR,
                state=ending.state,
                previous=None,
                reason=Reason(report["reason"]),
                detail=render(words, "en"),
                message=words,
                time=self._wall(),
                pid=ending.pid,
                outage_s=ending.outage_s,
                data=report,
            )
        )


def _outcome(ending: Event, report: dict[str, Any]) -> Message:
    """How the outage ended: served by the standby after N ms, recovered, or not."""
    served_ms = report.get("served_by_standby_after_ms")
    if served_ms is not None:
        return Message(MessageId.INCIDENT_SERVED_BY_STANDBY, {"ms": served_ms})
    if report["recovered"] and ending.outage_s is not None:
        return Message(MessageId.INCIDENT_RECOVERED, {"outage_s": ending.outage_s})
    return Message(MessageId.INCIDENT_NOT_RECOVERED, {"detail": ending.message or ending.detail})


def _light(event: Event) -> Event:
    """The history keeps an incident's id only: its report (output tail, timeline) is in its
    file, and 500 full reports would grow the guardian's memory for nothing."""
    if event.name is EventName.INCIDENT:
        return replace(event, data={"id": event.data.get("id")})
    return event


def _ends_outage(event: Event) -> bool:
    """Recovered, given up, or stopped for good while the backend was down."""
    if event.name in (EventName.RECOVERED, EventName.GAVE_UP):
        return True
    return event.name is EventName.STOPPED and event.state is State.STOPPED
