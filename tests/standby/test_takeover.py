"""The warm standby takes over: kill and hang of the serving process with real clients, a
standby that dies, one that hangs, and a promotion while a long request runs."""

from __future__ import annotations

import os
import signal
import threading
import time

import httpx

from tests.standby.clients import PollingClients
from tests.waiting import process_alive, wait_for
from tests.watchdog.harness import Guard, StartGuard, bundled_backend_env
from tray_app.i18n.catalogue import Message, MessageId, render
from tray_app.watchdog import EventName, State


def ready_guard(guard: StartGuard, **overrides: object) -> Guard:
    g = guard(backend_env=bundled_backend_env(), **overrides)
    g.wait_event(EventName.STANDBY_READY, timeout_s=40)
    return g


def standby_pid(g: Guard) -> int:
    info = g.supervisor.snapshot().standby
    assert info is not None, g.names()
    return info.pid


def wait_answers_from(clients: PollingClients, pid: int, after: float, count: int = 8) -> None:
    wait_for(
        lambda: sum(a.pid == pid for a in clients.started_after(after)) >= count,
        30,
        describe=lambda: clients.snapshot()[-5:],
        message=f"{count} answers from PID {pid}",
    )


def test_no_request_started_after_a_kill_fails_the_standby_answers(guard: StartGuard) -> None:
    g = ready_guard(guard)
    primary, standby = g.backend_pid(), standby_pid(g)
    with PollingClients(g.config.port) as clients:
        wait_answers_from(clients, primary, 0.0, count=4)
        mark, killed_at = len(g.events), time.monotonic()
        os.kill(primary, signal.SIGKILL)
        wait_answers_from(clients, standby, killed_at)
    failed_after = [a for a in clients.started_after(killed_at) if not a.ok]
    assert failed_after == []
    assert g.names()[mark : mark + 4] == ["exited", "promoted", "recovered", "incident"]
    incident = g.wait_event(EventName.INCIDENT, after=mark)
    assert incident.data["served_by_standby_after_ms"] is not None
    assert g.supervisor.snapshot().promotions == 1
    g.wait_event(EventName.STANDBY_READY, after=mark, timeout_s=40)  # a new one is warmed


def test_a_hung_process_is_replaced_by_the_standby_and_later_requests_are_answered(
    guard: StartGuard,
) -> None:
    g = ready_guard(guard)
    primary, standby = g.backend_pid(), standby_pid(g)
    with PollingClients(g.config.port) as clients:
        wait_answers_from(clients, primary, 0.0, count=4)
        mark = len(g.events)
        os.kill(primary, signal.SIGSTOP)
        hung = g.wait_event(EventName.HUNG, after=mark, timeout_s=20)
        declared_at = time.monotonic()
        wait_answers_from(clients, standby, declared_at)
    assert hung.pid == primary
    assert [a for a in clients.started_after(declared_at) if not a.ok] == []
    names = g.names()[mark:]
    assert names.index("hung") < names.index("promoted") < names.index("recovered")
    assert g.supervisor.snapshot().state is State.HEALTHY


def test_a_standby_that_dies_is_replaced_and_no_outage_is_recorded(guard: StartGuard) -> None:
    g = ready_guard(guard)
    primary, standby = g.backend_pid(), standby_pid(g)
    mark = len(g.events)
    os.kill(standby, signal.SIGKILL)
    replaced = g.wait_event(EventName.STANDBY_REPLACED, after=mark)
    g.wait_event(EventName.STANDBY_READY, after=mark, timeout_s=40)
    assert replaced.pid == standby
    killed = Message(MessageId.EXIT_SIGNAL, {"signal": "SIGKILL"})
    assert replaced.message == Message(MessageId.STANDBY_EXITED, {"pid": standby, "how": killed})
    ended = f"the standby (PID {standby}) ended: killed by SIGKILL; a new one is warmed"
    assert replaced.detail == ended
    assert standby_pid(g) != standby
    assert g.backend_pid() == primary
    assert not {"exited", "incident", "backoff", "promoted"} & set(g.names()[mark:])


def test_a_standby_that_hangs_is_replaced(guard: StartGuard) -> None:
    g = ready_guard(guard)
    standby = standby_pid(g)
    mark = len(g.events)
    os.kill(standby, signal.SIGSTOP)
    replaced = g.wait_event(EventName.STANDBY_REPLACED, after=mark, timeout_s=20)
    assert replaced.reason.value == "hang"
    assert replaced.message is not None
    assert replaced.message.id is MessageId.STANDBY_NOT_ANSWERING
    assert replaced.detail == render(replaced.message, "en")
    g.wait_event(EventName.STANDBY_READY, after=mark, timeout_s=40)
    assert standby_pid(g) != standby
    assert g.supervisor.snapshot().state is State.HEALTHY


def test_the_standby_serves_while_a_long_request_still_runs_on_the_hung_primary(
    guard: StartGuard,
) -> None:
    # The primary's event loop is blocked for 20 s; it is declared hung and may take 15 s to
    # stop, so the standby must answer while the primary still holds its long request.
    g = ready_guard(guard, hung_stop_timeout=15)
    primary, standby = g.backend_pid(), standby_pid(g)
    long_answer: list[object] = []

    def long_request() -> None:
        url = f"http://127.0.0.1:{g.config.port}/api/v1/faults/block"
        try:
            long_answer.append(httpx.post(url, params={"seconds": 20}, timeout=30))
        except httpx.HTTPError as error:
            long_answer.append(error)

    blocker = threading.Thread(target=long_request)
    mark = len(g.events)
    blocker.start()
    try:
        g.wait_event(EventName.HUNG, after=mark, timeout_s=20)
        url = f"http://127.0.0.1:{g.config.port}/api/v1/system/status?max_age=0"
        answer = httpx.get(url, timeout=10)
        assert answer.status_code == 200
        assert answer.json()["process"]["pid"] == standby
        assert not long_answer, "the long request ended before the standby answered"
        assert process_alive(primary)  # still blocked in its long request
    finally:
        blocker.join(40)
