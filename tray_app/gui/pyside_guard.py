"""Keeps PySide6 6.12.0 on Python 3.11 from aborting the app with "deallocating None".

shiboken6/PySide6 6.12.0 returns None from void methods (setToolTip, setText ...) and from
empty QVariants without taking a reference. On Python 3.12+ None is immortal and nothing
happens; on 3.11 each such call lowers None's reference count, and after some ten thousand
calls (an hour of tray updates) Python aborts. 6.11.3 does not have the bug; the project should
pin PySide6-Essentials != 6.12.0. Where it is installed anyway, this guard notices the loss and
gives None a reference count it cannot use up, which is what Python 3.12 does for all builds.
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject

log = logging.getLogger(__name__)

PROBE_CALLS = 200
SPARE_REFERENCES = 1 << 40


def none_references_leak() -> bool:
    """True if a void Qt call costs None a reference (the 6.12.0 bug)."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(PROBE_CALLS):
        probe.setObjectName("probe")
    return before - sys.getrefcount(None) >= PROBE_CALLS // 2


def protect_none() -> bool:
    """Apply the guard where the bug shows; True if it was needed."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not none_references_leak():
        return False
    # ob_refcnt is the first field of every CPython object; None is never freed anyway.
    ctypes.c_ssize_t.from_address(id(None)).value += SPARE_REFERENCES
    log.warning(
        "PySide6 %s loses references to None on Python %d.%d; guarded. Use another PySide6.",
        pyside_version,
        *sys.version_info[:2],
    )
    return True
