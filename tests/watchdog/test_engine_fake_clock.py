"""The real Supervisor driven pass by pass with fake clocks, where no backend can start.

A socket of this test holds the backend's port, so every start ends BLOCKED without spawning
anything; `step()` runs one pass of the loop, and the clocks move only when the test says.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.waiting import free_port
from tray_app.config import GuardianConfig
from tray_app.watchdog import Event, EventName, Reason, State, Supervisor
from tray_app.watchdog.model import UserCommand as C
from tray_app.watchdog.starting import Starter

START = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


class FakeClocks:
    """Monotonic and wall time that move together, by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now

    def wall(self) -> datetime:
        return START + timedelta(seconds=self.now - 1000.0)


@pytest.fixture
def held_port() -> Iterator[int]:
    port = free_port()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as holder:
        holder.bind(("127.0.0.1", port))
        holder.listen()
        yield port


@pytest.fixture
def engine(
    tmp_path: Path, held_port: int, monkeypatch: pytest.MonkeyPatch
) -> tuple[Supervisor, FakeClocks, list[Event]]:
    # The port stays taken: skip the real-time wait for it to be released.
    monkeypatch.setattr(Starter, "wait_port_free", lambda _self, **_timeout: False)
    clocks = FakeClocks()
    config = GuardianConfig(
        port=held_port,
        data_dir=str(tmp_path / "data"),
        log_dir=str(tmp_path / "log"),
        backoff_max=5.0,
        stats_interval=0,
    )
    supervisor = Supervisor(config, clock=clocks.monotonic, wall_clock=clocks.wall)
    events: list[Event] = []
    supervisor.subscribe(events.append)
    return supervisor, clocks, events


def names(events: list[Event]) -> list[str]:
    return [e.name.value for e in events if e.name is not EventName.INCIDENT]


def test_a_new_engine_is_stopped_and_offers_start(
    engine: tuple[Supervisor, FakeClocks, list[Event]],
) -> None:
    supervisor, _, events = engine
    snap = supervisor.snapshot()
    assert (snap.state, snap.allowed_commands) == (State.STOPPED, (C.START,))
    assert snap.to_dict()["allowed_commands"] == ["start"]
    assert events == []


def test_pause_resume_and_stop_while_stopped_change_nothing(
    engine: tuple[Supervisor, FakeClocks, list[Event]],
) -> None:
    supervisor, _, events = engine
    supervisor.pause()  # before the split this raised IllegalTransition and ended the loop
    supervisor.resume()
    supervisor.stop()
    assert supervisor.step() is False
    assert supervisor.snapshot().state is State.STOPPED
    assert events == []


def test_a_held_port_blocks_and_is_tried_again_after_backoff_max(
    engine: tuple[Supervisor, FakeClocks, list[Event]], held_port: int
) -> None:
    supervisor, clocks, events = engine
    supervisor.start()
    supervisor.step()
    snap = supervisor.snapshot()
    assert snap.state is State.BLOCKED
    assert snap.allowed_commands == (C.START, C.STOP)
    assert snap.last_failure_reason is Reason.PORT_IN_USE
    assert snap.last_failure_at == START
    assert snap.next_start_at == START + timedelta(seconds=5.0)
    assert snap.port_holder is not None and snap.port_holder.port == held_port
    clocks.now += 4.9
    supervisor.step()
    clocks.now += 0.1
    supervisor.step()  # due: tried again, the same obstacle is not announced twice
    assert names(events) == ["blocked"]
    assert supervisor.snapshot().next_start_at == START + timedelta(seconds=10.0)


def test_blocked_can_be_paused_resumed_and_stopped(
    engine: tuple[Supervisor, FakeClocks, list[Event]],
) -> None:
    supervisor, clocks, events = engine
    supervisor.start()
    supervisor.step()
    supervisor.pause()
    supervisor.step()
    snap = supervisor.snapshot()
    assert (snap.state, snap.allowed_commands) == (State.PAUSED, (C.RESUME, C.STOP))
    clocks.now += 60.0
    supervisor.step()  # paused: no retry however long it waits
    assert supervisor.snapshot().state is State.PAUSED
    supervisor.resume()
    supervisor.step()
    assert supervisor.snapshot().state is State.BLOCKED
    supervisor.stop()
    supervisor.step()
    snap = supervisor.snapshot()
    assert (snap.state, snap.next_start_at) == (State.STOPPED, None)
    assert names(events) == ["blocked", "paused", "blocked", "stopped"]
    assert [e.previous for e in events if e.name is not EventName.INCIDENT] == [
        State.STOPPED,
        State.BLOCKED,
        State.PAUSED,
        State.BLOCKED,
    ]


def test_shutdown_ends_the_loop_after_one_pass(
    engine: tuple[Supervisor, FakeClocks, list[Event]],
) -> None:
    supervisor, _, events = engine
    supervisor.start()
    supervisor.step()
    supervisor.request_shutdown()
    assert supervisor.step() is True
    assert supervisor.snapshot().state is State.STOPPED
    assert names(events) == ["blocked", "stopped"]
    assert events[1].reason is Reason.SHUTDOWN
    assert events[-1].name is EventName.INCIDENT  # the outage the block began ends unrecovered
