"""Polling against a deadline, the one way tests wait. A timeout says what it saw."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from typing import TypeVar

import psutil

T = TypeVar("T")


class WaitTimeout(AssertionError):
    pass


def wait_for(
    condition: Callable[[], T | None],
    timeout_s: float = 10.0,
    interval_s: float = 0.02,
    describe: Callable[[], object] | None = None,
    message: str = "condition",
) -> T:
    """Return condition()'s first truthy value; on timeout raise with what `describe` saw."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            seen = describe() if describe else value
            raise WaitTimeout(f"{message} not met within {timeout_s} s; saw: {seen!r}")
        time.sleep(interval_s)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def process_alive(pid: int) -> bool:
    """True while the process runs; a zombie (ended, not yet reaped) counts as gone."""
    try:
        return bool(psutil.Process(pid).status() != psutil.STATUS_ZOMBIE)
    except psutil.NoSuchProcess:
        return False
