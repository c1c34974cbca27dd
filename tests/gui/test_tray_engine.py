"""The tray app on the real engine and the real backend: menu actions, notifications, quit."""

from __future__ import annotations

import sys
from typing import Any

import psutil
import pytest

from tests.gui.conftest import StartTray, wait_state
from tray_app.gui.notifications import Notification, NotificationKind
from tray_app.watchdog.model import STANDBY_EVENTS, State


def test_menu_restart_gives_the_backend_a_new_pid(qtbot: Any, start_tray: StartTray) -> None:
    running = start_tray()
    wait_state(qtbot, running, State.HEALTHY)
    first_pid = running.snapshot().pid
    tray = running.controller.tray
    tray.rebuild_menu()  # what opening the menu does
    tray.action("action_restart").trigger()

    def restarted() -> None:
        snapshot = running.snapshot()
        assert snapshot.state is State.HEALTHY and snapshot.pid not in (None, first_pid), snapshot

    qtbot.waitUntil(restarted, timeout=30000)
    assert first_pid is not None and not psutil.pid_exists(first_pid)


def test_menu_stop_start_pause_resume_reach_the_engine(qtbot: Any, start_tray: StartTray) -> None:
    running = start_tray()
    tray = running.controller.tray
    wait_state(qtbot, running, State.HEALTHY)

    def click(name: str) -> None:
        tray.rebuild_menu()
        tray.action(name).trigger()

    click("action_pause")
    wait_state(qtbot, running, State.PAUSED)
    tray.rebuild_menu()
    assert tray.action("action_resume").isEnabled()
    click("action_resume")
    wait_state(qtbot, running, State.HEALTHY)
    click("action_stop")
    wait_state(qtbot, running, State.STOPPED)
    assert running.snapshot().pid is None
    tray.rebuild_menu()
    assert tray.action("action_state").text().endswith("stopped")
    click("action_start")
    wait_state(qtbot, running, State.HEALTHY)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")
def test_sigkill_of_the_backend_gives_a_restart_notification_with_the_reason(
    qtbot: Any, start_tray: StartTray
) -> None:
    running = start_tray()
    wait_state(qtbot, running, State.HEALTHY)
    pid = running.snapshot().pid
    assert pid is not None
    shown: list[Notification] = []
    running.controller.notifier.shown.connect(shown.append)
    psutil.Process(pid).kill()  # SIGKILL

    def notified() -> None:
        assert [n.kind for n in shown] == [NotificationKind.RESTARTED], shown

    qtbot.waitUntil(notified, timeout=30000)
    body = shown[0].body
    assert "SIGKILL" in body, body
    assert "unavailable for" in body, body
    assert running.snapshot().pid != pid


def test_quit_leaves_no_backend_process(qtbot: Any, start_tray: StartTray) -> None:
    running = start_tray()
    wait_state(qtbot, running, State.HEALTHY)
    pid = running.snapshot().pid
    assert pid is not None
    children = psutil.Process(pid).children(recursive=True)
    tray = running.controller.tray
    tray.rebuild_menu()
    tray.action("action_quit").trigger()
    assert not running.controller.bridge.is_running()
    assert not tray.icon.isVisible()
    for process_id in [pid, *(child.pid for child in children)]:
        assert not psutil.pid_exists(process_id) or (
            psutil.Process(process_id).status() == psutil.STATUS_ZOMBIE
        ), f"process {process_id} still runs after Quit"
    events = [e.name.value for e in running.engine.recent_events(8) if e.name not in STANDBY_EVENTS]
    assert events[-2:] == ["stopping", "stopped"], events
