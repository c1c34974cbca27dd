"""Start at login on Windows, as Task Manager sees it: the Run value and StartupApproved.

Windows keeps two things per login program: the command under `...\\CurrentVersion\\Run`, and
under `...\\Explorer\\StartupApproved\\Run` a 12-byte value whose first byte is even while the
entry is allowed and odd once the user switched it off in Task Manager's "Startup apps". An
entry that is present but switched off there does not start, so it is not "enabled" for us
either; enabling it from our menu is the user's explicit wish and allows it again.

The registry sits behind a small protocol, so this logic runs (and is tested) on any platform;
`windows.py` gives it the real registry.
"""

from __future__ import annotations

import subprocess
from typing import Protocol

from tray_app.autostart.base import Autostart, AutostartError

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
APPROVED_KEY = r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"
# First byte 2: allowed; the other 11 bytes are the time it was switched off (zero: never).
ALLOWED = bytes([2]) + bytes(11)


class Registry(Protocol):
    """The few HKEY_CURRENT_USER operations needed; OSError on failure, None when absent."""

    def read(self, key: str, name: str) -> str | bytes | None: ...

    def write_text(self, key: str, name: str, value: str) -> None: ...

    def write_binary(self, key: str, name: str, value: bytes) -> None: ...

    def delete(self, key: str, name: str) -> None: ...


def is_allowed(approved: str | bytes | None) -> bool:
    """What a StartupApproved value says: no value, or an even first byte, is allowed."""
    if not isinstance(approved, bytes) or not approved:
        return True
    return approved[0] % 2 == 0


class RunKeyAutostart(Autostart):
    def __init__(self, app_name: str, command: list[str], registry: Registry) -> None:
        super().__init__(app_name, command)
        self.registry = registry

    @property
    def value_name(self) -> str:
        return "ERP Guardian" if self.app_name == "erp-guardian" else self.app_name

    def command_line(self) -> str:
        return subprocess.list2cmdline(self.command)

    def is_enabled(self) -> bool:
        try:
            value = self.registry.read(RUN_KEY, self.value_name)
            approved = self.registry.read(APPROVED_KEY, self.value_name)
        except OSError:
            return False
        return value == self.command_line() and is_allowed(approved)

    def switched_off_by_user(self) -> bool:
        """Present but switched off in Task Manager: the menu can say so."""
        try:
            return not is_allowed(self.registry.read(APPROVED_KEY, self.value_name))
        except OSError:
            return False

    def enable(self) -> None:
        try:
            self.registry.write_text(RUN_KEY, self.value_name, self.command_line())
            if not is_allowed(self.registry.read(APPROVED_KEY, self.value_name)):
                self.registry.write_binary(APPROVED_KEY, self.value_name, ALLOWED)
        except OSError as error:
            raise AutostartError(f"registry {RUN_KEY}: {error.strerror or error}") from None

    def disable(self) -> None:
        try:
            self.registry.delete(RUN_KEY, self.value_name)
            # Task Manager's own record goes too, so a later enable starts clean.
            self.registry.delete(APPROVED_KEY, self.value_name)
        except OSError as error:
            raise AutostartError(f"registry {RUN_KEY}: {error.strerror or error}") from None
