"""The real HKEY_CURRENT_USER behind run_key.RunKeyAutostart."""

from __future__ import annotations

import sys

from tray_app.autostart.run_key import RunKeyAutostart

# Only imported on Windows (see tray_app.autostart.platform_autostart); this line also tells
# mypy to check the rest against the Windows stubs when run with --platform win32.
assert sys.platform == "win32"

import winreg  # noqa: E402

__all__ = ["RunKeyAutostart", "WindowsRegistry"]


class WindowsRegistry:
    """HKCU values; a missing key or value reads as None and deletes as nothing."""

    def read(self, key: str, name: str) -> str | bytes | None:
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key) as handle:
                value, kind = winreg.QueryValueEx(handle, name)
        except FileNotFoundError:
            return None
        if kind in (winreg.REG_SZ, winreg.REG_EXPAND_SZ) and isinstance(value, str):
            return value
        if kind == winreg.REG_BINARY and isinstance(value, bytes):
            return value
        return None

    def write_text(self, key: str, name: str, value: str) -> None:
        with winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, key, 0, winreg.KEY_SET_VALUE) as handle:
            winreg.SetValueEx(handle, name, 0, winreg.REG_SZ, value)

    def write_binary(self, key: str, name: str, value: bytes) -> None:
        with winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, key, 0, winreg.KEY_SET_VALUE) as handle:
            winreg.SetValueEx(handle, name, 0, winreg.REG_BINARY, value)

    def delete(self, key: str, name: str) -> None:
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key, 0, winreg.KEY_SET_VALUE) as handle:
                winreg.DeleteValue(handle, name)
        except FileNotFoundError:
            return
