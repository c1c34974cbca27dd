"""The user's Windows UI language ("de_DE"), from GetUserDefaultUILanguage.

The display language a user picked in Windows' settings, which may differ from the formats
locale and is what the other programs on the desktop speak. Imported on Windows only;
`mypy --platform win32` checks it.
"""

from __future__ import annotations

import locale
import sys


def user_ui_locale() -> str | None:
    """'de_DE' for a German Windows, None where it cannot be told."""
    if sys.platform != "win32":
        return None
    import ctypes

    try:
        language_id = int(ctypes.windll.kernel32.GetUserDefaultUILanguage())
    except (AttributeError, OSError):
        return None
    return locale.windows_locale.get(language_id)
