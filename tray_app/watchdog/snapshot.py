"""The snapshot: the engine's state at one moment, frozen for any thread to read."""

from __future__ import annotations

from datetime import datetime, timedelta

from tray_app.i18n.catalogue import Message, render
from tray_app.watchdog.commands import allowed_commands
from tray_app.watchdog.guidance import guidance_for
from tray_app.watchdog.model import (
    HEALTH_OF_STATE,
    RUNNING_STATES,
    WAITING_STATES,
    ActiveWarning,
    Snapshot,
    State,
)
from tray_app.watchdog.runtime import Runtime


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
