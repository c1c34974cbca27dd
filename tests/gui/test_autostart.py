"""Start at login: the XDG entry and the LaunchAgent plist are written and removed; the menu
item toggles it. (The Windows Run key is type-checked with mypy --platform win32.)"""

from __future__ import annotations

import plistlib
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.gui.conftest import StartTray
from tray_app.autostart import AutostartError, NullAutostart, launch_command, platform_autostart
from tray_app.autostart.linux import XdgAutostart, exec_line
from tray_app.autostart.macos import LaunchAgentAutostart

COMMAND = ["/opt/erp guardian/erp-guardian", "tray"]


def test_xdg_entry_is_written_and_removed(tmp_path: Path) -> None:
    autostart = XdgAutostart("erp-guardian", COMMAND, tmp_path)
    assert not autostart.is_enabled()
    autostart.enable()
    text = (tmp_path / "autostart" / "erp-guardian.desktop").read_text(encoding="utf-8")
    assert 'Exec="/opt/erp guardian/erp-guardian" tray\n' in text
    assert autostart.is_enabled()
    assert not XdgAutostart("erp-guardian", ["other"], tmp_path).is_enabled()
    autostart.disable()
    assert not autostart.is_enabled()
    autostart.disable()  # removing twice is fine


def test_exec_line_escapes_as_the_desktop_entry_spec_says() -> None:
    assert exec_line(["/usr/bin/app", "--x"]) == "/usr/bin/app --x"
    assert exec_line(["a b", "100%", 'say "hi"']) == '"a b" "100%%" "say \\\\"hi\\\\""'


def test_launch_agent_plist_is_written_and_removed(tmp_path: Path) -> None:
    autostart = LaunchAgentAutostart("erp-guardian", COMMAND, home=tmp_path)
    autostart.enable()
    with autostart.plist_file.open("rb") as handle:
        data = plistlib.load(handle)
    assert data["ProgramArguments"] == COMMAND
    assert data["RunAtLoad"] is True
    assert autostart.is_enabled()
    autostart.disable()
    assert not autostart.plist_file.exists()


def test_null_autostart_is_unavailable() -> None:
    autostart = NullAutostart("erp-guardian", COMMAND)
    assert not autostart.available and not autostart.is_enabled()
    with pytest.raises(AutostartError):
        autostart.enable()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="checks the Linux choice")
def test_platform_autostart_on_linux_is_the_xdg_entry() -> None:
    autostart = platform_autostart(["x"])
    assert isinstance(autostart, XdgAutostart)
    assert launch_command()[-1] == "tray"


def test_menu_item_turns_start_at_login_on_and_off(qtbot: Any, start_tray: StartTray) -> None:
    running = start_tray()
    controller = running.controller
    assert isinstance(controller.autostart, XdgAutostart)
    tray = controller.tray
    tray.rebuild_menu()
    item = tray.action("action_autostart")
    assert item.isEnabled() and not item.isChecked()
    item.trigger()
    assert controller.autostart.entry_file.exists()
    tray.rebuild_menu()
    assert tray.action("action_autostart").isChecked()
    tray.action("action_autostart").trigger()
    assert not controller.autostart.entry_file.exists()
    assert qtbot is not None
