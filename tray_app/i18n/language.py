"""The user's language: the `language` setting, else the environment, else the system.

The environment is read the way gettext reads it (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`,
`LANG`, first non-empty), from the variables themselves and never through
`locale.setlocale`: that fails for a locale that is not generated on the machine
("de_DE.UTF-8" on a server that only has C.UTF-8), while the user's wish is still plain.
On Windows, where those variables are usually unset, the user's UI language comes from
`system_language` (see windows_language.py).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from typing import Literal

SUPPORTED = ("de", "en")
FALLBACK = "en"
ENVIRONMENT_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
_NEUTRAL_LOCALES = frozenset({"c", "posix"})

LanguageSetting = Literal["auto", "de", "en"]


def locale_language(value: str) -> str | None:
    """'de' for 'de_AT.UTF-8@euro' or 'de-CH'; 'en' for C/POSIX; None for an empty value."""
    name = value.strip().split(".", 1)[0].split("@", 1)[0]
    if not name:
        return None
    if name.lower() in _NEUTRAL_LOCALES:
        return "en"
    return name.replace("-", "_").split("_", 1)[0].lower() or None


def environment_locale(environ: Mapping[str, str]) -> str | None:
    """The first locale the environment names, as written ('de_AT.UTF-8'), or None.

    `LANGUAGE` is a colon-separated list of preferences ("fr:de:en"); its first supported
    entry wins, as in gettext.
    """
    for variable in ENVIRONMENT_VARIABLES:
        entries = [entry for entry in environ.get(variable, "").split(":") if entry.strip()]
        if not entries:
            continue
        supported = [entry for entry in entries if locale_language(entry) in SUPPORTED]
        return (supported or entries)[0].strip()
    return None


def supported_or_fallback(language: str | None) -> str:
    return language if language in SUPPORTED else FALLBACK


def _default_system_language() -> str | None:
    if sys.platform == "win32":
        from tray_app.i18n.windows_language import user_ui_locale

        return user_ui_locale()
    return None


def resolve_locale(
    setting: str = "auto",
    environ: Mapping[str, str] | None = None,
    system_language: Callable[[], str | None] = _default_system_language,
) -> str:
    """The locale to format with ('de_AT', 'de', 'en'); its language is always supported.

    An explicit setting wins; "auto" asks the environment, then the system; an unknown
    language falls back to English.
    """
    if setting != "auto":
        return supported_or_fallback(setting)
    environ = os.environ if environ is None else environ
    named = environment_locale(environ) or system_language() or ""
    name = named.strip().split(".", 1)[0].split("@", 1)[0].replace("-", "_")
    if locale_language(name) not in SUPPORTED or name.lower() in _NEUTRAL_LOCALES:
        return FALLBACK
    return name


def resolve_language(
    setting: str = "auto",
    environ: Mapping[str, str] | None = None,
    system_language: Callable[[], str | None] = _default_system_language,
) -> str:
    """'de' or 'en': the language ERP Guardian speaks for this setting and environment."""
    return supported_or_fallback(locale_language(resolve_locale(setting, environ, system_language)))
