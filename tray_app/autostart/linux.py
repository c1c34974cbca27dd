"""Start at login on Linux and other XDG desktops: a .desktop file in ~/.config/autostart."""

from __future__ import annotations

import os
from pathlib import Path

from tray_app.autostart.base import Autostart, AutostartError

_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def _quote_exec_arg(arg: str) -> str:
    """Quote one argument as the Desktop Entry spec's Exec key wants it."""
    if arg and not (_RESERVED & set(arg)) and "%" not in arg and "=" not in arg:
        return arg
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    # In a desktop file the whole value is also unescaped once, and "%" starts a field code.
    return '"' + escaped.replace("\\", "\\\\").replace("%", "%%") + '"'


def exec_line(command: list[str]) -> str:
    return " ".join(_quote_exec_arg(arg) for arg in command)


class XdgAutostart(Autostart):
    def __init__(self, app_name: str, command: list[str], config_home: Path | None = None) -> None:
        super().__init__(app_name, command)
        base = config_home or Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
        self.entry_file = base / "autostart" / f"{app_name}.desktop"

    def _content(self) -> str:
        return (
            "[Desktop Entry]\n"
            "Type=Application\n"
            "Name=ERP Guardian\n"
            "Comment=Keeps the ERP backend running\n"
            f"Exec={exec_line(self.command)}\n"
            "Terminal=false\n"
            "X-GNOME-Autostart-enabled=true\n"
        )

    def is_enabled(self) -> bool:
        try:
            text = self.entry_file.read_text(encoding="utf-8")
        except OSError:
            return False
        return f"Exec={exec_line(self.command)}\n" in text and "Hidden=true" not in text

    def enable(self) -> None:
        try:
            self.entry_file.parent.mkdir(parents=True, exist_ok=True)
            self.entry_file.write_text(self._content(), encoding="utf-8")
        except OSError as error:
            raise AutostartError(f"{self.entry_file}: {error.strerror}") from None

    def disable(self) -> None:
        try:
            self.entry_file.unlink(missing_ok=True)
        except OSError as error:
            raise AutostartError(f"{self.entry_file}: {error.strerror}") from None
