"""The interface every platform implements, and the choice of how a backend is asked to stop."""

from __future__ import annotations

import socket
import subprocess
from abc import ABC, abstractmethod
from collections.abc import Callable
from enum import StrEnum
from typing import Any


class StopMethod(StrEnum):
    """How the guardian asks a backend to stop gracefully; the launch spec chooses it."""

    # Close the pipe on the child's stdin. The bundled backend (--stop-on-stdin-eof) stops on
    # EOF: the same code on every OS, and the pipe also closes when the guardian dies.
    PIPE_CLOSE = "pipe_close"
    # The OS's own request, for a foreign backend that knows nothing of us: SIGTERM to its
    # process group on POSIX, Ctrl+C through its console on Windows (as WinSW does).
    OS_SIGNAL = "os_signal"


class ProcessPlatform(ABC):
    """How to spawn, stop and tie a child process to us on one OS family."""

    @abstractmethod
    def popen_options(self, stop_method: StopMethod) -> dict[str, Any]:
        """Extra keyword arguments for subprocess.Popen: own process group, parent-death hook,
        and what the stop method needs from the spawn."""

    @abstractmethod
    def after_spawn(self, process: subprocess.Popen[bytes]) -> None:
        """Work that can only be done once the child exists (a Windows job object)."""

    @abstractmethod
    def request_stop(self, process: subprocess.Popen[bytes]) -> None:
        """StopMethod.OS_SIGNAL: SIGTERM to the process group, or Ctrl+C to the console."""

    @abstractmethod
    def kill_group(self, process: subprocess.Popen[bytes]) -> None:
        """Kill whatever is left of the child's process group; no error if it is gone."""

    @abstractmethod
    def request_stack_dump(self, pid: int) -> bool:
        """Ask a backend to write its threads' stacks (faulthandler); False if unsupported."""

    @abstractmethod
    def describe_exit(self, returncode: int) -> tuple[bool, str]:
        """(was it a signal, a plain description) for a Popen return code."""

    def make_probe_socket(self, family: socket.AddressFamily = socket.AF_INET) -> socket.socket:
        """A socket to test whether a port can be bound (platforms differ on reuse flags)."""
        return socket.socket(family, socket.SOCK_STREAM)

    # Socket handoff (tray_app/watchdog/listener.py): the child serves on our listening socket.
    @abstractmethod
    def socket_argument(self, sock: socket.socket) -> str:
        """What replaces `{fd}` in the command: a file descriptor number, or `share`."""

    @abstractmethod
    def handoff_popen_options(self, sock: socket.socket) -> dict[str, Any]:
        """Extra Popen arguments that let the child inherit the socket."""

    def hand_over(  # noqa: B027 - optional: only Windows has work to do here
        self,
        sock: socket.socket,
        pid: int,
        write_line: Callable[[str], bool],
    ) -> None:
        """After the spawn: give the socket to the child if inheriting did not (Windows)."""


ExitCallback = Callable[[int], None]
