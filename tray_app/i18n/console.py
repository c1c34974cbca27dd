"""The console's language: the `language` setting when a config is at hand, else the
environment (LANGUAGE/LC_ALL/LC_MESSAGES/LANG) or the system, as the tray decides it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tray_app.i18n.language import resolve_language


def console_language(setting: str | None = None) -> str:
    """'de' or 'en'. `setting` is the config's `language` ("auto", "de", "en") or None."""
    return resolve_language(setting or "auto")


def language_of_values(values: Mapping[str, Any]) -> str:
    """For a config that did not validate: its `language` if that one is usable."""
    setting = values.get("language")
    return console_language(setting if setting in ("auto", "de", "en") else None)
