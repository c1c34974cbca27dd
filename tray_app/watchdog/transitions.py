"""Every state change of the engine, in one place: the legal table and the one method that
moves the state (`Transitions.move`). An illegal move is a bug in the engine and raises."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from tray_app.i18n.catalogue import Message, MessageId, render
from tray_app.watchdog.model import Event, EventName, Level, Reason, State
from tray_app.watchdog.runtime import Runtime

# States from which a new process may be spawned (STARTING) or found unstartable (BLOCKED).
_CAN_SPAWN = {State.STARTING, State.BLOCKED}
# The running states may go to each other, be stopped, crash into BACKOFF, or be paused.
_FROM_RUNNING = {
    State.HEALTHY,
    State.DEGRADED,
    State.UNHEALTHY,
    State.STOPPING,
    State.BACKOFF,
    State.PAUSED,
}

LEGAL: dict[State, frozenset[State]] = {
    State.STOPPED: frozenset(_CAN_SPAWN),
    State.STARTING: frozenset(_FROM_RUNNING),
    State.HEALTHY: frozenset(_FROM_RUNNING - {State.HEALTHY}),
    State.DEGRADED: frozenset(_FROM_RUNNING - {State.DEGRADED}),
    State.UNHEALTHY: frozenset(_FROM_RUNNING - {State.UNHEALTHY}),
    State.STOPPING: frozenset({State.STOPPED, State.BACKOFF} | _CAN_SPAWN),
    State.BACKOFF: frozenset({State.GAVE_UP, State.STOPPED, State.PAUSED} | _CAN_SPAWN),
    State.GAVE_UP: frozenset({State.STOPPED, State.PAUSED} | _CAN_SPAWN),
    State.BLOCKED: frozenset({State.STOPPED, State.PAUSED} | _CAN_SPAWN),
    State.PAUSED: frozenset({State.STOPPING, State.STOPPED} | _CAN_SPAWN),
}

# Events that replace the state's detail even when the state stays (a new spawn, a new obstacle).
_NEW_DETAIL = (EventName.BLOCKED, EventName.STARTING)


class IllegalTransition(RuntimeError):
    """The supervisor tried a state change that the design does not allow."""


def check_transition(current: State, new: State) -> None:
    """Staying in a state is always legal (events such as check_failed or killed do that)."""
    if new is not current and new not in LEGAL[current]:
        raise IllegalTransition(f"{current.value} -> {new.value}")


class Transitions:
    """Owns the state: checks each move, records its detail, publishes exactly one event."""

    def __init__(
        self,
        runtime: Runtime,
        publish: Callable[[Event], None],
        attempt: Callable[[], int],
        wall_clock: Callable[[], datetime],
        on_change: Callable[[], None],
    ) -> None:
        """on_change runs after the state moved and before the event is published."""
        self._rt = runtime
        self._publish = publish
        self._attempt = attempt
        self._wall = wall_clock
        self._on_change = on_change
        self._state = State.STOPPED
        self._message: Message | None = Message(MessageId.NOT_STARTED)
        self._detail = render(Message(MessageId.NOT_STARTED), "en")

    @property
    def state(self) -> State:
        return self._state

    @property
    def detail(self) -> str:
        """What the current state means, in plain words (the snapshot shows it)."""
        return self._detail

    @property
    def message(self) -> Message | None:
        """The detail as an id, for the tray, the console and the page to word."""
        return self._message

    def move(
        self,
        new_state: State,
        name: EventName,
        reason: Reason,
        detail: str | Message,
        level: Level = Level.INFO,
        **extra: Any,
    ) -> None:
        """The one place where the state changes and an event is published.

        `detail` is a Message wherever the engine has words for it; its English rendering is
        the event's detail (the logs' vocabulary). A plain str is a technical text as is.
        """
        message = detail if isinstance(detail, Message) else None
        detail = render(detail, "en") if isinstance(detail, Message) else detail
        previous = self._state
        check_transition(previous, new_state)
        self._state = new_state
        if new_state is not previous or name in _NEW_DETAIL:
            self._detail, self._message = detail, message
        event = Event(
            name=name,
            level=level,
            state=new_state,
            previous=previous,
            reason=reason,
            detail=detail,
            message=message,
            time=self._wall(),
            pid=extra.pop("pid", self._rt.pid),
            attempt=self._attempt(),
            **extra,
        )
        self._on_change()
        self._publish(event)

    def announce(
        self,
        name: EventName,
        reason: Reason,
        detail: str | Message,
        level: Level = Level.INFO,
        **extra: Any,
    ) -> None:
        """An event that keeps the state (a warning, a log error, a kill while stopping)."""
        self.move(self._state, name, reason, detail, level, **extra)


__all__ = ["LEGAL", "IllegalTransition", "Transitions", "check_transition"]
