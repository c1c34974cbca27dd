"""Start at login on macOS: a LaunchAgent property list in ~/Library/LaunchAgents."""

from __future__ import annotations

import plistlib
from pathlib import Path
from typing import Any

from tray_app.autostart.base import Autostart, AutostartError


class LaunchAgentAutostart(Autostart):
    def __init__(self, app_name: str, command: list[str], home: Path | None = None) -> None:
        super().__init__(app_name, command)
        self.label = f"com.erp-guardian.{app_name}"
        self.plist_file = (home or Path.home()) / "Library" / "LaunchAgents" / f"{self.label}.plist"

    def _content(self) -> dict[str, Any]:
        # RunAtLoad starts it at login; no KeepAlive: quitting from the tray must stay quit.
        return {"Label": self.label, "ProgramArguments": self.command, "RunAtLoad": True}

    def is_enabled(self) -> bool:
        try:
            with self.plist_file.open("rb") as handle:
                data = plistlib.load(handle)
        except (OSError, plistlib.InvalidFileException):
            return False
        return bool(data.get("RunAtLoad")) and data.get("ProgramArguments") == self.command

    def enable(self) -> None:
        try:
            self.plist_file.parent.mkdir(parents=True, exist_ok=True)
            with self.plist_file.open("wb") as handle:
                plistlib.dump(self._content(), handle)
        except OSError as error:
            raise AutostartError(f"{self.plist_file}: {error.strerror}") from None

    def disable(self) -> None:
        try:
            self.plist_file.unlink(missing_ok=True)
        except OSError as error:
            raise AutostartError(f"{self.plist_file}: {error.strerror}") from None
