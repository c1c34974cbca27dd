"""Crashes and hangs of a real backend are seen, and the backend comes back."""

from __future__ import annotations

import contextlib
import os
import signal

import httpx

from tests.watchdog.harness import StartGuard, bundled_backend_env, service_cmd
from tray_app.watchdog import EventName, Reason, State


def test_sigkill_is_seen_at_once_not_at_the_next_poll(guard: StartGuard) -> None:
    # A check every 30 s: if the exit were found by polling, the restart would take that long.
    g = guard(backend_cmd=service_cmd(), check_interval=30, check_timeout=1)
    g.wait_event(EventName.HEALTHY)
    first_pid = g.backend_pid()
    mark = len(g.events)
    os.kill(first_pid, signal.SIGKILL)
    exited = g.wait_event(EventName.EXITED, after=mark, timeout_s=5)
    assert exited.reason is Reason.SIGNAL
    assert "SIGKILL" in exited.detail
    recovered = g.wait_event(EventName.RECOVERED, after=mark, timeout_s=5)
    assert recovered.outage_s is not None and recovered.outage_s > 0
    assert g.backend_pid() != first_pid
    g.wait_event(EventName.INCIDENT, after=mark)
    assert g.names()[mark:] == ["exited", "starting", "recovered", "incident"]


def test_sigstop_hang_is_declared_killed_and_restarted(guard: StartGuard) -> None:
    g = guard(backend_cmd=service_cmd(), check_interval=0.5, check_timeout=0.3, failure_threshold=3)
    g.wait_event(EventName.HEALTHY)
    first_pid = g.backend_pid()
    mark = len(g.events)
    os.kill(first_pid, signal.SIGSTOP)
    # Bound from the issue: interval x threshold + timeout, plus a margin for this machine.
    hung = g.wait_event(EventName.HUNG, after=mark, timeout_s=0.5 * 3 + 0.3 + 2)
    assert hung.reason is Reason.HANG
    g.wait_event(EventName.INCIDENT, after=mark, timeout_s=10)
    names = g.names()[mark:]
    assert names[:2] == ["check_failed", "check_failed"]
    assert names[2:] == ["hung", "killed", "stopped", "starting", "recovered", "incident"]
    assert g.backend_pid() != first_pid


def test_blocked_event_loop_of_the_real_backend_is_a_hang(guard: StartGuard) -> None:
    g = guard(backend_env=bundled_backend_env(), check_interval=0.5, check_timeout=0.3)
    g.wait_event(EventName.HEALTHY, timeout_s=30)
    first_pid = g.backend_pid()
    mark = len(g.events)
    url = f"http://127.0.0.1:{g.config.port}/api/v1/faults/block"
    # The loop is blocked: the fault route itself cannot answer.
    with contextlib.suppress(httpx.TimeoutException):
        httpx.post(url, params={"seconds": 60}, timeout=0.5)
    g.wait_event(EventName.HUNG, after=mark, timeout_s=0.5 * 3 + 0.3 + 3)
    g.wait_event(EventName.RECOVERED, after=mark, timeout_s=30)
    assert g.backend_pid() != first_pid
    assert g.supervisor.snapshot().state is State.HEALTHY


def test_grandchild_holding_the_port_is_killed_with_the_tree(guard: StartGuard) -> None:
    g = guard(backend_cmd=service_cmd("--fork-child"))
    g.wait_event(EventName.HEALTHY)
    mark = len(g.events)
    os.kill(g.backend_pid(), signal.SIGKILL)
    # Without the tree kill, the grandchild would keep the port and the restart would be BLOCKED.
    g.wait_event(EventName.RECOVERED, after=mark, timeout_s=10)
    assert EventName.BLOCKED.value not in g.names()[mark:]


def test_degraded_backend_is_not_restarted(guard: StartGuard) -> None:
    g = guard(backend_cmd=service_cmd("--status", "degraded"), check_interval=0.2)
    event = g.wait_event(EventName.DEGRADED)
    assert event.state is State.DEGRADED
    pid = g.backend_pid()
    before = len(g.events)
    g.wait_checks(10)
    assert g.backend_pid() == pid
    assert len(g.events) == before
    assert g.supervisor.snapshot().backend_status == "degraded"
