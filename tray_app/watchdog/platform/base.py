"""The interface every platform implements."""

from __future__ import annotations

import socket
import subprocess
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any


class ProcessPlatform(ABC):
    """How to spawn, stop and tie a child process to us on one OS family."""

    @abstractmethod
    def popen_options(self) -> dict[str, Any]:
        """Extra keyword arguments for subprocess.Popen: own process group, parent-death hook."""

    @abstractmethod
    def after_spawn(self, process: subprocess.Popen[bytes]) -> None:
        """Work that can only be done once the child exists (a Windows job object)."""

    @abstractmethod
    def request_stop(self, process: subprocess.Popen[bytes]) -> None:
        """Ask the child's process group to stop gracefully (SIGTERM, CTRL_BREAK_EVENT)."""

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


ExitCallback = Callable[[int], None]
