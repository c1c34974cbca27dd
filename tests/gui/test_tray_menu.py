"""The tray menu offers exactly the commands the engine allows, and nothing it does not."""

from __future__ import annotations

from typing import Any

import pytest

from tests.gui.conftest import make_snapshot
from tray_app.gui.tray import TrayIcon
from tray_app.watchdog.commands import allowed_commands
from tray_app.watchdog.model import State, UserCommand
from tray_app.watchdog.snapshot import Snapshot

COMMAND_ACTIONS = {f"action_{command.value}" for command in UserCommand}


def engine_snapshot(state: State, has_process: bool = True) -> Snapshot:
    return make_snapshot(
        state,
        pid=4242 if has_process else None,
        allowed_commands=allowed_commands(state, has_process),
    )


def offered(tray: TrayIcon) -> list[str]:
    tray.menu.aboutToShow.emit()  # what opening the menu does
    return [a.objectName() for a in tray.menu.actions() if a.objectName() in COMMAND_ACTIONS]


def test_paused_offers_resume_restart_and_stop_only(qtbot: Any) -> None:
    assert qtbot is not None
    tray = TrayIcon(lambda: engine_snapshot(State.PAUSED), lambda: None, lambda: False)
    assert offered(tray) == ["action_restart", "action_stop", "action_resume"]
    assert all(tray.action(name).isEnabled() for name in offered(tray))


def test_resume_in_the_paused_menu_asks_for_resume(qtbot: Any) -> None:
    tray = TrayIcon(lambda: engine_snapshot(State.PAUSED), lambda: None, lambda: False)
    tray.rebuild_menu()
    with qtbot.waitSignal(tray.resume_requested, timeout=1000):
        tray.action("action_resume").trigger()


@pytest.mark.parametrize("state", list(State))
def test_every_state_shows_the_engines_commands(qtbot: Any, state: State) -> None:
    assert qtbot is not None
    has_process = state not in (State.STOPPED, State.BACKOFF, State.GAVE_UP, State.BLOCKED)
    snapshot = engine_snapshot(state, has_process)
    tray = TrayIcon(lambda: snapshot, lambda: None, lambda: False)
    shown = {name.removeprefix("action_") for name in offered(tray)}
    assert shown == {command.value for command in snapshot.allowed_commands}


def test_no_snapshot_yet_offers_no_command(qtbot: Any) -> None:
    assert qtbot is not None
    tray = TrayIcon(lambda: None, lambda: None, lambda: False)
    assert offered(tray) == []
    assert tray.action("action_quit").isEnabled()
