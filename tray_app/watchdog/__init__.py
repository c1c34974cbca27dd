"""The watchdog engine: plain Python, no Qt, no HTTP server, no console code."""

from tray_app.watchdog.model import (
    HEALTH_OF_STATE,
    Event,
    EventName,
    Health,
    Level,
    PortHolder,
    Reason,
    State,
)
from tray_app.watchdog.snapshot import Snapshot
from tray_app.watchdog.supervisor import Supervisor

__all__ = [
    "HEALTH_OF_STATE",
    "Event",
    "EventName",
    "Health",
    "Level",
    "PortHolder",
    "Reason",
    "Snapshot",
    "State",
    "Supervisor",
]
