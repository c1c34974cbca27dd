"""The fallback where no start-at-login mechanism is known: does nothing, reports unavailable."""

from __future__ import annotations

from tray_app.autostart.base import Autostart, AutostartError


class NullAutostart(Autostart):
    @property
    def available(self) -> bool:
        return False

    def is_enabled(self) -> bool:
        return False

    def enable(self) -> None:
        raise AutostartError("Start at login is not supported on this system")

    def disable(self) -> None:
        return None
