"""Start at login on Windows: a value under HKCU\\...\\CurrentVersion\\Run."""

from __future__ import annotations

import subprocess
import sys

from tray_app.autostart.base import Autostart, AutostartError

# Only imported on Windows (see tray_app.autostart.platform_autostart); this line also tells
# mypy to check the rest against the Windows stubs when run with --platform win32.
assert sys.platform == "win32"

import winreg  # noqa: E402

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


class RunKeyAutostart(Autostart):
    @property
    def value_name(self) -> str:
        return "ERP Guardian" if self.app_name == "erp-guardian" else self.app_name

    def _command_line(self) -> str:
        return subprocess.list2cmdline(self.command)

    def is_enabled(self) -> bool:
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                value, kind = winreg.QueryValueEx(key, self.value_name)
        except OSError:
            return False
        return kind in (winreg.REG_SZ, winreg.REG_EXPAND_SZ) and value == self._command_line()

    def enable(self) -> None:
        try:
            with winreg.CreateKeyEx(
                winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE
            ) as key:
                winreg.SetValueEx(key, self.value_name, 0, winreg.REG_SZ, self._command_line())
        except OSError as error:
            raise AutostartError(f"registry {RUN_KEY}: {error.strerror}") from None

    def disable(self) -> None:
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, self.value_name)
        except FileNotFoundError:
            return
        except OSError as error:
            raise AutostartError(f"registry {RUN_KEY}: {error.strerror}") from None
