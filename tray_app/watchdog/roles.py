"""The roles a backend process can have besides serving: the warm standby.

A role is not a second state machine: the engine's one state is that of the serving process;
the standby only has these two steps, shown beside it (tray_app/watchdog/standby.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class StandbyState(StrEnum):
    """Where the warm standby process is."""

    WARMING = "warming"  # imports, app, database: not ready to take over yet
    READY = "ready"  # promoted the moment the serving process dies or hangs


@dataclass(frozen=True)
class StandbyInfo:
    """The standby process, as the snapshot shows it."""

    state: StandbyState
    pid: int
    since: datetime  # when it reached this state (wall clock, UTC)
