"""Windows: hidden consoles, Ctrl+C for a foreign backend, and a kill-on-close job object.

Written and type-checked (mypy --platform win32) but not run on the Linux build machines.
"""

from __future__ import annotations

import sys

assert sys.platform == "win32"  # mypy: this module is checked for Windows only

import base64
import ctypes
import socket
import subprocess
from collections.abc import Callable
from ctypes import wintypes
from typing import Any

from tray_app.watchdog.platform.base import ProcessPlatform, StopMethod
from tray_app.watchdog.platform.windows_console import ConsoleCtrlSender

_JOB_OBJECT_EXTENDED_LIMIT_INFORMATION = 9
_JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x2000
_PROCESS_TERMINATE = 0x0001
_PROCESS_SET_QUOTA = 0x0100


class _BasicLimits(ctypes.Structure):
    _fields_ = [
        ("PerProcessUserTimeLimit", ctypes.c_int64),
        ("PerJobUserTimeLimit", ctypes.c_int64),
        ("LimitFlags", wintypes.DWORD),
        ("MinimumWorkingSetSize", ctypes.c_size_t),
        ("MaximumWorkingSetSize", ctypes.c_size_t),
        ("ActiveProcessLimit", wintypes.DWORD),
        ("Affinity", ctypes.c_size_t),
        ("PriorityClass", wintypes.DWORD),
        ("SchedulingClass", wintypes.DWORD),
    ]


class _IoCounters(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_uint64)
        for name in ("Read", "Write", "Other", "ReadBytes", "WriteBytes", "OtherBytes")
    ]


class _ExtendedLimits(ctypes.Structure):
    _fields_ = [
        ("BasicLimitInformation", _BasicLimits),
        ("IoInfo", _IoCounters),
        ("ProcessMemoryLimit", ctypes.c_size_t),
        ("JobMemoryLimit", ctypes.c_size_t),
        ("PeakProcessMemoryUsed", ctypes.c_size_t),
        ("PeakJobMemoryUsed", ctypes.c_size_t),
    ]


class WindowsPlatform(ProcessPlatform):
    """Each backend runs in a job object that Windows kills when our last handle closes."""

    def __init__(self) -> None:
        self._kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        self._jobs: dict[int, int] = {}
        self._ctrl_c = ConsoleCtrlSender()

    def popen_options(self, stop_method: StopMethod) -> dict[str, Any]:
        # CREATE_NO_WINDOW: a console of its own, without a window, that Ctrl+C can be sent to.
        # A new process group would make the child ignore Ctrl+C: only where it is not needed.
        flags = subprocess.CREATE_NO_WINDOW
        if stop_method is StopMethod.OS_SIGNAL:
            self._ctrl_c.wait_idle()  # the child would inherit "ignore Ctrl+C" from a send
        else:
            flags |= subprocess.CREATE_NEW_PROCESS_GROUP
        return {"creationflags": flags}

    def after_spawn(self, process: subprocess.Popen[bytes]) -> None:
        job = self._kernel32.CreateJobObjectW(None, None)
        if not job:
            return
        limits = _ExtendedLimits()
        limits.BasicLimitInformation.LimitFlags = _JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
        self._kernel32.SetInformationJobObject(
            job, _JOB_OBJECT_EXTENDED_LIMIT_INFORMATION, ctypes.byref(limits), ctypes.sizeof(limits)
        )
        handle = self._kernel32.OpenProcess(
            _PROCESS_TERMINATE | _PROCESS_SET_QUOTA, False, process.pid
        )
        if handle:
            self._kernel32.AssignProcessToJobObject(job, handle)
            self._kernel32.CloseHandle(handle)
        self._jobs[process.pid] = job  # the handle stays open for our lifetime, on purpose

    def request_stop(self, process: subprocess.Popen[bytes]) -> None:
        # os.kill(pid, CTRL_C_EVENT) cannot aim at one process: go through its console.
        self._ctrl_c.send_ctrl_c(process)

    def kill_group(self, process: subprocess.Popen[bytes]) -> None:
        job = self._jobs.pop(process.pid, None)
        if job:
            self._kernel32.TerminateJobObject(job, 1)
            self._kernel32.CloseHandle(job)

    def request_stack_dump(self, pid: int) -> bool:  # noqa: ARG002
        return False  # no SIGUSR1 on Windows: faulthandler cannot be triggered from outside

    def describe_exit(self, returncode: int) -> tuple[bool, str]:
        if returncode < 0 or returncode > 0x7FFFFFFF:
            return False, f"exit code 0x{returncode & 0xFFFFFFFF:08X}"
        return False, f"exit code {returncode}"

    def socket_argument(self, sock: socket.socket) -> str:  # noqa: ARG002
        return "share"  # handles are not inherited by number: the bytes come through stdin

    def handoff_popen_options(self, sock: socket.socket) -> dict[str, Any]:  # noqa: ARG002
        return {}

    def hand_over(self, sock: socket.socket, pid: int, write_line: Callable[[str], bool]) -> None:
        # WSADuplicateSocket for that process; the child calls socket.fromshare() on the bytes.
        write_line("socket " + base64.b64encode(sock.share(pid)).decode("ascii"))

    def make_probe_socket(self, family: socket.AddressFamily = socket.AF_INET) -> socket.socket:
        # SO_REUSEADDR on Windows would let us bind over a live listener; exclusive use does not.
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        return sock
