"""Platform-specific process handling, one module per OS family behind one interface.

Call sites use `current()` and never test `sys.platform` themselves.
"""

from __future__ import annotations

import sys

from tray_app.watchdog.platform.base import ProcessPlatform, StopMethod


def current() -> ProcessPlatform:
    """The implementation for the running OS."""
    if sys.platform == "win32":
        from tray_app.watchdog.platform.windows import WindowsPlatform

        return WindowsPlatform()
    else:
        from tray_app.watchdog.platform.posix import PosixPlatform

        return PosixPlatform()


__all__ = ["ProcessPlatform", "StopMethod", "current"]
