"""What every platform's "Start at login" does; one module per platform implements it."""

from __future__ import annotations

from abc import ABC, abstractmethod


class AutostartError(RuntimeError):
    """Start at login could not be changed; the message is meant for the user."""


class Autostart(ABC):
    """Registers a command to run when the user logs in."""

    def __init__(self, app_name: str, command: list[str]) -> None:
        self.app_name = app_name
        self.command = command

    @property
    def available(self) -> bool:
        """False where this platform has no supported mechanism (the menu item is disabled)."""
        return True

    @abstractmethod
    def is_enabled(self) -> bool:
        """True if the entry exists and runs this command."""

    @abstractmethod
    def enable(self) -> None:
        """Create or update the entry; raises AutostartError."""

    @abstractmethod
    def disable(self) -> None:
        """Remove the entry if present; raises AutostartError."""

    def set_enabled(self, enabled: bool) -> None:
        if enabled:
            self.enable()
        else:
            self.disable()
