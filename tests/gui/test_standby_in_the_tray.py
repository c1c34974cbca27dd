"""The warm standby in the tray's tooltip and menu, the status window and its history: on a
real engine with the bundled backend, whose standby takes over after a SIGKILL."""

from __future__ import annotations

import os
import signal
from typing import Any

from tests.gui.conftest import StartTray, make_snapshot, wait_state
from tray_app.gui.history_model import RestartHistoryModel
from tray_app.gui.tray import TrayIcon, tooltip_text
from tray_app.watchdog.model import Event, EventName, Level, Reason, State
from tray_app.watchdog.roles import StandbyState


def test_the_standby_and_its_promotion_are_shown_everywhere(
    qtbot: Any, start_tray: StartTray
) -> None:
    running = start_tray()
    controller = running.controller

    def standby_ready() -> None:
        standby = running.snapshot().standby
        assert standby is not None and standby.state is StandbyState.READY, running.snapshot()

    qtbot.waitUntil(standby_ready, timeout=60000)
    controller.show_status()
    window = controller.status_window
    standby = running.snapshot().standby
    assert standby is not None
    ready = f"ready (PID {standby.pid})"
    qtbot.waitUntil(lambda: window.watchdog.value_text("standby") == ready, timeout=10000)
    assert window.watchdog.value_text("promotions") == "0"
    qtbot.waitUntil(lambda: f"Standby: {ready}" in controller.tray.icon.toolTip(), timeout=10000)
    controller.tray.menu.aboutToShow.emit()
    assert controller.tray.action("action_standby").text() == f"Standby: {ready}"

    primary = running.snapshot().pid
    assert primary is not None
    os.kill(primary, signal.SIGKILL)

    def taken_over() -> None:
        snapshot = running.snapshot()
        assert snapshot.promotions == 1 and snapshot.pid == standby.pid, snapshot
        assert snapshot.state is State.HEALTHY

    qtbot.waitUntil(taken_over, timeout=30000)
    qtbot.waitUntil(lambda: window.watchdog.value_text("promotions") == "1", timeout=10000)
    assert "Standby took over: 1" in controller.tray.icon.toolTip()
    history = window.history

    def whats() -> list[str]:
        return [history.data(history.index(row, 1)) for row in range(history.rowCount())]

    qtbot.waitUntil(
        lambda: whats()[:3] == ["works again", "standby took over", "stopped unexpectedly"],
        timeout=10000,
    )
    wait_state(qtbot, running, State.HEALTHY)


def test_no_standby_line_without_a_standby(qtbot: Any) -> None:
    assert qtbot is not None
    snapshot = make_snapshot(State.HEALTHY)
    tray = TrayIcon(lambda: snapshot, lambda: False, lambda: True)
    tip = tooltip_text(snapshot, tray.tr)
    assert "Standby" not in tip
    tray.menu.aboutToShow.emit()
    assert not [a for a in tray.menu.actions() if a.objectName() == "action_standby"]


def test_history_names_a_promotion_and_a_replaced_standby(qtbot: Any) -> None:
    assert qtbot is not None
    model = RestartHistoryModel()
    names = (EventName.PROMOTED, EventName.STANDBY_REPLACED, EventName.STANDBY_READY)
    model.set_events(
        Event(
            name=name,
            level=Level.INFO,
            state=State.STARTING,
            previous=State.BACKOFF,
            reason=Reason.SIGNAL,
            detail=name.value,
            time=make_snapshot(State.HEALTHY).time,
        )
        for name in names
    )
    whats = [model.data(model.index(row, 1)) for row in range(model.rowCount())]
    assert whats == ["standby replaced", "standby took over"]  # newest first; ready is no news
