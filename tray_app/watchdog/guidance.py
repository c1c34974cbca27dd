"""What a yellow or red state means for the user and what they can do, decided in one place.

`guidance_for` reads the state and what the engine knows (the last output lines, the spawn
error, the port holder, who holds the database) and answers with a typed `Guidance`: an id,
values and evidence lines, and the actions that help. No sentence is made here: the status
window, the tray and the page each word it from their own catalogue.
"""

from __future__ import annotations

import re

from tray_app.watchdog.model import Guidance, GuidanceAction, GuidanceId, Reason, State
from tray_app.watchdog.runtime import Runtime

EVIDENCE_LINES = 12  # the output lines a guidance shows; the log has the rest
_MISSING_MODULE = re.compile(r"No module named ['\"]?([\w.]+)")

_OPEN_LOG = GuidanceAction.OPEN_LOG
_TRY_AGAIN = GuidanceAction.TRY_AGAIN
_CHECK = GuidanceAction.CHECK_AND_FIX


def missing_module(lines: list[str]) -> str | None:
    """The module named by the last "No module named 'x'" in the output, if any."""
    for line in reversed(lines):
        found = _MISSING_MODULE.search(line)
        if found:
            return found.group(1)
    return None


def guidance_for(state: State, rt: Runtime) -> Guidance | None:
    """None for green and grey states: nothing to explain."""
    match state:
        case State.STARTING:
            return Guidance(GuidanceId.STARTING)
        case State.STOPPING:
            return Guidance(GuidanceId.STOPPING)
        case State.UNHEALTHY:
            params = {
                "failures": str(rt.counters.failures),
                "threshold": str(rt.config.failure_threshold),
            }
            return Guidance(GuidanceId.NOT_ANSWERING, params)
        case State.DEGRADED:
            return _degraded(rt)
        case State.BACKOFF:
            return _after_failure(rt, GuidanceId.RESTARTING, (_OPEN_LOG,))
        case State.GAVE_UP:
            return _after_failure(rt, GuidanceId.GAVE_UP, (_OPEN_LOG, _TRY_AGAIN))
        case State.BLOCKED:
            return _blocked(rt)
        case _:
            return None


def _degraded(rt: Runtime) -> Guidance:
    if rt.lock_holders:
        params = {"database": str(rt.config.database_file)}
        return Guidance(GuidanceId.DATABASE_LOCKED, params, rt.lock_holders)
    check = rt.last_check
    return Guidance(GuidanceId.DEGRADED, lines=(check.detail,) if check else ())


def _tail(rt: Runtime) -> list[str]:
    return rt.output_tail()[-EVIDENCE_LINES:]


def _after_failure(
    rt: Runtime, otherwise: GuidanceId, actions: tuple[GuidanceAction, ...]
) -> Guidance:
    tail = _tail(rt)
    module = missing_module(tail)
    if module is not None:
        params = {"module": module}
        return Guidance(GuidanceId.MISSING_MODULE, params, tuple(tail), (_CHECK, *actions))
    return Guidance(otherwise, lines=tuple(tail), actions=actions)


def _blocked(rt: Runtime) -> Guidance:
    failure = rt.last_failure
    if failure is not None and failure.reason is Reason.DATABASE_DAMAGED:
        params = {"database": str(rt.config.database_file)}
        restore = (GuidanceAction.RESTORE_BACKUP, _OPEN_LOG, _TRY_AGAIN)
        return Guidance(GuidanceId.DATABASE_DAMAGED, params, (failure.detail,), restore)
    holder = rt.port_holder
    if holder is not None:
        params = {
            "port": str(holder.port),
            "holder": holder.name or "",
            "pid": "" if holder.pid is None else str(holder.pid),
        }
        actions = (GuidanceAction.STOP_PORT_HOLDER,) if holder.pid is not None else ()
        return Guidance(GuidanceId.PORT_IN_USE, params, actions=(*actions, _CHECK))
    if rt.missing_program is not None:
        params = {"program": rt.missing_program}
        return Guidance(GuidanceId.MISSING_PROGRAM, params, actions=(_CHECK, _TRY_AGAIN))
    failure = rt.last_failure
    lines = (failure.detail,) if failure else ()
    return Guidance(GuidanceId.CANNOT_START, lines=lines, actions=(_CHECK, _TRY_AGAIN))
