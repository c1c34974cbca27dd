"""Headless mode's output: one colour-coded line per watchdog event."""

from __future__ import annotations

import os
import sys
from typing import TextIO

from tray_app.i18n.catalogue import render
from tray_app.i18n.console import console_language
from tray_app.terminal import enable_ansi_colours
from tray_app.watchdog.model import HEALTH_OF_STATE, Event, EventName, Health

_COLOURS = {Health.OK: "\033[32m", Health.WARN: "\033[33m", Health.FAIL: "\033[31m"}
_DIM, _RESET = "\033[2m", "\033[0m"


def use_colour(stream: TextIO) -> bool:
    """Colour only on a terminal that shows it (Windows: VT mode, see terminal.py), and never
    when NO_COLOR is set (no-color.org)."""
    if "NO_COLOR" in os.environ or not hasattr(stream, "isatty") or not stream.isatty():
        return False
    return enable_ansi_colours(stream)


class ConsoleReporter:
    """An engine listener. Statistics stay in the log file; everything else is printed."""

    def __init__(
        self, stream: TextIO | None = None, colour: bool | None = None, language: str | None = None
    ) -> None:
        """`language` 'de' or 'en' (None: the environment's); the state and event names stay
        as the logs write them, so a line can be searched in events.jsonl."""
        self._stream = stream or sys.stdout
        self._colour = use_colour(self._stream) if colour is None else colour
        self.language = language or console_language()

    def __call__(self, event: Event) -> None:
        if event.name is EventName.STATS:
            return
        stamp = event.time.astimezone().strftime("%H:%M:%S")
        state = event.state.value.upper().replace("_", " ")
        pid = f" pid {event.pid}" if event.pid else ""
        detail = render(event.message, self.language) if event.message else event.detail
        line = f"{stamp} {state:<9} {event.name.value}: {detail}{pid}"
        if self._colour:
            health = HEALTH_OF_STATE[event.state]
            line = f"{_COLOURS.get(health, _DIM)}{line}{_RESET}"
        self.write(line)

    def write(self, line: str) -> None:
        try:
            self._stream.write(line + "\n")
            self._stream.flush()
        except (OSError, ValueError):
            pass  # a closed console must not stop the watchdog
