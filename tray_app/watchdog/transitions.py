"""Which state changes are legal. An illegal one is a bug in the supervisor and raises."""

from __future__ import annotations

from tray_app.watchdog.model import State

_RUNNING = {State.STARTING, State.HEALTHY, State.DEGRADED, State.UNHEALTHY}
# States from which a new process may be spawned (STARTING) or found unstartable (BLOCKED).
_CAN_SPAWN = {State.STARTING, State.BLOCKED}

LEGAL: dict[State, frozenset[State]] = {
    State.STOPPED: frozenset(_CAN_SPAWN),
    State.STARTING: frozenset(
        {State.HEALTHY, State.DEGRADED, State.UNHEALTHY, State.STOPPING, State.BACKOFF}
        | {State.PAUSED}
    ),
    State.HEALTHY: frozenset({State.DEGRADED, State.UNHEALTHY, State.STOPPING, State.BACKOFF})
    | {State.PAUSED},
    State.DEGRADED: frozenset({State.HEALTHY, State.UNHEALTHY, State.STOPPING, State.BACKOFF})
    | {State.PAUSED},
    State.UNHEALTHY: frozenset({State.HEALTHY, State.DEGRADED, State.STOPPING, State.BACKOFF})
    | {State.PAUSED},
    State.STOPPING: frozenset({State.STOPPED, State.BACKOFF} | _CAN_SPAWN),
    State.BACKOFF: frozenset({State.GAVE_UP, State.STOPPED, State.PAUSED} | _CAN_SPAWN),
    State.GAVE_UP: frozenset({State.STOPPED, State.PAUSED} | _CAN_SPAWN),
    State.BLOCKED: frozenset({State.STOPPED, State.PAUSED} | _CAN_SPAWN),
    State.PAUSED: frozenset({State.STOPPING, State.STOPPED} | _CAN_SPAWN),
}


class IllegalTransition(RuntimeError):
    """The supervisor tried a state change that the design does not allow."""


def check_transition(current: State, new: State) -> None:
    """Staying in a state is always legal (events such as check_failed or killed do that)."""
    if new is not current and new not in LEGAL[current]:
        raise IllegalTransition(f"{current.value} -> {new.value}")


__all__ = ["LEGAL", "IllegalTransition", "check_transition"]
