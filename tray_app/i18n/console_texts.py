# ruff: noqa: E501  (one sentence per line: wrapped, a text could not be found with grep)
"""The command line's words in English and German, side by side so that they stay in step."""

from __future__ import annotations

from tray_app.i18n.console_ids import ConsoleId as C

CONSOLE_TEXTS: dict[C, tuple[str, str]] = {}
