"""Process and HTTP plumbing for bench/recovery.py.

Every process is started in a session (and process group) of its own, remembered, and ended
in `end_all`: SIGTERM to the group, then SIGKILL to the group and every descendant seen, so a
guardian's backend (which leads its own group) goes too. `leftovers` finds anything that still
names the benchmark's temporary folder on its command line.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TypeVar

import psutil

POLL_S = 0.005  # how often /health is asked while waiting for a backend to come back
REQUEST_TIMEOUT_S = 1.0
T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def wait_for(probe: Callable[[], T | None], timeout_s: float, what: str, every_s: float) -> T:
    """Call `probe` until it returns something other than None; TimeoutError names `what`."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = probe()
        if value is not None:
            return value
        if time.monotonic() >= deadline:
            raise TimeoutError(f"{what}: not within {timeout_s:g} s")
        time.sleep(every_s)


def _get(port: int, path: str, timeout_s: float) -> tuple[int, bytes] | None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout_s)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    except (OSError, http.client.HTTPException):
        return None
    finally:
        connection.close()


def health_answers(port: int, timeout_s: float = REQUEST_TIMEOUT_S) -> bool:
    answer = _get(port, "/health", timeout_s)
    return answer is not None and answer[0] == 200


def backend_pid(port: int) -> int | None:
    """The PID the backend reports for itself in /api/v1/system/status."""
    answer = _get(port, "/api/v1/system/status", 5.0)
    if answer is None or answer[0] != 200:
        return None
    with contextlib.suppress(ValueError, KeyError, TypeError):
        return int(json.loads(answer[1])["process"]["pid"])
    return None


def time_until_new_backend(
    port: int, since: float, old_pid: int | None, timeout_s: float
) -> tuple[float, int]:
    """Seconds from `since` (monotonic) until /health answers 200 from a PID other than
    `old_pid`, polling every 5 ms; and that PID."""
    deadline = since + timeout_s
    while True:
        if health_answers(port):
            answered = time.monotonic()
            pid = backend_pid(port)
            if pid is not None and pid != old_pid:
                return answered - since, pid
        if time.monotonic() >= deadline:
            raise TimeoutError(f"no healthy backend with a new PID on port {port}")
        time.sleep(POLL_S)


def descendants(pid: int) -> list[psutil.Process]:
    with contextlib.suppress(psutil.Error):
        return list(psutil.Process(pid).children(recursive=True))
    return []


class Processes:
    """The processes this benchmark started; a context manager that ends them all."""

    def __init__(self) -> None:
        self._running: list[tuple[subprocess.Popen[bytes], IO[bytes] | None]] = []

    def __enter__(self) -> Processes:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.end_all()

    def start(
        self, argv: Sequence[str], *, cwd: Path, log: Path | None = None
    ) -> subprocess.Popen[bytes]:
        output = log.open("ab") if log is not None else None
        popen = subprocess.Popen(
            list(argv),
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=output if output is not None else subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own group: one signal reaches what it spawns
        )
        self._running.append((popen, output))
        return popen

    def end(self, popen: subprocess.Popen[bytes], grace_s: float = 10.0) -> None:
        """SIGTERM the group and let it stop gracefully; SIGKILL whatever is left."""
        tree = descendants(popen.pid)
        for proc in tree:  # a stopped backend cannot act on SIGTERM
            with contextlib.suppress(psutil.Error):
                proc.resume()
        _signal_group(popen.pid, signal.SIGTERM)
        try:
            popen.wait(grace_s)
        except subprocess.TimeoutExpired:
            _signal_group(popen.pid, signal.SIGKILL)
            popen.wait(5)
        _signal_group(popen.pid, signal.SIGKILL)  # members that outlived their leader
        for proc in tree:
            with contextlib.suppress(psutil.Error):
                proc.kill()
        psutil.wait_procs(tree, timeout=5)
        for index, (started, output) in enumerate(self._running):
            if started is popen:
                if output is not None:
                    output.close()
                del self._running[index]
                break

    def end_all(self) -> None:
        for popen, _output in list(reversed(self._running)):
            self.end(popen)


def _signal_group(pgid: int, signum: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signum)


def leftovers(marker: str) -> list[psutil.Process]:
    """Processes other than this one whose command line mentions `marker`."""
    found = []
    for proc in psutil.process_iter(["pid", "cmdline"]):
        cmdline = proc.info.get("cmdline") or []
        if proc.pid != os.getpid() and any(marker in part for part in cmdline):
            found.append(proc)
    return found


def end_leftovers(marker: str) -> str:
    """Kill what `leftovers` finds; says what it did, with a warning if anything was left."""
    left = leftovers(marker)
    if not left:
        return "\nno process of this benchmark is left"
    lines = [f"\nWARNING: {len(left)} process(es) of this benchmark were left; killed:"]
    for proc in left:
        lines.append(f"  PID {proc.pid}: {' '.join(proc.info.get('cmdline') or [])}")
        with contextlib.suppress(psutil.Error):
            proc.kill()
    psutil.wait_procs(left, timeout=5)
    return "\n".join(lines)
