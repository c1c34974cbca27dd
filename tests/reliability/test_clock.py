"""The wall clock jumps (a time sync, a DST bug, a user fixing the date): intervals, restarts
and the restart budget run on time.monotonic() and keep their timing; only the time stamps
of the events move with the wall clock."""

from __future__ import annotations

import os
import signal
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest

from tests.watchdog.harness import Guard, StartGuard, service_cmd
from tray_app.logs.incidents import list_incidents
from tray_app.watchdog import EventName, State

CHECK_INTERVAL_S = 0.2
CHECKS = 10
HOUR = timedelta(hours=1)


class JumpingClock:
    """The real UTC time plus an offset the test can change at any moment."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._offset = timedelta(0)

    def jump(self, by: timedelta) -> None:
        with self._lock:
            self._offset += by

    def __call__(self) -> datetime:
        with self._lock:
            return datetime.now(UTC) + self._offset


def _seconds_for_checks(g: Guard) -> float:
    started = time.monotonic()
    g.wait_checks(CHECKS, timeout_s=CHECKS * CHECK_INTERVAL_S * 20)  # an hour's stall fails
    return time.monotonic() - started


@pytest.mark.parametrize("jump", [HOUR, -HOUR], ids=["forward", "back"])
def test_checks_and_restarts_keep_their_timing_when_the_wall_clock_jumps(
    guard: StartGuard, jump: timedelta
) -> None:
    clock = JumpingClock()
    g = guard(
        engine={"wall_clock": clock}, backend_cmd=service_cmd(), check_interval=CHECK_INTERVAL_S
    )
    g.wait_event(EventName.HEALTHY)
    clock.jump(jump)
    # A burst (a check for every "missed" interval of the hour) would take a few ms.
    assert _seconds_for_checks(g) >= CHECKS * CHECK_INTERVAL_S / 2

    mark = len(g.events)
    os.kill(g.backend_pid(), signal.SIGKILL)
    exited = g.wait_event(EventName.EXITED, after=mark)
    recovered = g.wait_event(EventName.RECOVERED, after=mark, timeout_s=5)
    assert recovered.outage_s is not None and recovered.outage_s < 5  # not an hour
    # The time stamps follow the wall clock, as a user reading the log would expect.
    assert abs(exited.time - (datetime.now(UTC) + jump)) < timedelta(minutes=1)
    assert g.supervisor.snapshot().state is State.HEALTHY


def test_clock_jumping_forward_does_not_restore_the_restart_budget(guard: StartGuard) -> None:
    clock = JumpingClock()
    g = guard(
        engine={"wall_clock": clock},
        backend_cmd=service_cmd(),
        max_restarts=2,
        restart_window=300,
        giveup_cooldown=0,
    )
    g.wait_event(EventName.HEALTHY)
    for count in (1, 2):
        os.kill(g.backend_pid(), signal.SIGKILL)
        g.wait_event(EventName.RECOVERED, count=count)
    clock.jump(HOUR)  # past restart_window by the wall clock, 0 s by the monotonic one
    os.kill(g.backend_pid(), signal.SIGKILL)
    gave_up = g.wait_event(EventName.GAVE_UP)
    assert "gave up after 2 restarts within 300 s" in gave_up.detail
    assert g.supervisor.snapshot().state is State.GAVE_UP


def test_two_outages_within_one_second_keep_two_reports(guard: StartGuard) -> None:
    # The tiny service is back in about 0.1 s: both outages fall in the same second.
    g = guard(backend_cmd=service_cmd())
    g.wait_event(EventName.HEALTHY)
    for count in (1, 2):
        os.kill(g.backend_pid(), signal.SIGKILL)
        g.wait_event(EventName.INCIDENT, count=count)
    ids = [e.data["id"] for e in g.events if e.name is EventName.INCIDENT]
    assert len(set(ids)) == 2, ids
    assert len(list_incidents(g.logs.directory)) == 2
