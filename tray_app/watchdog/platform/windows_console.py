"""Ctrl+C to a foreign backend on Windows, sent the way WinSW sends it.

Followed: WinSW 3 (github.com/winsw/winsw, src/WinSW.Core/Util/ProcessExtensions.cs,
`SendCtrlC`): AttachConsole(pid), GenerateConsoleCtrlEvent(CTRL_C_EVENT, 0), FreeConsole();
ERROR_INVALID_HANDLE from AttachConsole means "no console", ERROR_INVALID_PARAMETER "gone".
WinSW ignores Ctrl+C in its own process for good and lifts that only while it spawns, because
children inherit the flag (WrapperService.cs, StartProcess). We ignore it only around a send,
and a spawn waits until no send is in flight (`wait_idle`), for the same reason.

Win32 (learn.microsoft.com): GenerateConsoleCtrlEvent with group 0 reaches every process on the
console, us included while attached, so SetConsoleCtrlHandler(NULL, TRUE) comes first; the
event reaches each process on a thread of its own, later, so the flag stays until the backend
has exited or SETTLE_S has passed. A child created with CREATE_NEW_PROCESS_GROUP ignores Ctrl+C
(an implicit SetConsoleCtrlHandler(NULL, TRUE)), which is why such a backend is spawned without.

Written and type-checked (mypy --platform win32) but not run on the Linux build machines.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import subprocess
import sys
import threading

assert sys.platform == "win32"  # mypy: this module is checked for Windows only

log = logging.getLogger("erp_guardian.watchdog")  # written to guardian.log

CTRL_C_EVENT = 0
ATTACH_PARENT_PROCESS = 0xFFFFFFFF  # (DWORD)-1
ERROR_INVALID_HANDLE = 6  # the process has no console
ERROR_INVALID_PARAMETER = 87  # the process has exited
SETTLE_S = 1.0  # how long we stay deaf to Ctrl+C after sending it, unless the backend ends first


class ConsoleCtrlSender:
    """Sends Ctrl+C to a process's console from a short-lived thread: the engine never waits."""

    def __init__(self) -> None:
        self._kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        self._busy = threading.Lock()

    def wait_idle(self) -> None:
        """Return once no send is in flight: a child spawned meanwhile would inherit our
        "ignore Ctrl+C" flag and could never be stopped with Ctrl+C itself."""
        with self._busy:
            pass

    def send_ctrl_c(self, process: subprocess.Popen[bytes]) -> None:
        thread = threading.Thread(target=self._send, args=(process,), name="ctrl-c", daemon=True)
        thread.start()

    def _send(self, process: subprocess.Popen[bytes]) -> None:
        kernel32 = self._kernel32
        with self._busy:
            had_console = bool(kernel32.GetConsoleWindow())  # headless mode in a console window
            kernel32.SetConsoleCtrlHandler(None, True)
            kernel32.FreeConsole()  # one console per process: ours (if any) must go first
            try:
                if not kernel32.AttachConsole(process.pid):
                    self._note_attach_failure(process.pid, ctypes.get_last_error())
                    return
                kernel32.GenerateConsoleCtrlEvent(CTRL_C_EVENT, 0)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(SETTLE_S)
                kernel32.FreeConsole()
            finally:
                if had_console:
                    kernel32.AttachConsole(ATTACH_PARENT_PROCESS)
                kernel32.SetConsoleCtrlHandler(None, False)

    @staticmethod
    def _note_attach_failure(pid: int, error: int) -> None:
        if error == ERROR_INVALID_PARAMETER:
            return  # it has exited already: nothing to stop
        why = "it has no console" if error == ERROR_INVALID_HANDLE else f"Windows error {error}"
        log.warning(
            "cannot send Ctrl+C to the backend (PID %d): %s; it is killed after stop_timeout",
            pid,
            why,
        )
