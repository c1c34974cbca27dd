"""Start at login, one module per platform behind the Autostart base class.

`platform_autostart()` is the only place that looks at the platform; callers just use the object
it returns (a do-nothing NullAutostart where nothing is supported).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from tray_app.autostart.base import Autostart, AutostartError
from tray_app.autostart.null import NullAutostart

__all__ = ["Autostart", "AutostartError", "NullAutostart", "launch_command", "platform_autostart"]

APP_NAME = "erp-guardian"


def launch_command() -> list[str]:
    """How to start the tray app again at login: the frozen exe, or the installed script."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "tray"]
    script = Path(sys.executable).with_name("erp-guardian")
    found = str(script) if script.exists() else shutil.which("erp-guardian")
    if found:
        return [found, "tray"]
    return [sys.executable, "-m", "tray_app.cli", "tray"]


def platform_autostart(command: list[str] | None = None, app_name: str = APP_NAME) -> Autostart:
    cmd = command if command is not None else launch_command()
    if sys.platform == "win32":
        from tray_app.autostart.windows import RunKeyAutostart, WindowsRegistry

        return RunKeyAutostart(app_name, cmd, WindowsRegistry())
    if sys.platform == "darwin":
        from tray_app.autostart.macos import LaunchAgentAutostart

        return LaunchAgentAutostart(app_name, cmd)
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        from tray_app.autostart.linux import XdgAutostart

        return XdgAutostart(app_name, cmd)
    return NullAutostart(app_name, cmd)
