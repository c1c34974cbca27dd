"""The standby's own events say why in the engine's catalogue: a distinct message for each
reason, the English rendering as the log's detail, German without the engine's English."""

from __future__ import annotations

from tests.standby.test_takeover import ready_guard, standby_pid
from tests.watchdog.harness import StartGuard
from tray_app.i18n.catalogue import Message, MessageId, render
from tray_app.watchdog import EventName, Reason


def test_a_ready_standby_dismissed_at_shutdown_says_the_guardian_is_shutting_down(
    guard: StartGuard,
) -> None:
    g = ready_guard(guard)
    standby = standby_pid(g)
    mark = len(g.events)
    g.supervisor.request_shutdown()
    g.thread.join(30)
    assert not g.thread.is_alive(), g.names()
    dismissed = g.wait_event(EventName.STANDBY_REPLACED, after=mark, timeout_s=1)
    assert dismissed.reason is Reason.SHUTDOWN
    assert dismissed.message == Message(MessageId.STANDBY_SHUTDOWN, {"pid": standby})
    assert dismissed.detail == render(dismissed.message, "en")
    assert dismissed.detail == f"standby (PID {standby}) ended: the guardian is shutting down"
    assert dismissed.pid == standby
    assert "ERP Guardian beendet wird" in render(dismissed.message, "de")
