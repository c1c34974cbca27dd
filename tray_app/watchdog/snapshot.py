"""The snapshot: the engine's state at one moment, frozen for any thread to read."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from tray_app.i18n.catalogue import Message, render
from tray_app.watchdog.commands import allowed_commands
from tray_app.watchdog.guidance import guidance_for
from tray_app.watchdog.model import (
    HEALTH_OF_STATE,
    RUNNING_STATES,
    WAITING_STATES,
    ActiveWarning,
    Guidance,
    Health,
    PortHolder,
    Reason,
    State,
    UserCommand,
)
from tray_app.watchdog.roles import StandbyInfo
from tray_app.watchdog.runtime import Runtime


@dataclass(frozen=True)
class Snapshot:
    """A consistent read-only view of the supervisor at one moment."""

    state: State
    health: Health
    detail: str  # what the state means right now, in plain words
    pid: int | None
    health_url: str
    started_at: datetime | None  # when the current process was spawned (wall, UTC)
    uptime_s: float | None
    restart_count: int  # restarts since the supervisor started
    attempt: int  # restarts within the current restart window
    max_restarts: int
    consecutive_failures: int
    failure_threshold: int
    last_failure_at: datetime | None
    last_failure_reason: Reason | None
    last_failure_detail: str | None
    last_check_at: datetime | None
    last_check_latency_ms: float | None
    next_check_at: datetime | None
    next_start_at: datetime | None  # backoff end, or the retry after giving up
    port_holder: PortHolder | None
    backend_status: str | None  # the last /health "status" value ("ok", "degraded")
    time: datetime
    warnings: tuple[ActiveWarning, ...] = ()
    # The commands that make sense in this state; the tray menu and the page offer exactly these.
    allowed_commands: tuple[UserCommand, ...] = ()
    guidance: Guidance | None = None  # None while all is well (green or grey)
    message: Message | None = None  # `detail` as an id; detail is its English rendering
    last_failure_message: Message | None = None
    standby: StandbyInfo | None = None  # the warm standby, while there is one
    promotions: int = 0  # times a standby took over since the supervisor started

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        if self.standby is not None:
            out["standby"] = {**out["standby"], "since": self.standby.since.isoformat()}
        out["message"] = self.message.to_dict() if self.message else None
        out["last_failure_message"] = (
            self.last_failure_message.to_dict() if self.last_failure_message else None
        )
        for key, value in out.items():
            if isinstance(value, datetime):
                out[key] = value.isoformat()
        out["allowed_commands"] = [command.value for command in self.allowed_commands]
        if self.guidance is not None:
            out["guidance"] = {
                **out["guidance"],
                "lines": list(self.guidance.lines),
                "actions": [action.value for action in self.guidance.actions],
            }
        out["warnings"] = [warning_dict(warning) for warning in self.warnings]
        return out


def warning_dict(warning: ActiveWarning) -> dict[str, Any]:
    """JSON form of a warning: its messages as ids and parameters."""
    out = asdict(warning)
    out["since"] = warning.since.isoformat()
    for key in ("title_message", "hint_message"):
        message = getattr(warning, key)
        out[key] = message.to_dict() if message else None
    return out


def build_snapshot(
    rt: Runtime,
    state: State,
    detail: str | Message,
    attempt: int,
    warnings: tuple[ActiveWarning, ...],
    now_mono: float,
    now_wall: datetime,
) -> Snapshot:
    """Monotonic deadlines are shown as wall-clock times, counted from now. `detail` as a
    Message is also rendered in English for the snapshot's detail."""
    message = detail if isinstance(detail, Message) else None

    def wall_of(mono: float | None) -> datetime | None:
        return None if mono is None else now_wall + timedelta(seconds=mono - now_mono)

    check = rt.last_check
    failure = rt.last_failure
    return Snapshot(
        state=state,
        health=HEALTH_OF_STATE[state],
        detail=render(detail, "en") if isinstance(detail, Message) else detail,
        message=message,
        pid=rt.pid,
        health_url=rt.config.effective_health_url,
        started_at=wall_of(rt.started_mono),
        uptime_s=None if rt.started_mono is None else now_mono - rt.started_mono,
        restart_count=rt.restart_count,
        attempt=attempt,
        max_restarts=rt.config.max_restarts,
        consecutive_failures=rt.counters.failures,
        failure_threshold=rt.config.failure_threshold,
        last_failure_at=failure.time if failure else None,
        last_failure_reason=failure.reason if failure else None,
        last_failure_detail=failure.detail if failure else None,
        last_failure_message=failure.message if failure else None,
        last_check_at=rt.last_check_at,
        last_check_latency_ms=round(check.latency_ms, 2) if check else None,
        next_check_at=wall_of(rt.due) if state in RUNNING_STATES else None,
        next_start_at=wall_of(rt.next_start_at) if state in WAITING_STATES else None,
        port_holder=rt.port_holder,
        backend_status=check.status if check and check.alive else None,
        time=now_wall,
        warnings=warnings,
        allowed_commands=allowed_commands(state, rt.process is not None),
        guidance=guidance_for(state, rt),
    )
