"""Whether a terminal shows ANSI colours: always on POSIX; on Windows once VT mode is on.

Windows 10 and later understand ANSI escape sequences in a console only after
SetConsoleMode(ENABLE_VIRTUAL_TERMINAL_PROCESSING); older consoles (and a console whose
mode cannot be changed) print the codes as garbage, so there the text goes out plain.
`mypy --platform win32` checks the Windows branch.
"""

from __future__ import annotations

import sys
from typing import TextIO

ENABLE_VIRTUAL_TERMINAL_PROCESSING = 0x0004
_STD_HANDLES = {1: -11, 2: -12}  # file descriptor -> STD_OUTPUT_HANDLE, STD_ERROR_HANDLE


def enable_ansi_colours(stream: TextIO) -> bool:
    """True if `stream`, a terminal, will show ANSI colours (switching VT mode on if needed)."""
    if sys.platform != "win32":
        return True
    try:
        handle_id = _STD_HANDLES.get(stream.fileno())
    except (AttributeError, OSError, ValueError):
        return False
    if handle_id is None:
        return False
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.windll.kernel32
    handle = kernel32.GetStdHandle(handle_id)
    mode = wintypes.DWORD()
    if not kernel32.GetConsoleMode(handle, ctypes.byref(mode)):
        return False
    if mode.value & ENABLE_VIRTUAL_TERMINAL_PROCESSING:
        return True
    return bool(kernel32.SetConsoleMode(handle, mode.value | ENABLE_VIRTUAL_TERMINAL_PROCESSING))
