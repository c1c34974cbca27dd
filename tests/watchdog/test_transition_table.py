"""The legal moves, the one method that makes them, and the commands each state offers."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tray_app.config import GuardianConfig
from tray_app.watchdog.commands import allowed_commands
from tray_app.watchdog.model import (
    RUNNING_STATES,
    STARTABLE_STATES,
    Event,
    EventName,
    Reason,
    State,
    UserCommand,
)
from tray_app.watchdog.runtime import Runtime
from tray_app.watchdog.transitions import LEGAL, IllegalTransition, Transitions, check_transition

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
C = UserCommand


def make_transitions(published: list[Event]) -> tuple[Transitions, list[State]]:
    seen_on_change: list[State] = []
    transitions = Transitions(
        Runtime(GuardianConfig()),
        published.append,
        attempt=lambda: 2,
        wall_clock=lambda: NOW,
        on_change=lambda: seen_on_change.append(transitions.state),
    )
    return transitions, seen_on_change


def test_every_state_has_a_row() -> None:
    assert set(LEGAL) == set(State)


def test_a_stopped_backend_can_only_be_started_or_found_blocked() -> None:
    assert LEGAL[State.STOPPED] == {State.STARTING, State.BLOCKED}
    with pytest.raises(IllegalTransition, match="stopped -> paused"):
        check_transition(State.STOPPED, State.PAUSED)


def test_staying_in_a_state_is_always_legal() -> None:
    for state in State:
        check_transition(state, state)


def test_move_publishes_one_event_after_the_state_changed() -> None:
    published: list[Event] = []
    transitions, seen_on_change = make_transitions(published)
    transitions.move(State.BLOCKED, EventName.BLOCKED, Reason.PORT_IN_USE, "port 8000 is used")
    (event,) = published
    assert (event.previous, event.state, event.name) == (State.STOPPED, State.BLOCKED, "blocked")
    assert (event.time, event.attempt, event.pid) == (NOW, 2, None)
    assert seen_on_change == [State.BLOCKED]  # the snapshot is rebuilt before listeners run
    assert transitions.detail == "port 8000 is used"


def test_an_illegal_move_raises_and_changes_nothing() -> None:
    published: list[Event] = []
    transitions, _ = make_transitions(published)
    with pytest.raises(IllegalTransition):
        transitions.move(State.HEALTHY, EventName.HEALTHY, Reason.CHECK_PASSED, "ok")
    assert transitions.state is State.STOPPED and published == []


def test_an_announcement_keeps_state_and_detail() -> None:
    published: list[Event] = []
    transitions, _ = make_transitions(published)
    transitions.announce(EventName.LOG_ERROR, Reason.LOG_IO, "disk full")
    assert transitions.state is State.STOPPED
    assert transitions.detail == "not started"
    assert published[0].previous is State.STOPPED


@pytest.mark.parametrize(
    ("state", "has_process", "offered"),
    [
        (State.STOPPED, False, (C.START,)),
        (State.STARTING, True, (C.RESTART, C.STOP, C.PAUSE)),
        (State.HEALTHY, True, (C.RESTART, C.STOP, C.PAUSE)),
        (State.DEGRADED, True, (C.RESTART, C.STOP, C.PAUSE)),
        (State.UNHEALTHY, True, (C.RESTART, C.STOP, C.PAUSE)),
        (State.STOPPING, True, ()),
        (State.BACKOFF, False, (C.START, C.STOP)),
        (State.GAVE_UP, False, (C.START, C.STOP)),
        (State.BLOCKED, False, (C.START, C.STOP)),
        (State.PAUSED, True, (C.RESUME, C.RESTART, C.STOP)),
        (State.PAUSED, False, (C.RESUME, C.STOP)),
    ],
)
def test_each_state_offers_its_commands(
    state: State, has_process: bool, offered: tuple[UserCommand, ...]
) -> None:
    assert allowed_commands(state, has_process) == offered


def _destinations(command: UserCommand, has_process: bool) -> set[State]:
    """Where the engine moves when it carries the command out (commands.py)."""
    if command in (C.START, C.RESUME):
        return {State.STARTING, State.BLOCKED} if not has_process else {State.STARTING}
    if command is C.RESTART:
        return {State.STOPPING} if has_process else {State.STARTING, State.BLOCKED}
    if command is C.STOP:
        return {State.STOPPING} if has_process else {State.STOPPED}
    return {State.PAUSED}


def _with_process(state: State) -> tuple[bool, ...]:
    """Whether a backend process can exist in this state."""
    if state in RUNNING_STATES or state is State.STOPPING:
        return (True,)
    return (True, False) if state is State.PAUSED else (False,)


def test_every_offered_command_leads_to_a_legal_move() -> None:
    for state in State:
        for has_process in _with_process(state):
            for command in allowed_commands(state, has_process):
                targets = _destinations(command, has_process)
                assert targets <= LEGAL[state], (state, has_process, command)


def test_start_is_offered_exactly_where_nothing_runs_and_the_user_did_not_pause() -> None:
    startable = {s for s in State if C.START in allowed_commands(s, has_process=False)}
    assert startable == STARTABLE_STATES
    assert not startable & RUNNING_STATES
