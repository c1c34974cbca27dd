"""Desktop manners: "starting (4 s of 30 s)" while starting, access keys that are distinct in
each menu and window in both languages, and F5 refreshing the status window."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton

from tests.gui.conftest import make_snapshot
from tray_app.config import GuardianConfig
from tray_app.gui.backend_client import BackendStatusClient
from tray_app.gui.log_viewer import LogViewer
from tray_app.gui.settings_dialog import SettingsDialog
from tray_app.gui.status_window import StatusWindow
from tray_app.gui.tray import TrayIcon
from tray_app.watchdog.model import PortHolder, State, UserCommand

STARTING = {
    "en": "ERP system: starting (4 s of 30 s)",
    "de": "ERP-System: startet (4 s von 30 s)",
}


class CountingClient(BackendStatusClient):
    """The real client on an unused address, counting the fetches it is asked for."""

    def __init__(self) -> None:
        super().__init__("http://127.0.0.1:9")
        self.fetches = 0

    def fetch(self) -> None:
        self.fetches += 1


def status_window(qtbot: Any, tmp_path: Path) -> StatusWindow:
    config = GuardianConfig(log_dir=str(tmp_path), startup_grace=30)
    window = StatusWindow(CountingClient(), True, lambda: config)
    qtbot.addWidget(window)
    return window


def access_key(text: str) -> str | None:
    """The letter after a single '&' ('&&' is a plain ampersand)."""
    found = re.search(r"(?<!&)&([^&])", text)
    return found.group(1).lower() if found else None


def assert_distinct_keys(texts: list[str]) -> None:
    keys = [access_key(text) for text in texts]
    assert None not in keys, (
        f"without an access key: {[t for t, k in zip(texts, keys, strict=True) if not k]}"
    )
    assert len(set(keys)) == len(keys), f"the same access key twice: {texts}"


def test_the_tray_and_status_window_say_how_long_a_start_may_take(
    qtbot: Any, tmp_path: Path, language: str
) -> None:
    snapshot = make_snapshot(State.STARTING, uptime_s=4.4)
    tray = TrayIcon(lambda: snapshot, lambda: None, lambda: False, startup_grace_s=lambda: 30.0)
    tray.menu.aboutToShow.emit()  # what opening the menu does
    assert tray.action("action_state").text() == STARTING[language]
    tray.show_snapshot(snapshot)
    assert tray.icon.toolTip().splitlines()[0] == STARTING[language]
    window = status_window(qtbot, tmp_path)
    window.show_snapshot(snapshot)
    assert window.header.text() == STARTING[language]
    tray.icon.hide()


def test_access_keys_are_distinct_in_the_tray_menu(qtbot: Any, language: str) -> None:
    del qtbot, language
    every_command = tuple(UserCommand)
    holder = PortHolder(port=8765, pid=99, name="nginx", ours=False)
    snapshot = make_snapshot(State.BLOCKED, allowed_commands=every_command, port_holder=holder)
    tray = TrayIcon(lambda: snapshot, lambda: True, lambda: True)
    tray.menu.aboutToShow.emit()
    entries = [
        action.text()
        for action in tray.menu.actions()
        if action.isEnabled() and not action.isSeparator()
    ]
    assert len(entries) >= 15  # every command and the port holder's entries are there
    assert_distinct_keys(entries)
    tray.icon.hide()


def test_access_keys_are_distinct_in_each_window(qtbot: Any, tmp_path: Path, language: str) -> None:
    del language
    settings = SettingsDialog(GuardianConfig(), tmp_path / "config.toml")
    qtbot.addWidget(settings)
    window = status_window(qtbot, tmp_path)
    own = ("button_restart", "button_refresh", "button_reset_cache", "button_web")
    buttons = [window.findChild(QAbstractButton, name) for name in own]
    assert_distinct_keys([button.text() for button in buttons if button is not None])
    box = settings.buttons  # Cancel keeps Qt's own text: Esc is its key
    saving = (box.StandardButton.Save, box.StandardButton.RestoreDefaults)
    assert_distinct_keys([box.button(kind).text() for kind in saving])
    viewer = LogViewer(tmp_path)
    try:
        shown = [button.text() for button in viewer.findChildren(QAbstractButton)]
        assert_distinct_keys([text for text in shown if text])
    finally:
        viewer.shutdown()  # its reader thread ends before the widget goes


def test_f5_refreshes_the_status_window_and_esc_closes_it(qtbot: Any, tmp_path: Path) -> None:
    window = status_window(qtbot, tmp_path)
    client = window.client
    assert isinstance(client, CountingClient)
    with qtbot.waitActive(window):  # shortcuts go to the active window only
        window.show()
        window.activateWindow()
    before = client.fetches
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert client.fetches == before + 1
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()
