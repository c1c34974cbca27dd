"""Linux and macOS: process groups, SIGTERM, and death of the child with its parent."""

from __future__ import annotations

import sys

assert sys.platform != "win32"  # mypy: this module is checked for POSIX only

import contextlib
import ctypes
import os
import signal
import socket
import subprocess
from collections.abc import Callable
from typing import Any

from tray_app.watchdog.platform.base import ProcessPlatform, StopMethod

_PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>


def _die_with_parent_hook() -> Callable[[], None] | None:
    """A preexec_fn that makes the kernel SIGKILL the child when we die (Linux only).

    libc is loaded here, before the fork, so that the hook in the child calls one C function and
    allocates nothing. The death signal follows the *thread* that forked the child, so the
    supervisor spawns only from its long-lived loop thread.
    """
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    parent_pid = os.getpid()

    def hook() -> None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent_pid:  # we died between fork and prctl
            os._exit(1)

    return hook


class PosixPlatform(ProcessPlatform):
    """Each backend leads its own session and process group, so one signal reaches the tree."""

    def popen_options(self, stop_method: StopMethod) -> dict[str, Any]:  # noqa: ARG002
        options: dict[str, Any] = {"start_new_session": True}
        hook = _die_with_parent_hook()
        if hook is not None:
            options["preexec_fn"] = hook
        return options

    def after_spawn(self, process: subprocess.Popen[bytes]) -> None:  # noqa: ARG002
        return None

    def request_stop(self, process: subprocess.Popen[bytes]) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGTERM)

    def kill_group(self, process: subprocess.Popen[bytes]) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)

    def request_stack_dump(self, pid: int) -> bool:
        try:
            os.kill(pid, signal.SIGUSR1)
        except (ProcessLookupError, PermissionError):
            return False
        return True

    def describe_exit(self, returncode: int) -> tuple[bool, str]:
        if returncode < 0:
            try:
                name = signal.Signals(-returncode).name
            except ValueError:
                name = f"signal {-returncode}"
            return True, f"killed by {name}"
        return False, f"exit code {returncode}"

    def socket_argument(self, sock: socket.socket) -> str:
        return str(sock.fileno())  # pass_fds keeps the number in the child, as systemd does

    def handoff_popen_options(self, sock: socket.socket) -> dict[str, Any]:
        return {"pass_fds": (sock.fileno(),)}

    def make_probe_socket(self, family: socket.AddressFamily = socket.AF_INET) -> socket.socket:
        # Like uvicorn: SO_REUSEADDR lets a port in TIME_WAIT be bound, so only a listener counts.
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        return sock
